#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>

#include "orgplan/base/error.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/storage/table_columns.hpp"

using namespace orgplan;

TEST_CASE("a table's columns in order and its key in key order, from the schema") {
    Database db(":memory:");
    const auto membership = table_columns(db, "membership");
    CHECK(membership.columns == std::vector<std::string>{"person_id", "team_id", "allocation"});
    CHECK(membership.keys == std::vector<std::string>{"person_id", "team_id"});
    db.sql().exec("CREATE TABLE t(a, b, c, PRIMARY KEY (c, a))");
    CHECK(table_columns(db, "t").keys == std::vector<std::string>{"c", "a"});
    CHECK_THROWS_WITH(table_columns(db, "nothing"), Catch::Contains("no table 'nothing'"));
    CHECK(joined({"a", "b"}, "NEW.") == "NEW.a, NEW.b");
    CHECK(joined({}).empty());
}
