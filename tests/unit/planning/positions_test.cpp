#include <catch2/catch.hpp>

#include "../org_builder.hpp"
#include "orgplan/planning/positions.hpp"

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("quarters are read in their usual spellings and from dates") {
    const auto q = parse_quarter("2027-Q2");
    REQUIRE(q);
    CHECK(q->year == 2027);
    CHECK(q->number == 2);
    CHECK(parse_quarter("2027 Q2")->index() == q->index());
    CHECK(parse_quarter("Q2 2027")->index() == q->index());
    CHECK_FALSE(parse_quarter("2027-Q5"));
    CHECK_FALSE(parse_quarter("Q2"));
    CHECK(quarter_of_date("2026-12-05").index() == parse_quarter("2026-Q4")->index());
    CHECK(quarter_of_date("2027-01-01").number == 1);
}

TEST_CASE("planned makers: open roles add to a team, departures take from it but never below 0, others are ignored") {
    OrgBuilder b;
    b.team("t1").makers("t1", 2).team("t2").makers("t2", 1, 0.5).staff("lone", Family::maker);
    auto org = b.org;
    org.positions = {
        {"o1", PositionKind::open_role, "t1", Family::maker, 1.0, "", "", PositionStatus::open, ""},
        {"o2", PositionKind::open_role, "t1", Family::maker, 1.0, "", "", PositionStatus::filled, ""},
        {"d1", PositionKind::departure, "t2", Family::maker, 1.0, "2027-Q1", "", PositionStatus::open, ""},
        {"p1", PositionKind::open_role, "t1", Family::pm, 1.0, "", "", PositionStatus::open, ""},
    };
    const auto now = maker_totals(org);
    REQUIRE(now.team_fte.size() == 2);
    CHECK(now.team_fte[0].second == Approx(2.0));
    CHECK(now.team_fte[1].second == Approx(0.5));
    CHECK(now.unallocated == Approx(1.0)); // "lone" is in no team
    const auto planned = planned_maker_totals(org, now);
    double t1 = -1, t2 = -1;
    for (const auto& [team, fte] : planned.team_fte) (team == "t1" ? t1 : t2) = fte;
    CHECK(t1 == Approx(3.0)); // the filled role and the PM role do not count
    CHECK(t2 == Approx(0.0)); // a 1.0 departure from 0.5 leaves 0, not -0.5

    const auto changes = planned_maker_changes(org, "2026-12-05");
    REQUIRE(changes.size() == 2);
    CHECK(changes[0].team_id == "t1");
    CHECK(changes[0].fte == Approx(1.0));
    CHECK(changes[0].plan_quarter == 1); // no quarter: as soon as possible
    CHECK(changes[1].fte == Approx(-1.0));
    CHECK(changes[1].plan_quarter == 2); // 2027-Q1 is the quarter after 2026-Q4
}
