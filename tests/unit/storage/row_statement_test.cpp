#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "orgplan/storage/row_statement.hpp"

using namespace orgplan;

namespace {

struct Pair {
    std::string_view name;
    double value;
};

void bind_pair(RowStatement& q, int first, const Pair& p) {
    q.text(first, p.name);
    q.real(first + 1, p.value);
}

Database table_db() {
    Database db(":memory:");
    db.sql().exec("CREATE TABLE t(name TEXT NOT NULL CHECK (name <> 'bad'), value REAL NOT NULL)");
    return db;
}

} // namespace

TEST_CASE("a row statement binds views as text, empty views as empty text, not NULL") {
    auto db = table_db();
    const std::string text = "alpha,beta";
    RowStatement q(db, "INSERT INTO t(name, value) VALUES(?1, ?2)");
    q.text(1, std::string_view(text).substr(6, 4));
    q.real(2, 1.5);
    q.run();
    q.text(1, std::string_view());
    q.real(2, 2);
    q.run();
    CHECK(db.sql().execAndGet("SELECT group_concat(name, '|') FROM t").getString() == "beta|");
    CHECK(db.sql().execAndGet("SELECT count(*) FROM t WHERE typeof(name) = 'text'").getInt() == 2);
}

TEST_CASE("a row statement reports SQLite's error and can run again") {
    auto db = table_db();
    RowStatement q(db, "INSERT INTO t(name, value) VALUES(?1, ?2)");
    q.text(1, "bad");
    q.real(2, 1);
    REQUIRE_THROWS_WITH(q.run(), Catch::Contains("CHECK constraint failed"));
    q.text(1, "good");
    q.run();
    CHECK(db.sql().execAndGet("SELECT count(*) FROM t").getInt() == 1);
}

TEST_CASE("batched inserts write full batches as they fill and the rest at flush, in order") {
    auto db = table_db();
    std::vector<std::string> names;
    for (int i = 0; i < 131; ++i) names.push_back("n" + std::to_string(i));
    BatchInsert<Pair> insert(db, "INSERT INTO t(name, value)", 2, &bind_pair, 64);
    for (int i = 0; i < 131; ++i) {
        insert.add({names[i], static_cast<double>(i)});
        // Two full batches are written as soon as they fill; the last three rows wait for flush().
        if (i == 63) CHECK(db.sql().execAndGet("SELECT count(*) FROM t").getInt() == 64);
    }
    CHECK(db.sql().execAndGet("SELECT count(*) FROM t").getInt() == 128);
    insert.flush();
    CHECK(db.sql().execAndGet("SELECT count(*) FROM t").getInt() == 131);
    CHECK(db.sql().execAndGet("SELECT sum(value) FROM t").getDouble() == Approx(130 * 131 / 2));
    CHECK(db.sql().execAndGet("SELECT name FROM t WHERE value = 130").getString() == "n130");
    insert.flush(); // nothing pending: nothing written twice
    CHECK(db.sql().execAndGet("SELECT count(*) FROM t").getInt() == 131);
}
