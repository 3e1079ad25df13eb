#include <catch2/catch.hpp>

#include "../builtin_plugins.hpp"
#include "orgplan/answers/principle_proposal.hpp"
#include "orgplan/base/error.hpp"

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("one principle's proposal: its assignments in the answer, and a principle without data says so") {
    OrgBuilder b;
    b.product("p1").team("t1", "p1").makers("t1", 6).team("t2", "p1").makers("t2", 4).pm("pa").pm("pb");
    b.assign("pa", TargetKind::team, "t1").assign("pb", TargetKind::team, "t2");
    const PluginRun plugins{builtin_host(), {}};
    const auto by_team = propose_principle(b.org, Settings{}, plugins, "by-team");
    REQUIRE_FALSE(by_team.proposal.assignments.empty());
    for (const auto& a : by_team.proposal.assignments) CHECK(a.kind == TargetKind::team);
    REQUIRE_FALSE(by_team.output.sections.empty());
    CHECK(by_team.output.sections[0].table.size() == by_team.proposal.assignments.size());
    CHECK_THROWS_AS(propose_principle(b.org, Settings{}, plugins, "by-account"), PrincipleNotApplicable);
    CHECK_THROWS_WITH(propose_principle(b.org, Settings{}, plugins, "by-nothing"), Catch::Contains("by-nothing"));
}
