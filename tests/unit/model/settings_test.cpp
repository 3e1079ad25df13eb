#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>

#include <limits>


#include "orgplan/storage/database.hpp"
#include "orgplan/storage/settings_store.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/base/number.hpp"
#include "orgplan/output/table.hpp"
#include "orgplan/model/settings.hpp"

using namespace orgplan;

TEST_CASE("settings default to the domain numbers and can be stored per org") {
    Database db(":memory:");
    auto s = load_settings(db);
    CHECK(s.get("ratio.threshold") == 10);
    CHECK(s.get("coaching.novice_years") == 2);
    CHECK(s.get("plan.attrition_pm") == Approx(0.12));
    store_setting(db, "ratio.threshold", "8");
    CHECK(load_settings(db).get("ratio.threshold") == 8);
    remove_setting(db, "ratio.threshold");
    CHECK(load_settings(db).get("ratio.threshold") == 10);
}

TEST_CASE("unknown settings and bad values are refused") {
    Database db(":memory:");
    REQUIRE_THROWS_WITH(store_setting(db, "ratio.treshold", "8"), Catch::Contains("unknown setting"));
    REQUIRE_THROWS_WITH(store_setting(db, "ratio.threshold", "ten"), Catch::Contains("is not a number from 1 to 1000"));
}

TEST_CASE("settings refuse NaN, infinities, zero divisors and values out of their range") {
    Database db(":memory:");
    for (const auto* bad : {"nan", "NaN", "inf", "-inf", "infinity", "1e400", "0", "-3", "1001"})
        CHECK_THROWS_WITH(store_setting(db, "ratio.threshold", bad), Catch::Contains("ratio.threshold"));
    CHECK_THROWS(store_setting(db, "coaching.senior_hours", "0"));
    CHECK_THROWS(store_setting(db, "coaching.novice_hours", "0"));
    CHECK_THROWS(store_setting(db, "plan.maker_growth", "-1"));
    CHECK_THROWS(store_setting(db, "plan.hire_delay_probability", "1"));
    CHECK_THROWS(store_setting(db, "hire.lead_senior", "1e9"));
    CHECK_NOTHROW(store_setting(db, "plan.maker_growth", "-0.5"));
    CHECK_NOTHROW(store_setting(db, "coaching.leader_hours", "0"));
    Settings s;
    CHECK_THROWS(s.set("ratio.threshold", std::numeric_limits<double>::quiet_NaN()));
    CHECK_THROWS(s.set("ratio.threshold", std::numeric_limits<double>::infinity()));
    CHECK(s.get("ratio.threshold") == 10);
    // Every setting's default lies in its own range.
    for (const auto& spec : setting_specs()) CHECK(spec.range.contains(spec.default_value));
}

TEST_CASE("a stored value outside its range is named when settings are loaded") {
    Database db(":memory:");
    db.sql().exec("INSERT INTO setting(key, value) VALUES('ratio.threshold', 'nan')");
    CHECK_THROWS_WITH(load_settings(db), Catch::Contains("ratio.threshold") && Catch::Contains("config set"));
}

TEST_CASE("settings that depend on each other are checked together, and can change together") {
    Database db(":memory:");
    // One at a time, band 4 cannot drop below band 3: refused, and nothing is written.
    CHECK_THROWS_WITH(store_setting(db, "spans.band_4", "5"),
                      Catch::Contains("spans.band_4 (5) must be above spans.band_3 (7)"));
    CHECK(load_settings(db).get("spans.band_4") == 12);
    // Together, both move.
    store_settings(db, {{"spans.band_3", "4"}, {"spans.band_4", "5"}});
    CHECK(load_settings(db).get("spans.band_4") == 5);
    CHECK_THROWS_WITH(store_setting(db, "coaching.senior_years", "1"),
                      Catch::Contains("coaching.senior_years (1) must be at least coaching.novice_years (2)"));
    CHECK_THROWS_WITH(store_setting(db, "spans.narrow_below", "17"),
                      Catch::Contains("spans.wide_above (16) must be at least spans.narrow_below (17)"));
    CHECK(load_settings(db).get("spans.narrow_below") == 3);
    // Unsetting brings the default back, which must fit the others: band 5's default (16) is below band 4 (20).
    store_settings(db, {{"spans.band_4", "20"}, {"spans.band_5", "30"}});
    store_setting(db, "spans.band_5", "25");
    CHECK_THROWS_WITH(remove_setting(db, "spans.band_5"), Catch::Contains("spans.band_5 (16)"));
    CHECK(load_settings(db).get("spans.band_5") == 25);
    Settings defaults;
    CHECK_NOTHROW(defaults.check_together());
}

TEST_CASE("money is grouped by thousands for people, whole units, with the currency when there is one") {
    CHECK(group_thousands(0) == "0");
    CHECK(group_thousands(999.4) == "999");
    CHECK(group_thousands(1000) == "1,000");
    CHECK(group_thousands(1234567.6) == "1,234,568");
    CHECK(group_thousands(-25600) == "-25,600");
    CHECK(group_thousands(-0.4) == "0");
    CHECK(group_thousands(12345.5, 2) == "12,345.50");
    CHECK(money_text(1382400, "EUR") == "1,382,400 EUR");
    CHECK(money_text(1382400, "") == "1,382,400");
    const Column money = money_column("cost", "yearly cost", "CHF");
    CHECK(money.header == "yearly cost (CHF)");
    CHECK(Table::cell_text(Cell{1234567.0}, money) == "1,234,567");
    CHECK(Table::cell_text(Cell{1234567LL}, money) == "1,234,567");
    CHECK(Table::cell_text(Cell{1234567.0}, Column{"x", "x", 0}) == "1234567"); // other numbers stay as they are
}

TEST_CASE("the currency is a text setting: unset by default, checked, stored and read back beside the numbers") {
    Database db(":memory:");
    CHECK(load_settings(db).text("cost.currency").empty());
    store_settings(db, {{"cost.currency", "EUR"}, {"ratio.threshold", "8"}});
    const auto s = load_settings(db);
    CHECK(s.text("cost.currency") == "EUR");
    CHECK(s.get("ratio.threshold") == 8);
    for (const char* bad : {"", "a b", "1,000", "THIRTEENCHARS"}) {
        INFO(bad);
        CHECK_THROWS_WITH(store_setting(db, "cost.currency", bad), Catch::Contains("cost.currency"));
    }
    CHECK(load_settings(db).text("cost.currency") == "EUR"); // a refused value leaves the stored one
    CHECK(valid_text_setting("cost.currency", "€"));
    CHECK_FALSE(valid_text_setting("ratio.threshold", "EUR"));
    remove_setting(db, "cost.currency");
    CHECK(load_settings(db).text("cost.currency").empty());
}
