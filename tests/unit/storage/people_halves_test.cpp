#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "../fixture.hpp"
#include "orgplan/storage/read_transaction.hpp"
#include "storage/people_halves.hpp"
#include "orgplan/storage/org_store.hpp"
#include "storage/people_rows.hpp"
#include "storage/snapshot_twin.hpp"

using namespace orgplan;
using namespace orgplan::test;

namespace {

// An org of `n` people (ids zero-padded after `prefix`, so text order is number order) in teams of ten, written
// with SQL: every column set from the person's number; every thirteenth person in no team, every fifth in a second.
void fill(Database& db, int n, const std::string& prefix) {
    const auto teams = std::to_string(n / 10 + 1), people = std::to_string(n);
    const auto id = [&](const std::string& number) { return "'" + prefix + "' || printf('P%07d', " + number + ")"; };
    db.sql().exec("BEGIN");
    db.sql().exec("WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i + 1 < " + teams +
                  ") INSERT INTO team(id, name, type, parent_unit) SELECT '" + prefix +
                  "' || printf('T%06d', i), 'Team ' || i, 'stream', 'U' || (i % 3) FROM k");
    db.sql().exec("WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < " + people +
                  ") INSERT INTO person(id, name, email, title, family, family_source, level, pm_years, origin, "
                  "manager_id, location, fte, cost, coaching_hours, unit, cost_center, function) SELECT " + id("i") +
                  ", 'Name ' || i, 'p' || i || '@example.com', 'Engineer ' || (i % 13), CASE WHEN i % 10 = 0 THEN "
                  "'pm' ELSE 'maker' END, 'rule', 'L' || (i % 5), i % 11, CASE WHEN i % 3 = 0 THEN 'newcomer' ELSE "
                  "'unknown' END, CASE WHEN i > 1 THEN " + id("i / 2") + " END, 'Berlin', 0.5 + (i % 2) / 2.0, "
                  "CASE WHEN i % 7 THEN 1000 * i END, CASE WHEN i % 7 THEN i % 4 END, 'U' || (i % 9), 'CC' || (i % 4), "
                  "'engineering' FROM k WHERE i <= " + people);
    db.sql().exec("INSERT INTO membership(person_id, team_id, allocation) SELECT id, '" + prefix +
                  "' || printf('T%06d', CAST(substr(id, -7) AS INTEGER) / 10), 1.0 FROM person WHERE "
                  "CAST(substr(id, -7) AS INTEGER) % 13 <> 0");
    db.sql().exec("INSERT INTO membership(person_id, team_id, allocation) SELECT id, '" + prefix +
                  "' || printf('T%06d', (CAST(substr(id, -7) AS INTEGER) / 10 + 1) % " + teams +
                  "), 0.5 FROM person WHERE CAST(substr(id, -7) AS INTEGER) % 5 = 0 AND CAST(substr(id, -7) AS "
                  "INTEGER) % 13 <> 0");
    db.sql().exec("COMMIT");
}

std::vector<Team> teams_of(Database& db) {
    std::vector<Team> teams;
    SQLite::Statement q(db.sql(), "SELECT id FROM team ORDER BY id");
    while (q.executeStep()) teams.emplace_back().id = q.getColumn(0).getString();
    return teams;
}

using Row = std::tuple<std::string, std::string, double>;

// What one connection reading both tables in order gives.
void read_in_order(Database& db, std::vector<Person>& people, std::vector<Row>& memberships) {
    read_people(db, std::string("SELECT ") + kPersonColumns + " FROM person ORDER BY id", 10, people);
    SQLite::Statement q(db.sql(), "SELECT person_id, team_id, allocation FROM membership ORDER BY person_id, team_id");
    while (q.executeStep())
        memberships.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getDouble());
}

// Fails with both ids unless every field is equal (one assertion per differing person, not per field: tens of
// thousands of people are compared).
void check_same(const Person& a, const Person& b) {
    const bool same = a.id == b.id && a.name == b.name && a.email == b.email && a.title == b.title &&
                      a.family == b.family && a.level == b.level && a.pm_years == b.pm_years && a.origin == b.origin &&
                      a.manager_id == b.manager_id && a.location == b.location && a.fte == b.fte && a.cost == b.cost &&
                      a.coaching_hours == b.coaching_hours && a.unit == b.unit && a.cost_center == b.cost_center &&
                      a.function == b.function;
    if (!same) FAIL("person " << a.id << " differs from " << b.id);
}

} // namespace

TEST_CASE("people in halves: what one connection reads in order, each row once, from 0 to 12,289 people") {
    const auto [n, prefix] = GENERATE(table<int, std::string>({{0, ""},
                                                              {1, ""},
                                                              {3, ""},
                                                              {4096, ""},
                                                              {8193, ""},
                                                              {12289, ""},
                                                              {9000, "employee-0000-0000-"}}));
    INFO(n << " people, ids after '" << prefix << "'");
    TempPath file("halves-" + std::to_string(n) + ".db");
    {
        Database writer(file.path);
        fill(writer, n, prefix);
    }
    Database up(file.path, Database::Open::read), down(file.path, Database::Open::read);
    const ReadTransaction up_snapshot(up), down_snapshot(down);
    PeopleHalves halves(up, down); // the helper starts before the teams are read, as the load does
    const auto teams = teams_of(up);
    const TeamIds team_ids(teams);
    std::vector<Person> people{Person{}}; // replaced, not appended to
    std::vector<Membership> memberships(2);
    halves.finish(team_ids, people, memberships);

    std::vector<Person> expected_people;
    std::vector<Row> expected_memberships;
    read_in_order(up, expected_people, expected_memberships);
    REQUIRE(people.size() == static_cast<std::size_t>(n));
    REQUIRE(people.size() == expected_people.size());
    for (std::size_t k = 0; k < people.size(); ++k) check_same(people[k], expected_people[k]);
    REQUIRE(memberships.size() == expected_memberships.size());
    CHECK(memberships.size() >= static_cast<std::size_t>(n) * 12 / 13);
    std::size_t person = 0, shared_people = 0, shared_teams = 0;
    for (std::size_t k = 0; k < memberships.size(); ++k) {
        const auto& m = memberships[k];
        const auto& [person_id, team_id, allocation] = expected_memberships[k];
        if (m.person_id != person_id || m.team_id != team_id || m.allocation != allocation)
            FAIL("membership " << k << ": " << m.person_id << " " << m.team_id << " " << m.allocation << ", expected "
                               << person_id << " " << team_id << " " << allocation);
        while (people[person].id < m.person_id) ++person;
        shared_people += m.person_id.shares(people[person].id);
        for (const auto& t : teams) shared_teams += t.id == m.team_id && m.team_id.shares(t.id);
    }
    // Long ids are shared with the person and the team, not copied (short ones are held inline: equal words).
    CHECK(shared_people == memberships.size());
    CHECK(shared_teams == memberships.size());
}

TEST_CASE("people in halves: a failure on the helper's connection is thrown here, after both stopped") {
    TempPath file("halves-failing.db");
    {
        Database writer(file.path);
        fill(writer, 9000, "");
    }
    Database up(file.path, Database::Open::read);
    const auto teams = teams_of(up);
    const TeamIds team_ids(teams);
    std::vector<Person> people;
    std::vector<Membership> memberships;
    const ReadTransaction up_snapshot(up);

    SECTION("before it counted") {
        Database down(":memory:");
        down.sql().exec("ALTER TABLE person RENAME TO someone");
        PeopleHalves halves(up, down);
        CHECK_THROWS_WITH(halves.finish(team_ids, people, memberships), Catch::Contains("no such table"));
    }
    SECTION("at its memberships, after it read its people") {
        TempPath copy("halves-failing-copy.db");
        std::filesystem::copy_file(file.path, copy.path);
        Database down(copy.path, Database::Open::write);
        down.sql().exec("ALTER TABLE membership RENAME COLUMN allocation TO share");
        const ReadTransaction down_snapshot(down);
        PeopleHalves halves(up, down);
        CHECK_THROWS_WITH(halves.finish(team_ids, people, memberships), Catch::Contains("no such column: allocation"));
    }
}

TEST_CASE("people in halves: given up before finish (a read before it failed), the helper stops and is waited for") {
    TempPath file("halves-abandoned.db");
    {
        Database writer(file.path);
        fill(writer, 12000, "");
    }
    Database up(file.path, Database::Open::read), down(file.path, Database::Open::read);
    const ReadTransaction up_snapshot(up), down_snapshot(down);
    { PeopleHalves halves(up, down); }
    // Both connections are free again.
    CHECK(count(up, "person") == 12000);
    CHECK(count(down, "membership") == count(up, "membership"));
}

TEST_CASE("load_org reads a large file in halves: the same org, field for field, as one connection reads") {
    TempPath file("halves-load.db");
    {
        Database writer(file.path);
        fill(writer, 70000, "employee-0000-0000-");
        writer.checkpoint();
    }
    REQUIRE(std::filesystem::file_size(file.path) >= static_cast<std::uintmax_t>(kFileBytesForHalves));
    Database db(file.path, Database::Open::read);
    {
        const ReadTransaction snapshot(db); // what load_org's own transaction finds: a twin can be had
        REQUIRE(SnapshotTwin::begin(db, kFileBytesForHalves));
    }
    const auto halves = load_org(db);
    Org one;
    {
        const ReadTransaction snapshot(db);
        CHECK(count(db, "team") > 0); // read already: no twin, one connection
        REQUIRE_FALSE(SnapshotTwin::begin(db, kFileBytesForHalves));
        one = load_org(db);
    }
    REQUIRE(halves.people.size() == 70000);
    REQUIRE(halves.people.size() == one.people.size());
    for (std::size_t k = 0; k < one.people.size(); ++k) check_same(halves.people[k], one.people[k]);
    REQUIRE(halves.memberships.size() == one.memberships.size());
    for (std::size_t k = 0; k < one.memberships.size(); ++k) {
        const auto &a = halves.memberships[k], &b = one.memberships[k];
        if (a.person_id != b.person_id || a.team_id != b.team_id || a.allocation != b.allocation)
            FAIL("membership " << k << " differs: " << a.person_id << " " << a.team_id << " against " << b.person_id
                               << " " << b.team_id);
    }
    REQUIRE(halves.teams.size() == one.teams.size());
    CHECK(halves.teams.back().id == one.teams.back().id);
}

TEST_CASE("load_org without makers reads them on a twin: the same people and PMs' memberships as one connection") {
    TempPath file("non-makers-load.db");
    {
        Database writer(file.path);
        fill(writer, 70000, "employee-0000-0000-");
        writer.checkpoint();
    }
    Database db(file.path, Database::Open::read);
    {
        const ReadTransaction snapshot(db); // what load_org's own transaction finds: a twin can be had
        REQUIRE(SnapshotTwin::begin(db, kFileBytesForHalves));
    }
    int also_read = 0;
    bool on_twin = false;
    MakerTotals totals;
    const auto twin_read = load_org(db, PersonDetail::no_makers, [&](Database& same_commit) {
        ++also_read;
        on_twin = &same_commit != &db; // the twin, on its thread, while this one reads the teams
        totals = load_maker_totals(same_commit);
    });
    CHECK(also_read == 1);
    CHECK(on_twin);
    CHECK(totals.team_fte.size() == load_maker_totals(db).team_fte.size());
    Org one;
    {
        const ReadTransaction snapshot(db);
        CHECK(count(db, "team") > 0); // read already: no twin, one connection
        REQUIRE_FALSE(SnapshotTwin::begin(db, kFileBytesForHalves));
        one = load_org(db, PersonDetail::no_makers, [&](Database& same_commit) { on_twin = &same_commit != &db; });
    }
    CHECK_FALSE(on_twin); // no twin: this connection
    REQUIRE(twin_read.people.size() == 7000); // every tenth person is a PM, and no one else is not a maker
    REQUIRE(twin_read.people.size() == one.people.size());
    for (std::size_t k = 0; k < one.people.size(); ++k) {
        const auto &a = twin_read.people[k], &b = one.people[k];
        if (a.id != b.id || a.name != b.name || a.family != b.family || a.manager_id != b.manager_id || a.fte != b.fte)
            FAIL("person " << a.id << " differs from " << b.id);
    }
    REQUIRE(twin_read.memberships.size() == one.memberships.size());
    REQUIRE(twin_read.memberships.size() > 7000); // PMs' only; every fifth has a second team
    for (std::size_t k = 0; k < one.memberships.size(); ++k) {
        const auto &a = twin_read.memberships[k], &b = one.memberships[k];
        if (a.person_id != b.person_id || a.team_id != b.team_id || a.allocation != b.allocation)
            FAIL("membership " << k << " differs: " << a.person_id << " " << a.team_id);
    }
    CHECK(twin_read.teams.size() == one.teams.size());
}

TEST_CASE("load_org without makers: a read failing on this side, before or after the teams, stops the twin's thread") {
    TempPath file("non-makers-failure.db");
    {
        Database writer(file.path);
        fill(writer, 70000, "employee-0000-0000-");
        writer.checkpoint();
    }
    const auto fails_with = [&](const std::string& rename, const std::string& missing) {
        {
            Database writer(file.path);
            writer.sql().exec(rename);
            writer.checkpoint();
        }
        Database db(file.path, Database::Open::read);
        CHECK_THROWS_WITH(load_org(db, PersonDetail::no_makers), Catch::Contains(missing));
    };
    fails_with("ALTER TABLE pm_assignment RENAME TO pm_assignment_gone", "pm_assignment"); // after the teams
    fails_with("ALTER TABLE product RENAME TO product_gone", "product");                     // before them
}
