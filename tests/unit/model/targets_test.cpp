#include <catch2/catch.hpp>

#include <vector>

#include "orgplan/model/targets.hpp"

using namespace orgplan;

TEST_CASE("assignment targets: each kind reads its own records, in the org's order") {
    Org org;
    org.teams = {{"t2", "T2", "", "", "", ""}, {"t1", "T1", "", "", "", ""}};
    org.products = {{"p1", "P1", ProductStatus::active, ""}};
    org.segments = {{"s1", "S1"}};
    org.initiatives = {{"i1", "I1"}};
    org.accounts = {{"a1", "A1", ""}};
    std::vector<std::string> teams;
    for_each_target(org, TargetKind::team, [&](const std::string& id) { teams.push_back(id); });
    CHECK(teams == std::vector<std::string>{"t2", "t1"});
    CHECK(has_target(org, TargetKind::product, "p1"));
    CHECK_FALSE(has_target(org, TargetKind::team, "p1")); // an id of another kind is not a target of this one
    CHECK(has_target(org, TargetKind::segment, "s1"));
    CHECK(has_target(org, TargetKind::initiative, "i1"));
    CHECK(has_target(org, TargetKind::account, "a1"));
    CHECK_FALSE(has_target(org, TargetKind::account, "a2"));
}
