#include <catch2/catch.hpp>

#include "../fixture.hpp"
#include "import/check_managers.hpp"
#include "import/write.hpp"
#include "import_fixture.hpp"
#include "orgplan/storage/history.hpp"

using namespace orgplan;
using namespace orgplan::importing;
using namespace orgplan::importing::test;

namespace {

// The checked phases' results for a small org: a PM and a maker in team t1.
struct Checked {
    Sheet sheet;
    IncomingRecords in;
    Org stored;
    StoredPeople stored_people; // of `stored`, which the index views
    PeopleIndex people;
    RecordIndexes records;
    MembershipFacts memberships;
    AssignmentFacts assignments;

    Checked() {
        in.teams.add({"t1", "Team one", "", "", "", ""}, sheet.line(2));
        in.people.add(person_in("P1", "", Family::pm), sheet.line(3));
        in.people.add(person_in("M1", "P1", Family::maker, 0.5), sheet.line(4));
        in.memberships.add({"M1", "t1", 1.0}, sheet.line(4));
        in.assignments.add({"P1", TargetKind::team, "t1", 1.0}, sheet.line(5));
        records = check_records(in, stored, sheet.problems);
        stored_people = stored_people_of(stored);
        people = index_people(in, stored_people, [] { return std::unordered_set<std::string>{}; }, sheet.problems);
        check_managers(in, people, stored_people, sheet.problems); // resolves M1's manager
        memberships = check_memberships(in, people, records.teams, stored_people, sheet.problems);
        assignments = check_assignments(in, people, records, stored, sheet.problems);
        REQUIRE_FALSE(sheet.problems.any());
    }
    std::string org_currency; // none stored yet
    CheckedImport view() const { return {in, people, records, memberships, assignments, org_currency}; }
};

} // namespace

TEST_CASE("write: checked records land in one transaction with maker totals, the snapshot and the change log") {
    Database db(":memory:");
    Checked c;
    ImportOptions options;
    {
        ImportTransaction tx(db, 3, "2026-12-01");
        CHECK_FALSE(tx.bulk());
        const auto notes = write_records(db, tx, c.view(), write_order(c.in), 0, options);
        CHECK(notes.empty());
        tx.commit("import", nlohmann::json{{"people", 2}});
    }
    CHECK(orgplan::test::count(db, "person") == 2);
    CHECK(orgplan::test::count(db, "membership") == 1);
    CHECK(orgplan::test::count(db, "pm_assignment") == 1);
    CHECK(db.sql().execAndGet("SELECT manager_id FROM person WHERE id = 'M1'").getString() == "P1");
    const auto makers = load_maker_totals(db);
    REQUIRE(makers.team_fte.size() == 1);
    CHECK(makers.team_fte[0].second == Approx(0.5));
    CHECK(db.sql().execAndGet("SELECT count(*) FROM change_log WHERE command = 'import'").getInt() == 1);
}

TEST_CASE("write: a transaction left without commit leaves the database as it was") {
    Database db(":memory:");
    Checked c;
    {
        ImportTransaction tx(db, 3, "2026-12-01");
        write_records(db, tx, c.view(), write_order(c.in), 0, ImportOptions{});
        CHECK(orgplan::test::count(db, "person") == 2);
    }
    CHECK(orgplan::test::count(db, "person") == 0);
    CHECK(orgplan::test::count(db, "team") == 0);
}

TEST_CASE("write: the costs' currency becomes the org's when it has none") {
    Database db(":memory:");
    Checked c;
    c.in.currency = "EUR";
    ImportTransaction tx(db, 3, "2026-12-01");
    const auto notes = write_records(db, tx, c.view(), write_order(c.in), 0, ImportOptions{});
    REQUIRE(notes.size() == 1);
    CHECK(notes[0] == "cost.currency set to EUR from the currency column");
}
