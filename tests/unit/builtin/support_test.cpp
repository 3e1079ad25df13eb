// The helpers the built-in plugins share: settings and parameters, units to align PMs to, and filling them.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "../org_builder.hpp"
#include "orgplan/analysis/coverage.hpp"
#include "orgplan/plugin_host/plugin_requests.hpp"
#include "support.hpp"

using namespace orgplan;
using namespace orgplan::builtin;
using namespace orgplan::test;

namespace {

double share_of(const sdk::Proposal& p, const std::string& pm, const std::string& target) {
    double s = 0;
    for (const auto& a : p.assignments)
        if (a.pm_id == pm && a.target_id == target) s += a.share;
    return s;
}

} // namespace

TEST_CASE("settings fall back when the host sent none, and a parameter must be a finite number in its range") {
    CHECK(setting({{"ratio.threshold", 8}}, "ratio.threshold", 10) == 8);
    CHECK(setting({}, "ratio.threshold", 10) == 10);
    CHECK(param({{"weight", "0.25"}}, "weight", 0.5) == 0.25);
    CHECK(param({}, "weight", 0.5) == 0.5);
    CHECK(param({{"years", "7"}}, "years", 3, 0, 40) == 7);
    for (const char* bad : {"", "1.5", "-0.1", "nan", "inf", "0.5x", "half"})
        CHECK_THROWS_WITH(param({{"weight", bad}}, "weight", 0.5),
                          Catch::Contains("parameter 'weight' must be a number from 0.00 to 1.00, got '" +
                                          std::string(bad) + "'"));
    CHECK(fixed(2.345) == "2.3");
    CHECK(fixed(2.0, 0) == "2");
}

TEST_CASE("units: a team's own segment beats its product's, and teams without a group stand alone") {
    OrgBuilder b;
    b.product("p1", ProductStatus::active, "smb").product("p2");
    b.team("a", "p1").makers("a", 3).team("b", "p1", "enterprise").makers("b", 2).team("c", "p2").makers("c", 4);
    b.team("loose").makers("loose", 1).team("empty", "p2");
    const auto coverage = to_sdk(compute_coverage(b.org, b.org.assignments));
    CHECK(team_segments(b.org) == std::vector<std::string>{"smb", "enterprise", "", "", ""});

    const auto products = product_units(b.org, coverage);
    REQUIRE(products.size() == 3); // p1, p2, then the loose team
    CHECK(products[0].id == "p1");
    CHECK(products[0].makers == 5);
    CHECK(products[0].teams == std::vector<std::size_t>{0, 1});
    CHECK(products[1].teams == std::vector<std::size_t>{2, 4});
    CHECK(products[2].kind == TargetKind::team);
    CHECK(products[2].id == "loose");

    const auto segments = segment_units(b.org, coverage);
    REQUIRE(segments.size() == 4); // enterprise, smb, then c and loose alone
    CHECK(segments[0].id == "enterprise");
    CHECK(segments[1].id == "smb");
    CHECK(segments[2].kind == TargetKind::team);

    CHECK(team_units(b.org, coverage).size() == 4); // "empty" has no makers
    CHECK(team_units(b.org, coverage, [](const Team& t) { return t.product_id == "p1"; }).size() == 2);
}

TEST_CASE("PM slots: most experienced first, unknown experience last") {
    OrgBuilder b;
    b.pm("junior", 1).pm("senior", 9).pm("half", 4, Origin::newcomer, "", 0.5);
    b.org.people.push_back(person("unknown", Family::pm));
    b.org.people.back().pm_years.reset();
    const auto slots = pm_slots(b.org);
    REQUIRE(slots.size() == 4);
    CHECK(slots[0].id == "senior");
    CHECK(slots[1].id == "half");
    CHECK(slots[1].fte == 0.5);
    CHECK(slots[2].id == "junior");
    CHECK(slots[3].id == "unknown");
    CHECK(slots[3].pm_years == -1);
}

TEST_CASE("filling units: PMs stay where they are, the freest takes the largest, and too few PMs share evenly") {
    OrgBuilder b;
    b.team("a").makers("a", 10).team("b").makers("b", 10).pm("pa", 5).pm("pb", 3);
    b.assign("pb", TargetKind::team, "b");
    const auto coverage = to_sdk(compute_coverage(b.org, b.org.assignments));
    const auto units = team_units(b.org, coverage);

    sdk::Proposal enough;
    auto pms = pm_slots(b.org);
    fill_units(units, pms, coverage, 10, enough, "team");
    CHECK(share_of(enough, "pb", "b") == Approx(1)); // continuity: pb stays on b
    CHECK(share_of(enough, "pa", "a") == Approx(1));
    CHECK(enough.unfilled.empty());

    // One PM for 20 makers at 10:1: both teams at 20:1, and the rationale says how many more PM FTE reach 10.
    OrgBuilder one;
    one.team("a").makers("a", 10).team("b").makers("b", 10).pm("pa", 5);
    const auto c1 = to_sdk(compute_coverage(one.org, one.org.assignments));
    sdk::Proposal few;
    auto single = pm_slots(one.org);
    fill_units(team_units(one.org, c1), single, c1, 10, few, "team");
    CHECK(share_of(few, "pa", "a") == Approx(0.5));
    CHECK(share_of(few, "pa", "b") == Approx(0.5));
    REQUIRE_FALSE(few.rationale.empty());
    CHECK_THAT(few.rationale[0], Catch::Contains("every PM covers 20.0 makers per FTE; 1.0 more PM FTE"));

    // No PM time at all: every unit is listed as unfilled.
    sdk::Proposal none;
    std::vector<PmSlot> nobody;
    fill_units(team_units(one.org, c1), nobody, c1, 10, none, "team");
    CHECK(none.unfilled.size() == 2);
}

TEST_CASE("names are filled for the ids asked, and unknown ids keep their value") {
    OrgBuilder b;
    b.pm("pa");
    b.org.people.back().name = "Ann";
    std::unordered_map<std::string, std::string> names{{"pa", ""}, {"gone", "gone"}};
    fill_names(b.org, names);
    CHECK(names.at("pa") == "Ann");
    CHECK(names.at("gone") == "gone");
}
