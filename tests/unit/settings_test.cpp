#include <catch2/catch.hpp>

#include "orgplan/database.hpp"
#include "orgplan/error.hpp"
#include "orgplan/settings.hpp"

using namespace orgplan;

TEST_CASE("settings default to the domain numbers and can be stored per org") {
    Database db(":memory:");
    auto s = Settings::load(db.sql());
    CHECK(s.get("ratio.threshold") == 10);
    CHECK(s.get("coaching.novice_years") == 2);
    CHECK(s.get("plan.attrition_pm") == Approx(0.12));
    Settings::store(db.sql(), "ratio.threshold", "8");
    CHECK(Settings::load(db.sql()).get("ratio.threshold") == 8);
    Settings::remove(db.sql(), "ratio.threshold");
    CHECK(Settings::load(db.sql()).get("ratio.threshold") == 10);
}

TEST_CASE("unknown settings and bad values are refused") {
    Database db(":memory:");
    REQUIRE_THROWS_WITH(Settings::store(db.sql(), "ratio.treshold", "8"), Catch::Contains("unknown setting"));
    REQUIRE_THROWS_WITH(Settings::store(db.sql(), "ratio.threshold", "ten"), Catch::Contains("not a non-negative"));
}
