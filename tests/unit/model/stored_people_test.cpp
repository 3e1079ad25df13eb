#include <catch2/catch.hpp>

#include "../org_builder.hpp"
#include "orgplan/model/stored_people.hpp"

using namespace orgplan;
using orgplan::test::person;

TEST_CASE("stored people of an org: ids, emails, managers, families, FTE and memberships, copied into the arena") {
    Org org;
    org.people = {person("E0", Family::product_leader), person("E1", Family::pm, 0.5, "E0")};
    org.people[1].email = "e1@example.com";
    org.memberships = {{"E1", "t1", 0.4}, {"E1", "t2", 0.6}};
    const auto stored = stored_people_of(org);
    org = Org{}; // the packed people own their text
    REQUIRE(stored.people.size() == 2);
    CHECK(stored.people[1].id == "E1");
    CHECK(stored.people[1].email == "e1@example.com");
    CHECK(stored.people[1].manager_id == "E0");
    CHECK(stored.people[1].family == Family::pm);
    CHECK(stored.people[1].fte == Approx(0.5));
    CHECK(stored.people[0].manager_id.empty());
    REQUIRE(stored.memberships.size() == 2);
    CHECK(stored.memberships[1].person_id == "E1");
    CHECK(stored.memberships[1].team_id == "t2");
    CHECK(stored.memberships[1].allocation == Approx(0.6));
}

TEST_CASE("a stored person takes 40 bytes and a stored membership 24 (an update import holds a million of each)") {
    if (sizeof(void*) != 8) return; // the sizes are those of 64-bit builds
    CHECK(sizeof(StoredPerson) == 40);
    CHECK(sizeof(StoredMembership) == 24);
}
