#include <catch2/catch.hpp>

#include "import/check_memberships.hpp"
#include "../org_builder.hpp"
#include "import_fixture.hpp"

using namespace orgplan;
using namespace orgplan::importing;
using namespace orgplan::importing::test;
using orgplan::test::person;

namespace {

// `stored` packed, the people indexed and the memberships checked against teams t1 and t2.
struct Checked {
    StoredPeople packed; // first: the index views it
    PeopleIndex people;
    IdIndex teams;
    MembershipFacts facts;
    Checked(IncomingRecords& in, const Org& stored, Sheet& s) : packed(stored_people_of(stored)) {
        people = index_people(in, packed, [] { return std::unordered_set<std::string>{}; }, s.problems);
        teams.add("t1");
        teams.add("t2");
        facts = check_memberships(in, people, teams, packed, s.problems);
    }
};

} // namespace

TEST_CASE("check memberships: unknown people and teams, a team twice, allocations over 1, maker FTE per team") {
    Sheet s;
    IncomingRecords in;
    in.people.add(person_in("M1", "", Family::maker, 0.5), s.line(2));
    in.people.add(person_in("P1", "", Family::pm), s.line(3));
    in.memberships.add({"M1", "t1", 0.6}, s.line(10), 1);
    in.memberships.add({"M1", "t2", 0.6}, s.line(11), 1);
    in.memberships.add({"P1", "t1", 1.0}, s.line(12), 1);
    in.memberships.add({"P1", "t1", 0.5}, s.line(13), 1);
    in.memberships.add({"X9", "t1", 1.0}, s.line(14), 1);
    in.memberships.add({"M1", "t404", 0.1}, s.line(15), 1);
    const Org stored;
    const Checked c(in, stored, s);
    CHECK(s.reported(11, "allocation", "allocations of 'M1' add up to 1.20 here"));
    CHECK(s.reported(13, "team", "'P1' is listed in team 't1' more than once"));
    CHECK(s.reported(14, "person", "unknown person 'X9'"));
    CHECK(s.reported(15, "team", "unknown team 't404'"));
    CHECK(s.problems.count() == 5); // and P1's allocations over 1 at line 13
    CHECK(c.facts.team_maker_fte[0] == Approx(0.3)); // M1: 0.5 FTE x 0.6; P1 is no maker
    CHECK(c.facts.team_maker_fte[1] == Approx(0.3));
    CHECK(c.facts.replaced(0));
    CHECK(c.facts.allocated[0] == Approx(1.3));
}

TEST_CASE("check memberships: a stored person's new rows replace theirs, a row without allocation keeps the stored one") {
    Sheet s;
    IncomingRecords in;
    in.people.add(person_in("M1"), s.line(2), column_bit("people", "name"));
    in.memberships.add({"M1", "t1", 1.0}, s.line(3), 0); // no allocation column
    Org stored;
    stored.people = {person("M1", Family::maker), person("M2", Family::maker)};
    stored.memberships = {{"M1", "t1", 0.4}, {"M1", "t2", 0.6}, {"M2", "t2", 1.0}};
    const Checked c(in, stored, s);
    CHECK_FALSE(s.problems.any());
    CHECK(in.memberships.items[0].allocation == Approx(0.4));
    CHECK(c.facts.team_maker_fte[0] == Approx(0.4)); // M1's stored t2 row is replaced
    CHECK(c.facts.team_maker_fte[1] == Approx(1.0)); // M2 only
    const auto totals = maker_totals(c.people, c.teams, c.facts);
    REQUIRE(totals.team_fte.size() == 2);
    CHECK(totals.team_fte[0].first == "t1");
    CHECK(totals.unallocated == Approx(0.6)); // M1 is 0.4 allocated
}

TEST_CASE("check memberships: a stored person given their own teams and allocations again is left unchanged") {
    Sheet s;
    IncomingRecords in;
    for (const auto* id : {"M1", "M2", "M3", "M4", "M5", "M6"}) in.people.add(person_in(id), s.line(2));
    in.memberships.add({"M1", "t2", 0.6}, s.line(3)); // both of M1's teams, in another order
    in.memberships.add({"M1", "t1", 0.4}, s.line(4));
    in.memberships.add({"M2", "t2", 0.5}, s.line(5)); // another allocation
    in.memberships.add({"M3", "t2", 1.0}, s.line(6)); // another team
    in.memberships.add({"M4", "t1", 1.0}, s.line(7)); // new
    in.memberships.add({"M5", "t1", 0.5}, s.line(8)); // one of two teams
    in.memberships.add({"M6", "t1", 1.0}, s.line(9), 0); // no allocation column: the stored one stands
    Org stored;
    stored.people = {person("M1", Family::maker), person("M2", Family::maker), person("M3", Family::maker),
                     person("M5", Family::maker), person("M6", Family::maker), person("M7", Family::maker)};
    stored.memberships = {{"M1", "t1", 0.4}, {"M1", "t2", 0.6}, {"M2", "t2", 1.0}, {"M3", "t1", 1.0},
                          {"M5", "t1", 0.5}, {"M5", "t2", 0.5}, {"M6", "t1", 0.8}, {"M7", "t2", 1.0}};
    const Checked c(in, stored, s);
    REQUIRE_FALSE(s.problems.any());
    const auto unchanged = [&](const char* id) { return c.facts.unchanged[c.people.find(id)]; };
    CHECK(unchanged("M1"));
    CHECK(unchanged("M6"));
    CHECK_FALSE(unchanged("M2"));
    CHECK_FALSE(unchanged("M3"));
    CHECK_FALSE(unchanged("M4"));
    CHECK_FALSE(unchanged("M5"));
    CHECK_FALSE(unchanged("M7")); // no record at all: nothing of theirs is written
    CHECK_FALSE(c.facts.rewritten(c.people.find("M1")));
    CHECK(c.facts.rewritten(c.people.find("M2")));
    CHECK(c.facts.rewritten(c.people.find("M4")));
    CHECK_FALSE(c.facts.rewritten(c.people.find("M7")));
    REQUIRE(c.facts.person_of_row.size() == in.memberships.items.size());
    CHECK(c.facts.person_of_row[3] == c.people.find("M3"));
    CHECK(c.facts.team_maker_fte[0] == Approx(0.4 + 1.0 + 0.5 + 0.8)); // M1, M4, M5, M6 in t1
}
