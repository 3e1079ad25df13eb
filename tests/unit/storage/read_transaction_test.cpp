#include <catch2/catch.hpp>

#include "../fixture.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/storage/read_transaction.hpp"

using namespace orgplan;
using namespace orgplan::test;

namespace {

int settings_stored(Database& db) { return db.sql().execAndGet("SELECT count(*) FROM setting").getInt(); }

} // namespace

TEST_CASE("read transaction: every read inside it sees one commit, and the next one after it ends") {
    TempPath file("read-transaction.db");
    Database reader(file.path, Database::Open::create);
    Database writer(file.path, Database::Open::write);
    {
        const ReadTransaction snapshot(reader);
        CHECK(settings_stored(reader) == 0); // the snapshot is taken here
        writer.sql().exec("INSERT INTO setting(key, value) VALUES ('ratio.threshold', '8')");
        CHECK(settings_stored(reader) == 0); // another connection's commit is not seen inside it
    }
    CHECK(settings_stored(reader) == 1);
}

TEST_CASE("read transaction: inside a transaction already open it does nothing, and leaves it open") {
    Database db(":memory:");
    db.sql().exec("BEGIN");
    db.sql().exec("INSERT INTO setting(key, value) VALUES ('ratio.threshold', '8')");
    { const ReadTransaction inner(db); }
    // Still the caller's transaction: its write is there to commit or roll back.
    db.sql().exec("ROLLBACK");
    CHECK(settings_stored(db) == 0);
}
