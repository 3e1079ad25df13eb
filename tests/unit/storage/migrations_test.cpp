#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>

#include "../fixture.hpp"
#include "orgplan/storage/migrations.hpp"

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("migrations: versions rise by one, each with a summary, the last is the schema written") {
    const auto& all = migrations();
    REQUIRE_FALSE(all.empty());
    for (std::size_t i = 0; i < all.size(); ++i) {
        INFO("migration " << i);
        CHECK(all[i].version == static_cast<int>(i) + 1);
        CHECK_FALSE(all[i].summary.empty());
    }
    CHECK(latest_schema_version() == all.back().version);
}

TEST_CASE("migrations: a database migrated step by step ends as one migrated at once, and a newer one is refused") {
    SQLite::Database stepwise(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    for (int v = 1; v <= latest_schema_version(); ++v) {
        migrate(stepwise, "stepwise.db", v);
        CHECK(stepwise.execAndGet("PRAGMA user_version").getInt() == v);
    }
    SQLite::Database at_once(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    migrate(at_once, "at_once.db");
    const auto schema = [](SQLite::Database& db) {
        std::string sql;
        SQLite::Statement q(db, "SELECT type, name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name");
        while (q.executeStep()) sql += q.getColumn(0).getString() + " " + q.getColumn(1).getString() + "\n";
        return sql;
    };
    CHECK(schema(stepwise) == schema(at_once));
    migrate(at_once, "at_once.db"); // nothing left to do
    CHECK(at_once.execAndGet("PRAGMA user_version").getInt() == latest_schema_version());

    at_once.exec("PRAGMA user_version = " + std::to_string(latest_schema_version() + 1));
    CHECK_THROWS_WITH(migrate(at_once, "newer.db"), Catch::Contains("newer.db"));
}
