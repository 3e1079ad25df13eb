#include <catch2/catch.hpp>

#include <algorithm>

#include "../org_builder.hpp"
#include "orgplan/analysis/coverage.hpp"

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("a product assignment spreads over the product's teams by their maker FTE") {
    OrgBuilder b;
    b.product("p1").team("t1", "p1").team("t2", "p1").makers("t1", 3).makers("t2", 1).pm("pa").assign("pa", TargetKind::product, "p1");
    const auto c = compute_coverage(b.org, b.org.assignments);
    REQUIRE(c.team_makers.size() == 2);
    CHECK(c.team_makers[0] == 3.0);
    CHECK(c.team_pm[0] == Approx(0.75));
    CHECK(c.team_pm[1] == Approx(0.25));
    REQUIRE(c.pm_team.size() == 1);
    CHECK(c.pm_team[0].first == "pa");
    CHECK(c.pm_team[0].second.size() == 2);
    CHECK(c.pm_fte_total == 1.0);
    CHECK(c.pm_unassigned == 0.0);
}

TEST_CASE("a PM without assignments covers the teams they are a member of, by allocation") {
    OrgBuilder b;
    b.team("t1").makers("t1", 2).pm("pa", 5, Origin::external_senior, "", 0.8);
    b.org.memberships.push_back({"pa", "t1", 0.5});
    const auto c = compute_coverage(b.org, b.org.assignments);
    CHECK(c.team_pm[0] == Approx(0.4));
    CHECK(c.pm_unassigned == Approx(0.4)); // the half of their 0.8 FTE that reaches no team
}

TEST_CASE("time on initiatives and accounts is PM time at org level, and makers in no team are counted apart") {
    OrgBuilder b;
    b.team("t1").makers("t1", 2).initiative("i1").pm("pa").assign("pa", TargetKind::initiative, "i1", 0.5)
        .assign("pa", TargetKind::team, "t1", 0.5).staff("loose", Family::maker).pm("idle");
    const auto c = compute_coverage(b.org, b.org.assignments);
    CHECK(c.pm_org_level.at("pa") == Approx(0.5));
    CHECK(c.team_pm[0] == Approx(0.5));
    CHECK(c.unallocated_makers == 1.0);
    CHECK(c.pm_fte_total == 2.0);
    CHECK(c.pm_unassigned == 1.0); // idle has no assignment and no team
}

TEST_CASE("a product leader with assignments is a player-coach whose shares count as PM FTE") {
    OrgBuilder b;
    b.team("t1").makers("t1", 4).leader("L").assign("L", TargetKind::team, "t1", 0.25);
    const auto c = compute_coverage(b.org, b.org.assignments);
    CHECK(c.leader_pm_fte == Approx(0.25));
    CHECK(c.team_pm[0] == Approx(0.25));
}

TEST_CASE("a team's segment is its own, else its product's") {
    OrgBuilder b;
    b.segment("s1").segment("s2").product("p1", ProductStatus::active, "s1").team("t1", "p1").team("t2", "p1", "s2").team("t3");
    CHECK(effective_segments(b.org) == std::vector<std::string>{"s1", "s2", ""});
}

TEST_CASE("scoring adds whole-product and whole-segment PMs by group and gives what each PM's own spread gives") {
    OrgBuilder b;
    b.segment("s1").product("p1", ProductStatus::active, "s1").product("p2");
    b.team("t1", "p1").team("t2", "p1").team("t3", "p1").team("t4", "p2").team("t5", "", "s1").team("t6", "p2");
    b.makers("t1", 3).makers("t2", 1).makers("t4", 2).makers("t5", 4); // t3 and t6 have no makers
    b.pm("a").pm("b", 5, Origin::external_senior, "", 0.5).pm("c").pm("d").pm("e").pm("f");
    const std::vector<Assignment> proposal = {
        {"a", TargetKind::product, "p1", 1.0},   {"b", TargetKind::product, "p1", 0.6},
        {"b", TargetKind::product, "p2", 0.4},   {"c", TargetKind::segment, "s1", 1.0},
        {"d", TargetKind::product, "p1", 0.5},   {"d", TargetKind::team, "t4", 0.5}, // mixed: a row of its own
        {"e", TargetKind::product, "nowhere", 1.0}, {"f", TargetKind::team, "t6", 1.0}};
    const CoverageBasis basis(b.org);
    std::vector<std::size_t> teams_per_pm;
    const auto scored = basis.cover(proposal, &teams_per_pm);
    const auto exact = basis.cover(proposal); // every PM's share spread one by one, in parts
    REQUIRE(scored.team_pm.size() == exact.team_pm.size());
    for (std::size_t t = 0; t < exact.team_pm.size(); ++t) {
        INFO("team " << b.org.teams[t].id);
        CHECK(scored.team_pm[t] == Approx(exact.team_pm[t]).margin(1e-12));
    }
    CHECK(scored.team_pm[0] == Approx(0.75 + 0.3 * 0.75 + 0.5 * 0.75 + 3.0 / 8)); // a, b, d on p1; c on s1
    CHECK(scored.team_pm[2] == 0.0);                                                // no makers, no share
    // Teams each PM reaches, as the parts say: only teams with makers take a share of a spread.
    std::vector<std::size_t> expected;
    for (const auto& [pm, parts] : exact.pm_team) {
        std::size_t reached = 0;
        for (const auto& [team, fte] : parts) reached += fte > 1e-12;
        if (reached) expected.push_back(reached);
    }
    std::sort(expected.begin(), expected.end());
    std::sort(teams_per_pm.begin(), teams_per_pm.end());
    CHECK(teams_per_pm == expected);
    CHECK(scored.pm_org_level.at("e") == 1.0); // a product that is not there is PM time at org level
}
