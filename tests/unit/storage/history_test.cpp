#include <catch2/catch.hpp>

#include "../fixture.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/storage/history.hpp"

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("history: dates are real calendar dates") {
    CHECK_NOTHROW(check_date("2024-02-29", "--as-of"));
    CHECK_THROWS_WITH(check_date("2026-02-29", "--as-of"), Catch::Contains("--as-of"));
    CHECK_THROWS(check_date("2026-13-01", "--as-of"));
    CHECK_THROWS(check_date("2026-1-01", "--as-of"));
    CHECK(today().size() == 10);
}

TEST_CASE("history: each import is a snapshot, in date order, the org as of a date is rebuilt from it") {
    const TempPath path("history.db");
    {
        Database db(path.path);
        import_as_of(db, {fixture("ratios")}, "2026-01-15");
        const auto people = count(db, "person");
        const auto later = write_temp("history_people.csv", "id,name,title\nN1,New Person,Developer\n");
        import_as_of(db, {later}, "2026-03-01");
        const auto snapshots = list_snapshots(db);
        REQUIRE(snapshots.size() == 2);
        CHECK(snapshots[0].as_of == "2026-01-15");
        CHECK(snapshot_on(db, "2026-02-01").id == snapshots[0].id);
        CHECK(snapshot_on(db, "2026-03-01").id == snapshots[1].id);
        CHECK_THROWS_WITH(snapshot_on(db, "2025-12-31"), Catch::Contains("2026-01-15"));
        const auto changes = people_changes(db, snapshots[0].id, snapshots[1].id);
        REQUIRE(changes.size() == 1);
        CHECK(changes[0].kind == "joiner");
        CHECK(changes[0].id == "N1");
        const auto then = materialize_snapshot(path.path, snapshots[0].id);
        CHECK(count(*then, "person") == people);
        CHECK(count(db, "person") == people + 1);

        ImportOptions earlier;
        earlier.as_of = "2025-06-01"; // history is recorded in order
        CHECK_THROWS(import_paths(db, {later}, earlier));
    }
}
