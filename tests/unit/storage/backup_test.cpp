#include <catch2/catch.hpp>

#include <fstream>

#include "../fixture.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/storage/backup.hpp"

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("backup: a copy holds what the org holds and restores it, a file that is no org is refused") {
    const TempPath org("backup_org.db"), copy("backup_copy.db"), other("backup_other.db");
    Database db(org.path);
    import_paths(db, {fixture("ratios")});
    const auto people = count(db, "person");
    const auto info = backup_database(db, copy.path);
    CHECK(info.records.at("people") == people);
    CHECK(info.schema_version == db.sql().execAndGet("PRAGMA user_version").getInt());
    CHECK_THROWS(backup_database(db, copy.path)); // an existing file is kept unless replacing
    CHECK_NOTHROW(backup_database(db, copy.path, true));

    Database target(other.path);
    CHECK(count(target, "person") == 0);
    restore_database(target, other.path, copy.path);
    CHECK(count(target, "person") == people);

    std::ofstream(other.path + ".txt") << "not a database";
    CHECK_THROWS_AS(check_backup(other.path + ".txt"), DatabaseError);
    std::remove((other.path + ".txt").c_str());
}

TEST_CASE("backup: a schema migration's copy sits beside the database, named after the version") {
    CHECK(migration_backup_path("/data/org.db", 7) == "/data/org.db.schema-v7.bak");
}
