#include <catch2/catch.hpp>

#include "../fixture.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/storage/record_fields.hpp"

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("a stored record's columns come back under their import names, numbers as numbers, NULL as null") {
    auto db = fixture_database();
    const RecordColumns columns{{"name", "name"}, {"fte", "fte"}, {"manager_id", "manager"}, {"coaching_hours", "coaching_hours"}};
    const auto pm2 = load_record_fields(db, "person", columns, "pm2");
    CHECK(pm2 == nlohmann::json{{"id", "pm2"}, {"name", "PM Two"}, {"fte", 0.5}, {"manager", "L1"}, {"coaching_hours", nullptr}});
    CHECK(load_record_fields(db, "team", {{"name", "name"}}, "A").at("id") == "A");
    CHECK(load_record_fields(db, "person", columns, "nobody").is_null());
}

TEST_CASE("only the record tables and plain column names are read") {
    auto db = fixture_database();
    CHECK_THROWS_WITH(load_record_fields(db, "setting", {{"value", "value"}}, "x"),
                      Catch::Contains("no record table 'setting'"));
    CHECK_THROWS_WITH(load_record_fields(db, "person", {{"name FROM setting --", "name"}}, "pm2"),
                      Catch::Contains("is not a column of person"));
}
