#include <catch2/catch.hpp>

#include <csignal>
#include <cstdlib>

#include "orgplan/base/error.hpp"
#include "orgplan/plugin_host/plugin_isolation.hpp"

using namespace orgplan;

TEST_CASE("an isolated call returns its answer, and a crash, a throw or an endless loop end only that call") {
    const IsolationLimits limits{2, 512};
    CHECK(run_isolated("test", limits, [] { return nlohmann::json{{"answer", 42}}; })["answer"] == 42);
    CHECK_THROWS_WITH(run_isolated("plugin 'crash'", limits, []() -> nlohmann::json { std::abort(); }),
                      Catch::Contains("plugin 'crash'"));
    CHECK_THROWS_WITH(run_isolated("plugin 'throw'", limits,
                                   []() -> nlohmann::json { throw std::runtime_error("bad input"); }),
                      Catch::Equals("bad input")); // as it was thrown, as without isolation
    CHECK_THROWS_WITH(run_isolated("plugin 'loop'", {0.5, 512},
                                   []() -> nlohmann::json {
                                       for (volatile bool forever = true; forever;) {
                                       }
                                       return nullptr;
                                   }),
                      Catch::Contains("plugin 'loop'"));
    // The parent goes on as before.
    CHECK(run_isolated("test", limits, [] { return nlohmann::json(1); }) == 1);
}

TEST_CASE("plugin answers survive the trip from the child as JSON") {
    sdk::Proposal p;
    p.assignments = {{"pa", TargetKind::product, "p1", 0.5}};
    p.pm_roles = {{"pa", "strategist"}};
    p.rationale = {"why"};
    p.unfilled = {"t9"};
    const auto back = proposal_from_wire(nlohmann::json::parse(to_wire(p).dump()));
    REQUIRE(back.assignments.size() == 1);
    CHECK(back.assignments[0].kind == TargetKind::product);
    CHECK(back.assignments[0].share == 0.5);
    CHECK(back.pm_roles.at("pa") == "strategist");
    CHECK(back.rationale == p.rationale);
    CHECK(back.unfilled == p.unfilled);

    std::vector<sdk::Finding> findings{{"no-pm", sdk::Severity::error, "t1", "8 makers", "hire"}};
    const auto f = findings_from_wire(nlohmann::json::parse(to_wire(findings).dump()));
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == sdk::Severity::error);
    CHECK(f[0].recommendation == "hire");

    sdk::HiringPlan plan;
    plan.groups.push_back({Origin::newcomer, 2, 1, 1, 2, 1, 0});
    plan.total_cost = 2;
    const auto h = hiring_plan_from_wire(nlohmann::json::parse(to_wire(plan).dump()));
    REQUIRE(h.groups.size() == 1);
    CHECK(h.groups[0].origin == Origin::newcomer);
    CHECK(h.total_cost == 2);
}
