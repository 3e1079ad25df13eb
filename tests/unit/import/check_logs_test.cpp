#include <catch2/catch.hpp>

#include "import/check_logs.hpp"
#include "import_fixture.hpp"

using namespace orgplan;
using namespace orgplan::importing;
using namespace orgplan::importing::test;

TEST_CASE("check logs: interrupts name known people, PMs, teams and products, a seat is given once") {
    Sheet s;
    IncomingRecords in;
    in.people.add(person_in("P1", "", Family::pm), s.line(2));
    in.people.add(person_in("M1", "", Family::maker), s.line(3));
    Interrupt ok;
    ok.requester_id = "M1";
    ok.pm_id = "P1";
    ok.team_id = "t1";
    in.interrupts.add({"I1", ok}, s.line(10));
    in.interrupts.add({"I1", ok}, s.line(11));
    Interrupt bad = ok;
    bad.requester_id = "X1";
    bad.pm_id = "M1";
    bad.product_id = "p404";
    in.interrupts.add({"", bad}, s.line(12));
    in.seats.add({"tf", "", {"P1", false, ""}}, s.line(20));
    in.seats.add({"tf", "", {"P1", true, ""}}, s.line(21));
    in.seats.add({"tf", "", {"X2", false, ""}}, s.line(22));
    const Org stored;
    const auto packed = stored_people_of(stored); // the index views it
    const auto people = index_people(in, packed, [] { return std::unordered_set<std::string>{}; }, s.problems);
    RecordIndexes records;
    records.teams.add("t1");
    check_logs(in, people, records, s.problems);
    CHECK(s.reported(11, "id", "duplicate interrupt id 'I1' (first at org.csv:10)"));
    CHECK(s.reported(12, "requester", "unknown person 'X1'"));
    CHECK(s.reported(12, "pm", "'M1' is in family maker, not pm"));
    CHECK(s.reported(12, "product", "unknown product 'p404'"));
    CHECK(s.reported(21, "person", "'P1' has a seat on task force 'tf' already (at org.csv:20)"));
    CHECK(s.reported(22, "person", "unknown person 'X2'"));
    CHECK(s.problems.count() == 6);
}
