#include <catch2/catch.hpp>

#include <string>

#include <SQLiteCpp/Database.h>

#include "../fixture.hpp"
#include "orgplan/storage/read_transaction.hpp"
#include "orgplan/storage/write_transaction.hpp"
#include "storage/snapshot_twin.hpp"

using namespace orgplan;
using namespace orgplan::test;

namespace {

void add_segment(Database& db, const std::string& id) {
    db.sql().exec("INSERT INTO segment(id, name) VALUES('" + id + "', 'Segment " + id + "')");
}

// A database file holding one segment.
void one_segment(const std::string& path) {
    Database db(path);
    add_segment(db, "s1");
}

} // namespace

TEST_CASE("a twin reads the commit its database reads, though a writer commits right after both began") {
    TempPath file("twin.db");
    one_segment(file.path);
    Database db(file.path, Database::Open::read);
    const ReadTransaction snapshot(db);
    const auto twin = SnapshotTwin::begin(db, 0);
    REQUIRE(twin);
    Database writer(file.path, Database::Open::write);
    add_segment(writer, "s2");
    CHECK(count(writer, "segment") == 2);
    CHECK(count(db, "segment") == 1);
    CHECK(count(twin->db(), "segment") == 1);
}

TEST_CASE("a twin with a rollback journal: no writer commits while the two read") {
    TempPath file("twin-journal.db");
    one_segment(file.path);
    {
        SQLite::Database raw(file.path, SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA journal_mode = DELETE");
    }
    Database db(file.path, Database::Open::read);
    const ReadTransaction snapshot(db);
    const auto twin = SnapshotTwin::begin(db, 0);
    REQUIRE(twin);
    CHECK(db.sql().execAndGet("PRAGMA journal_mode").getString() == "delete");
    Database writer(file.path, Database::Open::write, 50);
    CHECK_THROWS(add_segment(writer, "s2")); // both readers hold the file: the commit cannot land
    CHECK(count(db, "segment") == 1);
    CHECK(count(twin->db(), "segment") == 1);
}

TEST_CASE("no twin where it might read another commit than its database, or cannot be had") {
    TempPath file("no-twin.db");
    one_segment(file.path);
    Database db(file.path, Database::Open::write);

    SECTION("no transaction open: every statement would read its own commit") { CHECK_FALSE(SnapshotTwin::begin(db, 0)); }
    SECTION("the transaction has read already: its commit may be older than the newest") {
        const ReadTransaction snapshot(db);
        CHECK(count(db, "segment") == 1);
        CHECK_FALSE(SnapshotTwin::begin(db, 0));
    }
    SECTION("a write transaction: the twin would not see its writes") {
        WriteTransaction write(db);
        add_segment(db, "s2");
        CHECK_FALSE(SnapshotTwin::begin(db, 0));
        CHECK(count(db, "segment") == 2);
    }
    SECTION("a file smaller than asked") {
        const ReadTransaction snapshot(db);
        CHECK_FALSE(SnapshotTwin::begin(db, std::int64_t{1} << 40));
        CHECK(count(db, "segment") == 1);
    }
    SECTION("another writer holds the lock: no waiting, and the database still reads") {
        Database writer(file.path, Database::Open::write);
        writer.sql().exec("BEGIN IMMEDIATE");
        add_segment(writer, "s2");
        const ReadTransaction snapshot(db);
        CHECK_FALSE(SnapshotTwin::begin(db, 0));
        CHECK(count(db, "segment") == 1);
        writer.sql().exec("COMMIT");
        CHECK(count(db, "segment") == 1); // its snapshot stands
    }
    SECTION("a database in memory has no file to open twice") {
        Database memory(":memory:");
        const ReadTransaction snapshot(memory);
        CHECK_FALSE(SnapshotTwin::begin(memory, 0));
    }
}
