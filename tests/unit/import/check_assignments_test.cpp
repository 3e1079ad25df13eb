#include <catch2/catch.hpp>

#include "import/check_assignments.hpp"
#include "import_fixture.hpp"

using namespace orgplan;
using namespace orgplan::importing;
using namespace orgplan::importing::test;

TEST_CASE("split unshared assignments: stored shares stand, the rest of a PM's time splits evenly") {
    Sheet s;
    Incoming<Assignment> rows;
    rows.add({"P1", TargetKind::team, "t1", 1.0}, s.line(2), 0);
    rows.add({"P1", TargetKind::team, "t2", 1.0}, s.line(3), 0);
    rows.add({"P1", TargetKind::team, "t3", 0.4}, s.line(4), 1);
    rows.add({"P2", TargetKind::team, "t1", 1.0}, s.line(5), 0); // stored with 0.25
    rows.add({"P3", TargetKind::team, "t1", 1.0}, s.line(6), 1);
    rows.add({"P3", TargetKind::team, "t2", 1.0}, s.line(7), 0);
    Org stored;
    stored.assignments = {{"P2", TargetKind::team, "t1", 0.25}};
    const auto notes = split_unshared_assignments(rows, stored, s.problems);
    CHECK(rows.items[0].share == Approx(0.3));
    CHECK(rows.items[1].share == Approx(0.3));
    CHECK(rows.items[3].share == Approx(0.25));
    CHECK(s.reported(7, "share", "has no share, and the other rows of 'P3' already give all of their time (1.00)"));
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].find("1 PM with several rows and no share") != std::string::npos);
}

TEST_CASE("check assignments: the PM must be a PM, the target must exist, a pair once, shares at most 1") {
    Sheet s;
    IncomingRecords in;
    in.people.add(person_in("P1", "", Family::pm), s.line(2));
    in.people.add(person_in("L1", "", Family::product_leader), s.line(3));
    in.people.add(person_in("M1", "", Family::maker), s.line(4));
    in.assignments.add({"P1", TargetKind::team, "t1", 0.7}, s.line(10), 1);
    in.assignments.add({"P1", TargetKind::team, "t1", 0.2}, s.line(11), 1);
    in.assignments.add({"P1", TargetKind::product, "p1", 0.2}, s.line(12), 1);
    in.assignments.add({"L1", TargetKind::team, "t404", 0.5}, s.line(13), 1);
    in.assignments.add({"M1", TargetKind::team, "t1", 0.5}, s.line(14), 1);
    in.assignments.add({"X1", TargetKind::team, "t1", 0.5}, s.line(15), 1);
    const Org stored;
    const auto packed = stored_people_of(stored); // the index views it
    const auto people = index_people(in, packed, [] { return std::unordered_set<std::string>{}; }, s.problems);
    RecordIndexes records;
    records.teams.add("t1");
    records.products.add("p1");
    const auto facts = check_assignments(in, people, records, stored, s.problems);
    CHECK(s.reported(11, "target", "'P1' is assigned to team 't1' more than once"));
    CHECK(s.reported(12, "share", "assignment shares of 'P1' add up to more than 1.0"));
    CHECK(s.reported(13, "target", "unknown team 't404'"));
    CHECK(s.reported(14, "pm", "'M1' is in family maker, not pm"));
    CHECK(s.reported(15, "pm", "unknown person 'X1'"));
    CHECK(s.problems.count() == 5); // the product leader may cover a team
    CHECK(facts.replaced == std::vector<bool>{true, true, true});
}
