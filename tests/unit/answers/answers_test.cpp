#include <catch2/catch.hpp>

#include "../builtin_plugins.hpp"
#include "orgplan/answers/answers.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/planning/mentoring.hpp"

using namespace orgplan;
using namespace orgplan::test;

namespace {

// t1 has 12 makers and one PM, t2 8 makers and none; a leader coaches a novice PM.
Org small_org() {
    OrgBuilder b;
    b.product("p1").team("t1", "p1").makers("t1", 12).team("t2", "p1").makers("t2", 8);
    b.leader("lead", 3).pm("pa", 6, Origin::external_senior, "lead").pm("nov", 0.5, Origin::newcomer, "lead");
    b.assign("pa", TargetKind::team, "t1").assign("nov", TargetKind::team, "t1");
    return b.org;
}

} // namespace

TEST_CASE("principles are compared against today's assignments, today first, then best score first") {
    const PluginRun plugins{builtin_host(), {}};
    const auto c = compare_principles(small_org(), Settings{}, plugins);
    REQUIRE(c.rows.size() >= 2);
    CHECK(c.rows.front().first == "(current)");
    for (std::size_t i = 2; i < c.rows.size(); ++i) CHECK(c.rows[i - 1].second.score >= c.rows[i].second.score);
    CHECK(c.output.sections.at(0).table.size() == c.rows.size() + c.not_applicable.size()); // they are listed too
    // The org has no accounts: by-account says what it lacks instead of proposing nothing.
    CHECK(std::any_of(c.not_applicable.begin(), c.not_applicable.end(),
                      [](const auto& n) { return n.first == "by-account" && !n.second.empty(); }));
}

TEST_CASE("hiring mixes: one row per mix asked, the count given or what the threshold needs") {
    const PluginRun plugins{builtin_host(), {}};
    const auto org = small_org();
    const auto one = hiring_answer(org, Settings{}, plugins, 3.0, {"balanced"});
    CHECK(one.sections.at(0).table.size() == 1);
    const auto every = hiring_answer(org, Settings{}, plugins, std::nullopt, {});
    CHECK(every.sections.at(0).table.size() == builtin_host().of_kind(sdk::PluginKind::hiring_mix).size());
    CHECK_THROWS_WITH(hiring_answer(org, Settings{}, plugins, 3.0, {"no-such-mix"}), Catch::Contains("no-such-mix"));
}

TEST_CASE("the headcount plan: a row per quarter, and the risk band only when simulated") {
    const PluginRun plugins{builtin_host(), {}};
    PlanOptions options;
    options.quarters = 5;
    const auto plain = plan_answer(small_org(), Settings{}, plugins, options);
    CHECK(plain.rows.size() == 5);
    CHECK(plain.risk.empty());
    CHECK(plain.output.sections.at(0).table.size() == 5);
    CHECK(plain.input.pm_count == 2);

    std::vector<std::string> phases;
    options.trials = 200;
    options.progress = [&](const char* phase, const std::string&) { phases.emplace_back(phase); };
    const auto simulated = plan_answer(small_org(), Settings{}, plugins, options);
    CHECK(simulated.risk.size() == 5);
    CHECK(phases == std::vector<std::string>{"start", "done"});
    // The expected projection is the same whether or not risk is simulated.
    for (std::size_t q = 0; q < 5; ++q) CHECK(simulated.rows[q].pm_headcount == plain.rows[q].pm_headcount);
}

TEST_CASE("mentoring's answer lists each pairing, the novice first") {
    const auto org = small_org();
    const auto plan = plan_mentoring(org, Settings{});
    const auto out = mentoring_answer(org, plan);
    REQUIRE(plan.pairings.size() == 1);
    const auto rows = to_json(out).at("rows");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].dump().find("nov") != std::string::npos);
}

TEST_CASE("interrupts by PM sum each PM's hours, and a grouping that does not exist is refused, naming it") {
    auto org = small_org();
    org.interrupts.push_back(interrupt("2026-11-02", "lead", "pa", "", "", 3, InterruptKind::executive_request));
    org.interrupts.push_back(interrupt("2026-11-20", "lead", "pa", "", "", 2, InterruptKind::sales_escalation));
    org.interrupts.push_back(interrupt("2026-11-21", "lead", "nov", "", "", 1, InterruptKind::customer_call));
    const auto out = interrupts_answer(org, Settings{}, "pm", "", "");
    const auto doc = to_json(out);
    CHECK(doc.at("by") == "pm");
    CHECK(doc.at("interrupts") == 3);
    CHECK(doc.at("hours") == 6.0);
    CHECK(out.sections.at(0).table.size() == 2);
    CHECK_THROWS_WITH(interrupts_answer(org, Settings{}, "planet", "", ""), Catch::Contains("planet"));
    CHECK_THROWS_AS(interrupts_answer(org, Settings{}, "pm", "yesterday", ""), Error);
}

TEST_CASE("task force load: people on at least so many task forces, OVER past the setting") {
    auto org = small_org();
    org.task_forces.push_back({"tf1", "pricing", {{"pa", false, ""}, {"nov", true, ""}}});
    org.task_forces.push_back({"tf2", "churn", {{"pa", false, ""}}});
    org.task_forces.push_back({"tf3", "onboarding", {{"pa", true, ""}, {"gone", false, ""}}});
    Settings settings;
    settings.set("taskforce.max_per_person", 2);
    const auto rows = to_json(task_force_load_answer(org, settings, 2)).at("rows");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].at("person") == "pa");
    CHECK(rows[0].at("seats") == 3);
    CHECK(rows[0].at("status") == "OVER");
    const auto everyone = to_json(task_force_load_answer(org, settings, 1)).at("rows");
    CHECK(everyone.size() == 3);
    CHECK(everyone.dump().find("(not in the org)") != std::string::npos);
}
