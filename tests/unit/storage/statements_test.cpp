#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "storage/statements.hpp"

using namespace orgplan;

namespace {

Database table_db() {
    Database db(":memory:");
    db.sql().exec("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, value REAL, flag INTEGER)");
    db.sql().exec("INSERT INTO t VALUES(1, 'alpha', 1.5, 1), (2, NULL, NULL, 0), (3, 'gamma', -2, 7)");
    return db;
}

struct Item {
    long long id;
    std::string name;
    double value;
    bool flag;
    bool name_null;
};

Item item_of(const Row& r) { return {r.integer(0), r.text(1), r.real(2), r.flag(3), r.is_null(1)}; }

} // namespace

TEST_CASE("select_rows maps every row in order, NULL text as empty and NULL numbers as zero") {
    auto db = table_db();
    const auto items = select_rows(db, "SELECT id, name, value, flag FROM t ORDER BY id DESC", item_of);
    REQUIRE(items.size() == 3);
    CHECK(items[0].id == 3);
    CHECK(items[0].name == "gamma");
    CHECK(items[0].value == -2);
    CHECK(items[0].flag); // any non-zero
    CHECK(items[1].id == 2);
    CHECK(items[1].name.empty());
    CHECK(items[1].name_null);
    CHECK(items[1].value == 0);
    CHECK_FALSE(items[1].flag);
    CHECK(items[2].name == "alpha");
    CHECK_FALSE(items[2].name_null);
}

TEST_CASE("statements bind their values as ?1, ?2, ... in order, of every type") {
    auto db = table_db();
    const auto names = select_rows(db, "SELECT name FROM t WHERE value > ?2 AND name <> ?1 ORDER BY id",
                                   [](const Row& r) { return r.text(0); }, std::string("gamma"), -3.0);
    CHECK(names == std::vector<std::string>{"alpha"});
    CHECK(select_rows(db, "SELECT id FROM t WHERE id >= ?1", [](const Row& r) { return r.integer(0); },
                      static_cast<std::int64_t>(2))
              .size() == 2);
    CHECK(select_rows(db, "SELECT id FROM t WHERE name = ?1", [](const Row& r) { return r.integer(0); }, "gamma") ==
          std::vector<std::int64_t>{3});
}

TEST_CASE("select_row gives the first row or nothing, any_row whether there is one") {
    auto db = table_db();
    const auto first = select_row(db, "SELECT id, name, value, flag FROM t WHERE flag = ?1", item_of, 0);
    REQUIRE(first);
    CHECK(first->id == 2);
    CHECK_FALSE(select_row(db, "SELECT id, name, value, flag FROM t WHERE id = ?1", item_of, 99));
    CHECK(any_row(db, "SELECT 1 FROM t WHERE name = ?1", std::string("alpha")));
    CHECK_FALSE(any_row(db, "SELECT 1 FROM t WHERE name = ?1", std::string("beta")));
}

TEST_CASE("for_each_row visits rows in order and execute says how many rows it changed") {
    auto db = table_db();
    CHECK(execute(db, "UPDATE t SET flag = ?2 WHERE value > ?1", 0.0, 5) == 1);
    CHECK(execute(db, "DELETE FROM t WHERE id = ?1", 42) == 0);
    std::vector<std::pair<long long, bool>> seen;
    for_each_row(db, "SELECT id, flag FROM t ORDER BY id", [&](const Row& r) { seen.emplace_back(r.integer(0), r.flag(1)); });
    CHECK(seen == std::vector<std::pair<long long, bool>>{{1, true}, {2, false}, {3, true}});
    CHECK(select_row(db, "SELECT flag FROM t WHERE id = 1", [](const Row& r) { return r.integer(0); }) == 5);
}

TEST_CASE("a failing statement throws with SQLite's message and leaves nothing half done") {
    auto db = table_db();
    CHECK_THROWS_WITH(execute(db, "INSERT INTO t(id, name) VALUES(?1, ?2)", 1, "dup"), Catch::Contains("UNIQUE"));
    CHECK_THROWS_WITH(select_rows(db, "SELECT nope FROM t", item_of), Catch::Contains("no such column"));
    CHECK(select_rows(db, "SELECT id FROM t", [](const Row& r) { return r.integer(0); }).size() == 3);
}
