#include <catch2/catch.hpp>

#include "../org_builder.hpp"
#include "orgplan/model/lookup.hpp"

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("a record is found by its id, for changing or only reading") {
    OrgBuilder b;
    b.team("t1").team("t2").pm("pa");
    auto* team = find_by_id(b.org.teams, "t2");
    REQUIRE(team != nullptr);
    team->name = "Two";
    CHECK(b.org.teams[1].name == "Two");
    const Org& org = b.org;
    CHECK(find_by_id(org.people, "pa")->family == Family::pm);
    CHECK(find_by_id(org.people, "nobody") == nullptr);
    CHECK(has_id(org.teams, "t1"));
    CHECK_FALSE(has_id(org.teams, ""));
}
