#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>

#include "orgplan/base/error.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/storage/settings_store.hpp"
#include "orgplan/storage/write_transaction.hpp"

using namespace orgplan;

TEST_CASE("settings store: defaults until a value is stored, the default again when it is removed") {
    Database db(":memory:");
    CHECK(load_settings(db).get("ratio.threshold") == 10);
    store_setting(db, "ratio.threshold", "8");
    CHECK(load_settings(db).get("ratio.threshold") == 8);
    remove_setting(db, "ratio.threshold");
    CHECK(load_settings(db).get("ratio.threshold") == 10);
}

TEST_CASE("settings store: an unknown key or a value out of range is refused with what to do, and nothing written") {
    Database db(":memory:");
    CHECK_THROWS_WITH(store_setting(db, "ratio.treshold", "8"), Catch::Contains("orgplan config list"));
    {
        WriteTransaction tx(db);
        CHECK_THROWS_AS(store_setting(db, "ratio.threshold", "-3"), Error);
    } // not committed: rolled back
    CHECK(db.sql().execAndGet("SELECT count(*) FROM setting").getInt() == 0);
}

TEST_CASE("settings store: settings that depend on each other are checked together, one at a time or at once") {
    Database db(":memory:");
    // Defaults: novices under 2 years, mentors from 5. A novice line above the mentor line alone is refused...
    CHECK_THROWS_WITH(store_setting(db, "coaching.novice_years", "6"),
                      Catch::Contains("coaching.senior_years") && Catch::Contains("change them together"));
    // ...and accepted with the mentor line moved in the same step.
    store_settings(db, {{"coaching.novice_years", "6"}, {"coaching.senior_years", "8"}});
    const auto s = load_settings(db);
    CHECK(s.get("coaching.novice_years") == 6);
    CHECK(s.get("coaching.senior_years") == 8);
    // Removing the mentor line would bring back its default (5), below the novice line.
    CHECK_THROWS_AS(remove_setting(db, "coaching.senior_years"), Error);
}
