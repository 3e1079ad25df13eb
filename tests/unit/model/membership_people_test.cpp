#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "orgplan/model/membership_people.hpp"

using namespace orgplan;

namespace {
Org org_of(const std::vector<std::string>& people, const std::vector<std::string>& members) {
    Org org;
    for (const auto& id : people) {
        Person p;
        p.id = id;
        org.people.push_back(p);
    }
    for (const auto& id : members) org.memberships.push_back(Membership{id, "t", 1.0});
    return org;
}
} // namespace

TEST_CASE("the person of each membership, by a merge when both lists are in id order") {
    // b has two teams, c none, and zz is not in the org.
    const auto org = org_of({"a", "b", "c", "d"}, {"a", "b", "b", "d", "zz"});
    CHECK(person_of_memberships(org) == std::vector<long>{0, 1, 1, 3, -1});
}

TEST_CASE("the person of each membership, through an index when either list is out of order") {
    CHECK(person_of_memberships(org_of({"c", "a", "b"}, {"a", "b", "c", "x"})) == std::vector<long>{1, 2, 0, -1});
    CHECK(person_of_memberships(org_of({"a", "b", "c"}, {"c", "a"})) == std::vector<long>{2, 0});
}

TEST_CASE("an id given twice is its first person, sorted or not") {
    CHECK(person_of_memberships(org_of({"a", "b", "b", "c"}, {"b", "c"})) == std::vector<long>{1, 3});
    CHECK(person_of_memberships(org_of({"b", "a", "b"}, {"b"})) == std::vector<long>{0});
    CHECK(person_of_memberships(org_of({}, {"a"})) == std::vector<long>{-1});
}

TEST_CASE("people out of order after the last membership's person still send the lookup through the index") {
    // The merge stops at b; only the check of the people it never walked past sees c before a.
    CHECK(person_of_memberships(org_of({"b", "c", "a"}, {"a", "b"})) == std::vector<long>{2, 0});
    CHECK(person_of_memberships(org_of({"a", "b", "d", "c"}, {"b"})) == std::vector<long>{1});
    CHECK(person_of_memberships(org_of({"a", "c", "b"}, {"c"})) == std::vector<long>{1});
}
