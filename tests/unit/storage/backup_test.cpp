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

TEST_CASE("backup: an org with history backs up whole, and a damage reported after history's many lines is found") {
    const TempPath org("backup_history.db"), copy("backup_history_copy.db");
    {
        Database db(org.path);
        ImportOptions january, february;
        january.as_of = "2026-01-01";
        february.as_of = "2026-02-01";
        import_paths(db, {std::string(ORGPLAN_DATA) + "/demo"}, january);
        import_paths(db, {std::string(ORGPLAN_DATA) + "/demo"}, february); // history: a row per person and more
        REQUIRE(count(db, "h_person") > 100); // SQLite 3.40 reports a false "NULL value" line for each
        CHECK_NOTHROW(backup_database(db, copy.path));
        // Damage an index behind SQLite's back: its definition no longer matches its entries.
        db.sql().exec("PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = 'CREATE INDEX person_manager ON "
                      "person(name) WHERE manager_id IS NOT NULL' WHERE name = 'person_manager'; "
                      "PRAGMA writable_schema = OFF;");
    }
    Database db(org.path); // the damaged definition read afresh
    try {
        backup_database(db, copy.path, true);
        FAIL("a damaged org was backed up");
    } catch (const DatabaseError& e) {
        CHECK_THAT(e.what(), Catch::Contains("missing from index person_manager") && Catch::Contains("more"));
    }
}
