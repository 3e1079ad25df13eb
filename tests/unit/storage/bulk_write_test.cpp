#include <catch2/catch.hpp>

#include <filesystem>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>

#include "../fixture.hpp"
#include "orgplan/storage/bulk_write.hpp"
#include "orgplan/base/error.hpp"

using namespace orgplan;
using orgplan::test::TempPath;

namespace {

Database parent_child(const std::string& path) {
    Database db(path);
    db.sql().exec("PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL;"
                  "CREATE TABLE parent(id TEXT PRIMARY KEY);"
                  "CREATE TABLE child(id TEXT PRIMARY KEY, parent_id TEXT NOT NULL REFERENCES parent(id));"
                  "CREATE INDEX child_parent ON child(parent_id);"
                  "INSERT INTO parent VALUES('a'); INSERT INTO child VALUES('c1', 'a');");
    return db;
}

} // namespace

TEST_CASE("foreign keys off: a bulk write's references go unchecked and no cascade fires, enforced again after") {
    TempPath tmp("fk.db");
    auto db = parent_child(tmp.path);
    {
        ForeignKeysOff off(db);
        CHECK(db.sql().execAndGet("PRAGMA foreign_keys").getInt() == 0);
        SQLite::Transaction tx(db.sql());
        // The writer answers for its references: SQLite takes this one, which only the writer's checks would refuse.
        db.sql().exec("INSERT INTO child VALUES('c2', 'nobody')");
        CHECK(db.sql().execAndGet("SELECT count(*) FROM child").getInt() == 2);
    } // the transaction rolls back, then enforcement comes back on
    CHECK(db.sql().execAndGet("PRAGMA foreign_keys").getInt() == 1);
    CHECK(db.sql().execAndGet("SELECT count(*) FROM child").getInt() == 1);
    {
        ForeignKeysOff off(db);
        SQLite::Transaction tx(db.sql());
        db.sql().exec("DELETE FROM child; DELETE FROM parent; INSERT INTO parent VALUES('b'); INSERT INTO child VALUES('c3', 'b')");
        tx.commit();
    }
    CHECK(db.sql().execAndGet("SELECT parent_id FROM child").getString() == "b");
    CHECK_THROWS(db.sql().exec("INSERT INTO child VALUES('c4', 'nobody')")); // enforced again
}

TEST_CASE("deferred indexes are dropped for the write and built again from their definitions") {
    TempPath tmp("idx.db");
    auto db = parent_child(tmp.path);
    SQLite::Transaction tx(db.sql());
    DeferredIndexes indexes(db, {"child"});
    CHECK(db.sql().execAndGet("SELECT count(*) FROM sqlite_master WHERE name = 'child_parent'").getInt() == 0);
    indexes.rebuild();
    CHECK(db.sql().execAndGet("SELECT sql FROM sqlite_master WHERE name = 'child_parent'").getString() ==
          "CREATE INDEX child_parent ON child(parent_id)");
    tx.commit();
}

TEST_CASE("an unpublished write goes into the file without a journal, and the file is in WAL mode again after") {
    TempPath tmp("unpublished.db");
    {
        auto db = parent_child(tmp.path);
        UnpublishedWrite unpublished(db);
        CHECK(db.sql().execAndGet("PRAGMA journal_mode").getString() == "off");
        {
            SQLite::Transaction tx(db.sql());
            for (int i = 0; i < 2000; ++i) db.sql().exec("INSERT INTO parent VALUES('p" + std::to_string(i) + "')");
            tx.commit();
        }
        CHECK_FALSE(std::filesystem::exists(tmp.path + "-wal")); // the rows went into the file alone
        CHECK_FALSE(std::filesystem::exists(tmp.path + "-journal"));
        unpublished.finish();
        CHECK(db.sql().execAndGet("PRAGMA journal_mode").getString() == "wal");
    }
    Database reopened(tmp.path);
    CHECK(reopened.sql().execAndGet("PRAGMA journal_mode").getString() == "wal"); // kept in the file's header
    CHECK(reopened.sql().execAndGet("PRAGMA integrity_check").getString() == "ok");
    CHECK(reopened.sql().execAndGet("SELECT count(*) FROM parent").getInt() == 2001);
}
