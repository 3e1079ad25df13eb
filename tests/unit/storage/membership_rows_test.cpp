#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "orgplan/storage/row_statement.hpp"
#include "storage/membership_rows.hpp"

using namespace orgplan;

namespace {

const std::string kLong = "employee-0000-0000-";

Person person(const std::string& id) {
    Person p;
    p.id = id;
    return p;
}

Team team(const std::string& id) {
    Team t;
    t.id = id;
    return t;
}

// The rows of a VALUES list read through MembershipRows.
std::vector<Membership> read(const std::string& values, const std::vector<Person>& people, bool descending,
                             const TeamIds& teams) {
    Database db(":memory:");
    RowQuery q(db, "SELECT column1, column2, column3 FROM (VALUES " + values + ")");
    MembershipRows rows(people.data(), people.size(), descending, teams);
    std::vector<Membership> out;
    while (q.step()) out.push_back(rows.read(q));
    return out;
}

} // namespace

TEST_CASE("membership rows share their person's and their team's long ids, in either order") {
    const std::vector<Team> teams{team(kLong + "T1"), team(kLong + "T2"), team("T3")};
    const TeamIds team_ids(teams);
    const std::vector<Person> up{person(kLong + "A"), person(kLong + "B"), person(kLong + "D")};
    const auto a = kLong + "A", b = kLong + "B", c = kLong + "C", d = kLong + "D";

    const auto ascending = read("('" + a + "', '" + kLong + "T1', 1.0), ('" + a + "', '" + kLong + "T2', 0.5), ('" + c +
                                    "', '" + kLong + "T1', 1.0), ('" + d + "', 'T3', 0.25), ('" + d + "', '" + kLong +
                                    "T9', 0.5)",
                                up, false, team_ids);
    REQUIRE(ascending.size() == 5);
    CHECK(ascending[0].person_id.shares(up[0].id));
    CHECK(ascending[1].person_id.shares(up[0].id));
    CHECK(ascending[0].team_id.shares(teams[0].id));
    CHECK(ascending[1].team_id.shares(teams[1].id));
    CHECK(ascending[1].allocation == 0.5);
    // C is nobody's id: a copy, equal but its own; the walk goes on to D.
    CHECK(ascending[2].person_id == c);
    CHECK_FALSE(ascending[2].person_id.shares(up[0].id));
    CHECK_FALSE(ascending[2].person_id.shares(up[1].id));
    CHECK(ascending[3].person_id.shares(up[2].id));
    CHECK(ascending[3].team_id == "T3");
    CHECK(ascending[4].team_id == kLong + "T9"); // no such team: a copy
    CHECK(ascending[4].person_id.shares(up[2].id));

    // Rows from the largest id down, walked from the last person back.
    const std::vector<Person> down{up[0], up[1], person(kLong + "B2"), up[2]};
    const auto descending = read("('" + d + "', '" + kLong + "T2', 1.0), ('" + b + "', '" + kLong + "T1', 1.0), ('" + a +
                                     "', '" + kLong + "T2', 1.0), ('" + a + "', '" + kLong + "T1', 1.0)",
                                 down, true, team_ids);
    REQUIRE(descending.size() == 4);
    CHECK(descending[0].person_id.shares(down[3].id));
    CHECK(descending[1].person_id.shares(down[1].id));
    CHECK(descending[2].person_id.shares(down[0].id));
    CHECK(descending[3].person_id.shares(down[0].id));
    CHECK(descending[3].team_id.shares(teams[0].id));
}

TEST_CASE("team ids: found only when some team's id is too long to hold inline") {
    const std::vector<Team> short_ids{team("T1"), team("T2")};
    const TeamIds few(short_ids);
    CHECK(few.of("T2") == "T2");
    CHECK(few.of(kLong + "T2") == kLong + "T2");
    const std::vector<Team> mixed{team("T1"), team(kLong + "T2")};
    const TeamIds found(mixed);
    CHECK(found.of(kLong + "T2").shares(mixed[1].id));
    CHECK_FALSE(found.of(kLong + "T3").shares(mixed[1].id));
    CHECK(found.of("T1") == "T1");
}
