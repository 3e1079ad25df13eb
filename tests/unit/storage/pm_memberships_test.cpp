#include <catch2/catch.hpp>

#include <string>
#include <tuple>
#include <vector>

#include <SQLiteCpp/Statement.h>

#include "../fixture.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/storage/read_transaction.hpp"
#include "storage/pm_memberships.hpp"

using namespace orgplan;
using namespace orgplan::test;

namespace {

// `n` people (ids after a long prefix, zero-padded: text order is number order) in teams of ten: every tenth a PM,
// every 35th a product leader (a member of a team too, whose memberships are not a PM's), the rest makers. Every
// third PM is in two teams, every seventh in none.
void fill(Database& db, int n) {
    const std::string id = "'employee-0000-' || printf('P%07d', i)";
    const std::string team = "'team-0000-' || printf('T%06d', ";
    db.sql().exec("BEGIN");
    db.sql().exec("WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < " + std::to_string(n / 10) +
                  ") INSERT INTO team(id, name) SELECT " + team + "i), 'Team ' || i FROM k");
    db.sql().exec("WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < " + std::to_string(n) +
                  ") INSERT INTO person(id, name, family, family_source) SELECT " + id + ", 'Name ' || i, CASE WHEN "
                  "i % 10 = 0 THEN 'pm' WHEN i % 35 = 0 THEN 'product_leader' ELSE 'maker' END, 'rule' FROM k");
    db.sql().exec("WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < " + std::to_string(n) +
                  ") INSERT INTO membership(person_id, team_id, allocation) SELECT " + id + ", " + team +
                  "i / 10), 0.5 FROM k WHERE i % 70 <> 0");
    db.sql().exec("WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < " + std::to_string(n) +
                  ") INSERT INTO membership(person_id, team_id, allocation) SELECT " + id + ", " + team +
                  "i / 10 - 1), 0.25 FROM k WHERE i % 30 = 0");
    db.sql().exec("COMMIT");
}

using Row = std::tuple<std::string, std::string, double>;

std::vector<Row> expected_rows(Database& db) {
    std::vector<Row> rows;
    SQLite::Statement q(db.sql(), "SELECT m.person_id, m.team_id, m.allocation FROM membership m JOIN person p ON "
                                  "p.id = m.person_id WHERE p.family = 'pm' ORDER BY m.person_id, m.team_id");
    while (q.executeStep()) rows.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2));
    return rows;
}

// Fails at the first row that differs; the ids must be the people's own (shared, not copied).
void check_rows(const std::vector<Membership>& got, const std::vector<Row>& expected, const std::vector<Person>& people) {
    REQUIRE(got.size() == expected.size());
    std::size_t person = 0;
    for (std::size_t k = 0; k < got.size(); ++k) {
        const auto& [person_id, team_id, allocation] = expected[k];
        if (got[k].person_id != person_id || got[k].team_id != team_id || got[k].allocation != allocation)
            FAIL("membership " << k << ": " << got[k].person_id << " " << got[k].team_id << ", expected " << person_id
                               << " " << team_id);
        while (people[person].id < got[k].person_id) ++person;
        if (!got[k].person_id.shares(people[person].id)) FAIL("membership " << k << " copies its person's id");
    }
}

struct PmOrg {
    TempPath file{"pm-memberships.db"};
    Database db;
    Org org;
    std::vector<Row> expected;

    explicit PmOrg(int n) : db((fill_file(file.path, n), file.path), Database::Open::read) {
        const ReadTransaction snapshot(db);
        org = load_org(db, PersonDetail::no_makers);
        expected = expected_rows(db);
    }
    static int fill_file(const std::string& path, int n) {
        Database writer(path);
        fill(writer, n);
        return n;
    }
};

} // namespace

TEST_CASE("PMs' memberships: every PM's, by person then team, no product leader's, ids shared with the people") {
    PmOrg o(12000);
    REQUIRE(o.expected.size() > 1200); // 1,200 PMs, a seventh in no team, a third in two
    const ReadTransaction snapshot(o.db);
    const TeamIds teams(o.org.teams);
    check_rows(read_pm_memberships(o.db, o.org.people, teams), o.expected, o.org.people);
    check_rows(o.org.memberships, o.expected, o.org.people); // what load_org gives a ratio report
}

TEST_CASE("PMs' memberships from two ends: each end reads what it claimed, and together they read every row once") {
    PmOrg o(12000);
    const ReadTransaction snapshot(o.db);
    const TeamIds teams(o.org.teams);
    const auto people = o.org.people.size();
    REQUIRE(people == 1200 + 171); // PMs, and product leaders (odd multiples of 35); a claim takes 4,096 at most
    for (const std::size_t up_claims : {std::size_t{0}, std::size_t{1}, std::size_t{700}, people - 1, people}) {
        INFO("the end going up claims " << up_claims << " of " << people << " people");
        Claims up_side, down_side; // two claims opened over the two parts stand for the ends' shared one
        up_side.open(up_claims);
        down_side.open(people - up_claims);
        auto up = read_pm_memberships_end(o.db, false, o.org.people, teams, up_side);
        auto down = read_pm_memberships_end(o.db, true, o.org.people, teams, down_side);
        if (up_claims == 700) CHECK((!up.empty() && !down.empty()));
        append_descending(down, up);
        check_rows(up, o.expected, o.org.people);
    }
}

TEST_CASE("PMs' memberships: an end with claims closed (the other end failed) reads nothing") {
    PmOrg o(1000);
    const ReadTransaction snapshot(o.db);
    const TeamIds teams(o.org.teams);
    Claims claims;
    claims.open(o.org.people.size());
    claims.close();
    CHECK(read_pm_memberships_end(o.db, false, o.org.people, teams, claims).empty());
    CHECK(read_pm_memberships_end(o.db, true, o.org.people, teams, claims).empty());
}
