#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <chrono>
#include <thread>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>

#include "../fixture.hpp"
#include "orgplan/storage/backup.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/storage/migrations.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/storage/read_transaction.hpp"

using namespace orgplan;
using orgplan::test::TempPath;


TEST_CASE("a new database is migrated to the latest schema with foreign keys on") {
    Database db(":memory:");
    CHECK(db.schema_version() == latest_schema_version());
    CHECK(db.sql().execAndGet("PRAGMA foreign_keys").getInt() == 1);
    CHECK(db.sql().tableExists("person"));
    CHECK(db.sql().tableExists("goal"));
}

TEST_CASE("database files are created private") {
    TempPath tmp("mode.db");
    { Database db(tmp.path); }
    struct stat st {};
    REQUIRE(::stat(tmp.path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("an older database is migrated forward, keeping its data") {
    TempPath tmp("old.db");
    {
        SQLite::Database raw(tmp.path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        migrate(raw, tmp.path, 1);
        raw.exec("INSERT INTO segment(id, name) VALUES('s', 'S')");
        CHECK(raw.execAndGet("PRAGMA user_version").getInt() == 1);
    }
    Database db(tmp.path);
    CHECK(db.schema_version() == latest_schema_version());
    CHECK(db.sql().tableExists("goal"));
    CHECK(db.sql().execAndGet("SELECT name FROM segment WHERE id = 's'").getString() == "S");
    std::remove(migration_backup_path(tmp.path, 1).c_str());
}

TEST_CASE("schema 10 lets a PM's years be unknown, keeps stored years and every reference, and checks clean") {
    TempPath tmp("years.db");
    {
        SQLite::Database raw(tmp.path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec("PRAGMA foreign_keys = ON");
        migrate(raw, tmp.path, 9);
        raw.exec("INSERT INTO person(id, name, family, family_source, pm_years) VALUES('lead', 'L', 'product_leader', "
                 "'rule', 12), ('pm', 'P', 'pm', 'rule', 0)");
        raw.exec("INSERT INTO team(id, name) VALUES('t', 'T')");
        raw.exec("INSERT INTO membership(person_id, team_id, allocation) VALUES('pm', 't', 1)");
        CHECK_THROWS(raw.exec("UPDATE person SET pm_years = NULL WHERE id = 'pm'"));
    }
    Database db(tmp.path);
    REQUIRE(db.schema_version() >= 10);
    auto& sql = db.sql();
    // Years stored before stay as they were (0 cannot be told from a missing column).
    CHECK(sql.execAndGet("SELECT pm_years FROM person WHERE id = 'pm'").getDouble() == 0);
    CHECK(sql.execAndGet("SELECT pm_years FROM person WHERE id = 'lead'").getDouble() == 12);
    sql.exec("UPDATE person SET pm_years = NULL WHERE id = 'pm'");
    CHECK(sql.execAndGet("SELECT pm_years IS NULL FROM person WHERE id = 'pm'").getInt() == 1);
    CHECK_THROWS(sql.exec("UPDATE person SET pm_years = -1 WHERE id = 'pm'")); // the range check stays
    CHECK_THROWS(sql.exec("INSERT INTO person(id, name, family, family_source, manager_id) "
                          "VALUES('x', 'X', 'other', 'rule', 'nobody')")); // and so do the references
    CHECK(sql.execAndGet("PRAGMA integrity_check").getString() == "ok");
    CHECK(sql.execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt() == 0);
    std::remove(migration_backup_path(tmp.path, 9).c_str());
}

TEST_CASE("a migration first writes the database as it was beside it, as a private self-contained file") {
    TempPath tmp("premigration.db");
    const auto backup = migration_backup_path(tmp.path, 4);
    std::remove(backup.c_str());
    {
        SQLite::Database raw(tmp.path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        migrate(raw, tmp.path, 4);
        raw.exec("INSERT INTO segment(id, name) VALUES('s', 'S')");
    }
    { Database db(tmp.path); }
    REQUIRE(std::filesystem::exists(backup));
    struct stat st {};
    REQUIRE(::stat(backup.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    const auto info = check_backup(backup);
    CHECK(info.schema_version == 4);
    SQLite::Database old(backup, SQLite::OPEN_READONLY);
    CHECK(old.execAndGet("SELECT name FROM segment WHERE id = 's'").getString() == "S");
    CHECK_FALSE(old.tableExists("nonexistent"));
    // The current schema: no column of version 5 yet.
    CHECK_THROWS(old.execAndGet("SELECT unit FROM person"));
    std::remove(backup.c_str());
}

TEST_CASE("a backup taken while another connection writes holds the last commit only") {
    TempPath tmp("live.db"), copy("live-copy.db");
    Database writer(tmp.path);
    writer.sql().exec("INSERT INTO segment(id, name) VALUES('committed', 'C')");
    SQLite::Transaction pending(writer.sql(), SQLite::TransactionBehavior::IMMEDIATE);
    writer.sql().exec("INSERT INTO segment(id, name) VALUES('pending', 'P')");
    {
        Database reader(tmp.path, Database::Open::read);
        backup_database(reader, copy.path);
    }
    pending.commit();
    SQLite::Database c(copy.path, SQLite::OPEN_READONLY);
    CHECK(c.execAndGet("SELECT group_concat(id) FROM segment").getString() == "committed");
    CHECK(c.execAndGet("PRAGMA journal_mode").getString() == "delete");
    CHECK_THROWS_AS(backup_database(writer, copy.path), DatabaseError); // exists: refused
}

TEST_CASE("a database newer than the binary is refused and left untouched") {
    TempPath tmp("new.db");
    {
        SQLite::Database raw(tmp.path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec("PRAGMA user_version = 99");
    }
    REQUIRE_THROWS_WITH(Database(tmp.path), Catch::Contains("schema version 99") && Catch::Contains("newer orgplan"));
    SQLite::Database raw(tmp.path);
    CHECK(raw.execAndGet("PRAGMA user_version").getInt() == 99);
    CHECK_FALSE(raw.tableExists("person"));
}

TEST_CASE("a missing database is an error when creation is not allowed") {
    TempPath tmp("missing.db");
    REQUIRE_THROWS_WITH(Database(tmp.path, Database::Open::read), Catch::Contains("no org database"));
    CHECK_FALSE(std::filesystem::exists(tmp.path));
}

TEST_CASE("a file that is not SQLite is refused with its path") {
    TempPath tmp("junk.db");
    {
        std::FILE* f = std::fopen(tmp.path.c_str(), "w");
        std::fputs("this is not a database, just some text that is long enough to have a header.....", f);
        std::fclose(f);
    }
    REQUIRE_THROWS_AS(Database(tmp.path), Error);
}

TEST_CASE("the database path comes from the flag, then ORGPLAN_DB, then the default") {
    ::setenv("ORGPLAN_DB", "/tmp/from-env.db", 1);
    CHECK(resolve_db_path("x.db") == "x.db");
    CHECK(resolve_db_path("") == "/tmp/from-env.db");
    ::unsetenv("ORGPLAN_DB");
    CHECK(resolve_db_path("") == "orgplan.db");
}

TEST_CASE("a second writer waits for the first instead of failing") {
    TempPath tmp("busy.db");
    Database first(tmp.path);
    Database second(tmp.path, Database::Open::write, 5000);
    first.sql().exec("BEGIN IMMEDIATE; INSERT INTO segment(id, name) VALUES('a', 'A')");
    std::thread releaser([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        first.sql().exec("COMMIT");
    });
    const auto start = std::chrono::steady_clock::now();
    CHECK_NOTHROW(second.sql().exec("INSERT INTO segment(id, name) VALUES('b', 'B')"));
    releaser.join();
    CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(150));
    CHECK(second.sql().execAndGet("SELECT count(*) FROM segment").getInt() == 2);
}

TEST_CASE("a read transaction sees one commit while another connection writes") {
    TempPath tmp("snapshot.db");
    Database reader(tmp.path);
    Database writer(tmp.path, Database::Open::write);
    writer.sql().exec("INSERT INTO segment(id, name) VALUES('a', 'A')");
    {
        const ReadTransaction snapshot(reader);
        CHECK(reader.sql().execAndGet("SELECT count(*) FROM segment").getInt() == 1);
        writer.sql().exec("INSERT INTO segment(id, name) VALUES('b', 'B')");
        CHECK(reader.sql().execAndGet("SELECT count(*) FROM segment").getInt() == 1);
        CHECK(load_org(reader).segments.size() == 1);
    }
    CHECK(reader.sql().execAndGet("SELECT count(*) FROM segment").getInt() == 2);
    // Inside an open transaction it leaves that transaction alone.
    reader.sql().exec("BEGIN");
    { const ReadTransaction nested(reader); }
    CHECK_NOTHROW(reader.sql().exec("COMMIT"));
}

TEST_CASE("a new database file has 16 KiB pages, and an older one keeps the size it was made with") {
    TempPath fresh("pages.db");
    {
        Database created(fresh.path);
        CHECK(created.sql().execAndGet("PRAGMA page_size").getInt() == 16384);
        CHECK(created.sql().execAndGet("PRAGMA journal_mode").getString() == "wal");
    }
    Database reopened(fresh.path, Database::Open::read);
    CHECK(reopened.sql().execAndGet("PRAGMA page_size").getInt() == 16384);

    TempPath old("old-pages.db");
    {
        SQLite::Database raw(old.path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        migrate(raw, old.path, 1); // SQLite's own 4 KiB pages, as every orgplan before this one made
        CHECK(raw.execAndGet("PRAGMA page_size").getInt() == 4096);
    }
    {
        Database migrated(old.path);
        CHECK(migrated.schema_version() == latest_schema_version());
        CHECK(migrated.sql().execAndGet("PRAGMA page_size").getInt() == 4096);
    }
    std::remove(migration_backup_path(old.path, 1).c_str());
}

TEST_CASE("write connections use synchronous NORMAL in WAL, whether or not they migrated") {
    TempPath tmp("sync.db");
    { Database created(tmp.path); }
    Database again(tmp.path, Database::Open::write);
    CHECK(again.sql().execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(again.sql().execAndGet("PRAGMA synchronous").getInt() == 1); // NORMAL
}

TEST_CASE("opening a database removes the staging copies of imports whose process is gone, and only those") {
    namespace fs = std::filesystem;
    TempPath tmp("staged.db");
    const auto dead = [] {
        const pid_t child = ::fork();
        if (child == 0) ::_exit(0);
        int status = 0;
        ::waitpid(child, &status, 0);
        return static_cast<long>(child);
    }();
    const auto touch = [](const std::string& path) { std::fclose(std::fopen(path.c_str(), "w")); };
    const auto orphan = staging_path(tmp.path, dead);
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) touch(orphan + suffix);
    const auto live = staging_path(tmp.path, ::getppid()); // a running process's import keeps its file
    const auto unrelated = tmp.path + ".orgplan-new-notes.txt";
    touch(live);
    touch(unrelated);
    CHECK(remove_orphaned_staging(tmp.path) == 4);
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) CHECK_FALSE(fs::exists(orphan + suffix));
    CHECK(fs::exists(live));
    CHECK(fs::exists(unrelated));
    touch(orphan);
    { Database db(tmp.path); } // every open does it first
    CHECK_FALSE(fs::exists(orphan));
    fs::remove(live);
    fs::remove(unrelated);
}
