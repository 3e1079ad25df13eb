#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <map>

#include <SQLiteCpp/Database.h>

#include "../fixture.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/storage/migrations.hpp"

using namespace orgplan;
using namespace orgplan::test;

namespace {

// Maker FTE per team computed from people and memberships directly: what the stored totals must equal.
std::map<std::string, double> joined_totals(Database& db) {
    std::map<std::string, double> out;
    SQLite::Statement q(db.sql(), "SELECT m.team_id, total(p.fte * m.allocation) FROM membership m "
                                  "JOIN person p ON p.id = m.person_id WHERE p.family = 'maker' GROUP BY m.team_id");
    while (q.executeStep()) out[q.getColumn(0).getString()] = q.getColumn(1).getDouble();
    double allocated = 0;
    for (const auto& [team, fte] : out) allocated += fte;
    out[""] = db.sql().execAndGet("SELECT total(fte) FROM person WHERE family = 'maker'").getDouble() - allocated;
    return out;
}

std::map<std::string, double> stored_totals(Database& db) {
    const auto totals = load_maker_totals(db);
    std::map<std::string, double> out(totals.team_fte.begin(), totals.team_fte.end());
    out[""] = totals.unallocated;
    return out;
}

void check_totals(Database& db, const std::map<std::string, double>& expected) {
    const auto stored = stored_totals(db);
    const auto joined = joined_totals(db);
    REQUIRE(stored.size() == expected.size());
    REQUIRE(joined.size() == expected.size());
    for (const auto& [team, fte] : expected) {
        INFO("team '" << team << "'");
        REQUIRE(stored.count(team));
        CHECK(stored.at(team) == Approx(fte));
        CHECK(joined.at(team) == Approx(fte));
    }
}

ImportOptions as_kind(const std::string& kind) {
    ImportOptions o;
    o.kind = kind;
    return o;
}

} // namespace

TEST_CASE("maker totals stored and read back: long team ids (held in blocks, not inline) come back whole") {
    Database db(":memory:");
    MakerTotals totals;
    for (int i = 0; i < 200; ++i)
        totals.team_fte.emplace_back("a-team-with-a-long-id-" + std::to_string(i), 0.5 * i);
    totals.unallocated = 2.5;
    store_maker_totals(db, totals);
    const auto stored = stored_totals(db);
    REQUIRE(stored.size() == 201);
    for (int i = 0; i < 200; ++i) {
        const auto team = "a-team-with-a-long-id-" + std::to_string(i);
        REQUIRE(stored.count(team));
        CHECK(stored.at(team) == 0.5 * i);
    }
    CHECK(stored.at("") == 2.5);
}

TEST_CASE("stored maker totals follow every import: new org, updates of people and memberships, replace") {
    Database db(":memory:");
    import_paths(db, {fixture("ratios")});
    // tests/fixtures/ratios: A 3.0, B 4.5, C 6, D 2 (see ratios_test.cpp); every maker is in a team.
    check_totals(db, {{"A", 3.0}, {"B", 4.5}, {"C", 6.0}, {"D", 2.0}, {"", 0.0}});

    // m1 works 0.8 now and keeps the membership in A: A 2.8.
    import_paths(db, {write_temp("totals-people.csv", "id,name,title,fte\nm1,Maker 1,Backend Engineer,0.8\n")},
                 as_kind("people"));
    check_totals(db, {{"A", 2.8}, {"B", 4.5}, {"C", 6.0}, {"D", 2.0}, {"", 0.0}});

    // m4's memberships (A 0.5, B 0.5) are replaced by D 0.5, leaving half of m4 in no team.
    import_paths(db, {write_temp("totals-memberships.csv", "person,team,allocation\nm4,D,0.5\n")},
                 as_kind("memberships"));
    check_totals(db, {{"A", 2.3}, {"B", 4.0}, {"C", 6.0}, {"D", 2.5}, {"", 0.5}});

    // m2 turns out to be a PM: A loses a maker.
    import_paths(db, {write_temp("totals-family.csv", "id,name,title,family\nm2,Maker 2,Frontend Engineer,pm\n")},
                 as_kind("people"));
    check_totals(db, {{"A", 1.3}, {"B", 4.0}, {"C", 6.0}, {"D", 2.5}, {"", 0.5}});

    ImportOptions replace;
    replace.replace = true;
    import_paths(db, {fixture("org.json")}, replace);
    check_totals(db, {{"J1", 1.5}, {"", 0.0}});
}

TEST_CASE("a dry run or a failed import leaves the stored maker totals as they were") {
    Database db(":memory:");
    import_paths(db, {fixture("ratios")});
    const auto change = write_temp("totals-dry-people.csv", "id,name,title,fte\nm1,Maker 1,Backend Engineer,0.5\n");
    ImportOptions dry = as_kind("people");
    dry.dry_run = true;
    import_paths(db, {change}, dry);
    CHECK_THROWS_AS(import_paths(db, {change, write_temp("totals-bad-memberships.csv", "person,team\nm1,Z\n")}),
                    InputErrors);
    check_totals(db, {{"A", 3.0}, {"B", 4.5}, {"C", 6.0}, {"D", 2.0}, {"", 0.0}});
}

TEST_CASE("the schema migration fills maker totals from an org stored by an older orgplan") {
    TempPath tmp("v3.db");
    {
        SQLite::Database raw(tmp.path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        migrate(raw, tmp.path, 3);
        raw.exec("INSERT INTO team(id, name) VALUES('T', 'Team'), ('U', 'Other');"
                 "INSERT INTO person(id, name, family, family_source, fte) VALUES"
                 " ('a', 'A', 'maker', 'column', 1), ('b', 'B', 'maker', 'column', 0.5),"
                 " ('c', 'C', 'maker', 'column', 1), ('p', 'P', 'pm', 'column', 1);"
                 "INSERT INTO membership(person_id, team_id, allocation) VALUES"
                 " ('a', 'T', 0.6), ('a', 'U', 0.4), ('b', 'T', 1), ('p', 'T', 1);");
    }
    Database db(tmp.path);
    CHECK(db.schema_version() == latest_schema_version());
    check_totals(db, {{"T", 1.1}, {"U", 0.4}, {"", 1.0}});
}

TEST_CASE("family sources: the people no title rule classed, read through their own index after the migration") {
    TempPath tmp("v14.db");
    {
        SQLite::Database raw(tmp.path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        migrate(raw, tmp.path, 14);
        raw.exec("INSERT INTO person(id, name, family, family_source) VALUES ('a', 'A', 'maker', 'rule'),"
                 " ('b', 'B', 'pm', 'column'), ('c', 'C', 'other', 'unmatched'), ('d', 'D', 'maker', 'rule');");
    }
    Database db(tmp.path); // migrates to the latest schema, which adds the index
    CHECK(load_family_sources(db) == std::unordered_map<std::string, std::string>{{"b", "column"}, {"c", "unmatched"}});
    CHECK(load_family_sources(db, true) == std::unordered_map<std::string, std::string>{{"c", "unmatched"}});
    // A million-person org must not be read whole for these few: both queries use the partial index.
    for (const auto* where : {"family_source <> 'rule'", "family_source <> 'rule' AND family_source = 'unmatched'"}) {
        SQLite::Statement plan(db.sql(), std::string("EXPLAIN QUERY PLAN SELECT id, family_source FROM person WHERE ") +
                                             where);
        REQUIRE(plan.executeStep());
        CHECK_THAT(plan.getColumn(3).getString(), Catch::Contains("person_family_not_rule"));
    }
}

TEST_CASE("stored people as an import reads them: what the whole org holds, packed, memberships viewing their person") {
    Database db(":memory:");
    import_paths(db, {fixture("ratios")});
    // One person with no manager and one given by email, so both kinds of text are read.
    db.sql().exec("UPDATE person SET email = 'Lead@Example.com' WHERE id = (SELECT min(id) FROM person)");
    const auto whole = load_org(db);
    const auto stored = load_stored_people(db);
    REQUIRE(stored.people.size() == whole.people.size());
    for (std::size_t i = 0; i < whole.people.size(); ++i) {
        const auto& p = whole.people[i];
        const auto& s = stored.people[i];
        INFO(p.id);
        CHECK(s.id == p.id);
        CHECK(s.email == p.email);
        CHECK(s.manager_id == p.manager_id);
        CHECK(s.family == p.family);
        CHECK(s.fte == p.fte);
    }
    REQUIRE(stored.memberships.size() == whole.memberships.size());
    REQUIRE_FALSE(stored.memberships.empty());
    for (std::size_t i = 0; i < whole.memberships.size(); ++i) {
        const auto& m = stored.memberships[i];
        CHECK(m.person_id == whole.memberships[i].person_id);
        CHECK(m.team_id == whole.memberships[i].team_id);
        CHECK(m.allocation == whole.memberships[i].allocation);
        // The person's own id, not a copy: a million memberships add no text of their people.
        const auto person = std::find_if(stored.people.begin(), stored.people.end(),
                                         [&](const StoredPerson& p) { return p.id == m.person_id; });
        REQUIRE(person != stored.people.end());
        CHECK(person->id.data() == m.person_id.data());
    }
    const auto none = load_org(db, PersonDetail::none);
    CHECK(none.people.empty());
    CHECK(none.memberships.empty());
    CHECK(none.teams.size() == whole.teams.size());
}

TEST_CASE("a loaded snapshot holds each long text once: memberships share their person's and team's ids, people "
          "their titles and managers") {
    Database db(":memory:");
    db.sql().exec("INSERT INTO team(id, name) VALUES ('team-with-a-long-id-1', 'One'), ('team-with-a-long-id-2', 'Two');"
                  "INSERT INTO person(id, name, title, family, family_source, manager_id, fte) VALUES"
                  " ('employee-with-a-long-id-a', 'A', 'Senior Software Engineer', 'maker', 'column', NULL, 1),"
                  " ('employee-with-a-long-id-b', 'B', 'Senior Software Engineer', 'maker', 'column',"
                  "  'employee-with-a-long-id-a', 1),"
                  " ('employee-with-a-long-id-c', 'C', 'Senior Software Engineer', 'maker', 'column',"
                  "  'employee-with-a-long-id-a', 1), ('x', 'X', 'PM', 'pm', 'column', NULL, 1);"
                  "INSERT INTO membership(person_id, team_id, allocation) VALUES"
                  " ('employee-with-a-long-id-a', 'team-with-a-long-id-1', 0.5),"
                  " ('employee-with-a-long-id-a', 'team-with-a-long-id-2', 0.5),"
                  " ('employee-with-a-long-id-c', 'team-with-a-long-id-2', 1), ('x', 'team-with-a-long-id-1', 1);");
    const auto org = load_org(db);
    REQUIRE(org.people.size() == 4);
    REQUIRE(org.memberships.size() == 4);
    const auto& a = org.people[0];
    const auto& c = org.people[2];
    CHECK(org.memberships[0].person_id == a.id);
    CHECK(org.memberships[0].person_id.shares(a.id));
    CHECK(org.memberships[1].person_id.shares(a.id));
    CHECK(org.memberships[2].person_id.shares(c.id));
    CHECK(org.memberships[0].team_id.shares(org.teams[0].id));
    CHECK(org.memberships[2].team_id.shares(org.teams[1].id));
    CHECK(org.memberships[3].person_id == "x"); // short: held inline
    CHECK(org.people[1].title.shares(a.title));
    CHECK(org.people[1].manager_id.shares(c.manager_id));
    CHECK(org.people[1].manager_id == a.id);
}
