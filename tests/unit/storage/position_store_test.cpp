#include <catch2/catch.hpp>

#include "../fixture.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/storage/position_store.hpp"

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("positions are stored by id, checked, closed by status and removed") {
    Database db(":memory:");
    import_paths(db, {fixture("ratios")});
    const auto team = db.sql().execAndGet("SELECT id FROM team ORDER BY id LIMIT 1").getString();
    Position open{"o2", PositionKind::open_role, team, Family::maker, 0.5, "2027-Q1", "", PositionStatus::open, "s"};
    put_position(db, open);
    put_position(db, {"o1", PositionKind::departure, team, Family::maker, 1.0, "", "", PositionStatus::open, ""});
    open.fte = 1.0;
    put_position(db, open); // replaces by id
    auto stored = load_positions(db);
    REQUIRE(stored.size() == 2);
    CHECK(stored[0].id == "o1");
    CHECK(stored[1].fte == 1.0);
    CHECK(stored[1].quarter == "2027-Q1");
    CHECK(stored[1].source == "s");
    auto bad = open;
    bad.fte = 0;
    CHECK_THROWS_AS(put_position(db, bad), Error);
    bad = open;
    bad.quarter = "next spring";
    CHECK_THROWS_AS(put_position(db, bad), Error);
    set_position_status(db, "o2", PositionStatus::filled);
    CHECK(load_positions(db)[1].status == PositionStatus::filled);
    CHECK_THROWS_WITH(set_position_status(db, "o9", PositionStatus::filled), Catch::Contains("o1"));
    remove_position(db, "o1");
    remove_position(db, "o1"); // nothing left to remove: no error
    CHECK(load_positions(db).size() == 1);
}
