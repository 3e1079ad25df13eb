#include <catch2/catch.hpp>

#include "import/check_managers.hpp"
#include "../org_builder.hpp"
#include "import_fixture.hpp"

using namespace orgplan;
using namespace orgplan::importing;
using namespace orgplan::importing::test;
using orgplan::test::person;

namespace {

PeopleIndex indexed(IncomingRecords& in, const StoredPeople& stored, Sheet& s) {
    return index_people(in, stored, [] { return std::unordered_set<std::string>{}; }, s.problems);
}

} // namespace

TEST_CASE("check managers: ids and emails resolve, unknown and self are reported, emails are unique") {
    Sheet s;
    IncomingRecords in;
    auto boss = person_in("E1");
    boss.person.email = "Boss@Example.com";
    in.people.add(boss, s.line(2));
    in.people.add(person_in("E2", "boss@example.com"), s.line(3));
    in.people.add(person_in("E3", "E404"), s.line(4));
    in.people.add(person_in("E4", "E4"), s.line(5));
    auto twin = person_in("E5", "S1");
    twin.person.email = "boss@EXAMPLE.com";
    in.people.add(twin, s.line(6));
    Org stored;
    stored.people = {person("S1", Family::maker)};
    const auto packed = stored_people_of(stored); // the index views it
    const auto people = indexed(in, packed, s);
    const auto manager = check_managers(in, people, packed, s.problems);
    CHECK(manager[1] == 0);
    CHECK(in.people.items[1].person.manager_id == "E1"); // the email resolved to the id
    CHECK(manager[2] == -1);
    CHECK(s.reported(4, "manager", "unknown manager 'E404'"));
    CHECK(manager[3] == -1);
    CHECK(s.reported(5, "manager", "is this person"));
    CHECK(manager[4] == 5);
    CHECK(s.reported(6, "email", "the same email as 'E1' (org.csv:2)"));
    CHECK(s.problems.count() == 3);
}

TEST_CASE("check cycles: a reporting cycle is reported once with its people in order") {
    Sheet s;
    IncomingRecords in;
    in.people.add(person_in("A", "B"), s.line(2));
    in.people.add(person_in("B", "C"), s.line(3));
    in.people.add(person_in("C", "A"), s.line(4));
    in.people.add(person_in("D", "A"), s.line(5));
    const Org stored;
    const auto packed = stored_people_of(stored); // the index views it
    const auto people = indexed(in, packed, s);
    const auto manager = check_managers(in, people, packed, s.problems);
    check_cycles(in, people, manager, s.problems);
    CHECK(s.reported(2, "manager", "reporting cycle A -> B -> C -> A"));
    CHECK(s.problems.count() == 1);
}
