#include <catch2/catch.hpp>

#include <stdexcept>

#include "../fixture.hpp"
#include "orgplan/storage/settings_store.hpp"
#include "orgplan/storage/write_transaction.hpp"

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("a write transaction keeps what it committed and nothing of what an exception left") {
    const TempPath path("write_transaction.db");
    Database db(path.path);
    {
        WriteTransaction tx(db);
        store_setting(db, "ratio.threshold", "8");
        tx.commit();
    }
    try {
        WriteTransaction tx(db);
        store_setting(db, "ratio.threshold", "12");
        throw std::runtime_error("the command failed after writing");
    } catch (const std::runtime_error&) {
    }
    CHECK(load_settings(db).get("ratio.threshold") == 8);
    {
        WriteTransaction tx(db); // the write lock is taken at once: a second writer cannot begin meanwhile
        Database other(path.path);
        other.sql().exec("PRAGMA busy_timeout = 0");
        CHECK_THROWS(WriteTransaction(other));
    }
    Database other(path.path);
    CHECK(load_settings(other).get("ratio.threshold") == 8);
}
