// The database file under failure: refused files stay as they were, reads never write, writers do not race.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <chrono>
#include <future>
#include <thread>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include "run.hpp"

using namespace orgplan::e2e;
namespace fs = std::filesystem;

namespace {

void write_file(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

std::vector<std::string> files_in(const std::string& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace

TEST_CASE("a read command does not write into an empty file, and says what it is") {
    TempDb db;
    write_file(db.path(), "");
    const auto r = run(db.flag() + " ratios");
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("empty file") && Catch::Contains("import"));
    CHECK(fs::file_size(db.path()) == 0);
    CHECK(files_in(db.dir()) == std::vector<std::string>{"org.db"});
}

TEST_CASE("a damaged or foreign file is refused with exit 4 and left byte for byte as it was") {
    TempDb db;
    const std::string junk(8192, 'x');
    write_file(db.path(), junk);
    for (const auto* cmd : {" ratios", " import " ORGPLAN_DATA "/demo", " config set ratio.threshold 8"}) {
        const auto r = run(db.flag() + cmd);
        INFO(cmd);
        CHECK(r.exit_code == 4);
        CHECK_THAT(r.err, Catch::Contains("not an SQLite database"));
        CHECK(read_text(db.path()) == junk);
    }
    // Another program's SQLite database.
    TempDb other;
    REQUIRE(std::system(("sqlite3 '" + other.path() + "' 'CREATE TABLE notes(x)'").c_str()) == 0);
    const auto before = read_text(other.path());
    const auto r = run(other.flag() + " import " + data("demo"));
    CHECK(r.exit_code == 4);
    CHECK_THAT(r.err, Catch::Contains("something else"));
    CHECK(read_text(other.path()) == before);
}

TEST_CASE("a refused newer database keeps every byte, even in rollback-journal mode") {
    TempDb db;
    REQUIRE(std::system(("sqlite3 '" + db.path() + "' 'PRAGMA journal_mode=DELETE; CREATE TABLE t(x); PRAGMA user_version=99' >/dev/null").c_str()) == 0);
    const auto before = read_text(db.path());
    for (const auto* cmd : {" ratios", " import " ORGPLAN_DATA "/demo"}) {
        const auto r = run(db.flag() + cmd);
        CHECK(r.exit_code == 4);
        CHECK_THAT(r.err, Catch::Contains("schema version 99") && Catch::Contains("left untouched"));
        CHECK(read_text(db.path()) == before);
    }
    CHECK(files_in(db.dir()) == std::vector<std::string>{"org.db"});
}

TEST_CASE("a read leaves no log or shared-memory file beside the database, nor beside a refused newer one in WAL") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + data("demo")).exit_code == 0);
    const auto before = read_text(db.path());
    TempDb elsewhere;
    const std::vector<std::string> reads = {" ratios", " spans", " log", " diagnose",
                                            " report --out '" + elsewhere.dir() + "/report.html'",
                                            " config get ratio.threshold", " history",
                                            " backup '" + elsewhere.path() + "' --force"};
    for (const auto& cmd : reads) {
        INFO(cmd);
        CHECK(run(db.flag() + cmd).exit_code == 0);
        CHECK(files_in(db.dir()) == std::vector<std::string>{"org.db"});
    }
    CHECK(read_text(db.path()) == before);
    TempDb newer;
    REQUIRE(std::system(("sqlite3 '" + newer.path() + "' 'PRAGMA journal_mode=WAL; CREATE TABLE t(x); PRAGMA user_version=99' >/dev/null").c_str()) == 0);
    const auto newer_bytes = read_text(newer.path());
    CHECK(run(newer.flag() + " ratios").exit_code == 4);
    CHECK(read_text(newer.path()) == newer_bytes);
    CHECK(files_in(newer.dir()) == std::vector<std::string>{"org.db"});
}

TEST_CASE("SIGTERM stops a write cleanly: rolled back, no file left beside the database, exit 143") {
    TempDb db;
    const auto org = db.dir() + "/org";
    REQUIRE(std::system(("'" ORGPLAN_GEN "' 200000 '" + org + "' >/dev/null").c_str()) == 0);
    REQUIRE(run(db.flag() + " import '" + org + "/segments.csv' '" + org + "/products.csv'").exit_code == 0);
    const auto before = read_text(db.path());
    const auto listed = files_in(db.dir());
    // The import of 200,000 people takes seconds; SIGTERM lands once it writes (its log grows), so in the middle of
    // the write whatever the start-up costs (a sanitizer's start-up, a loaded machine).
    const std::string term_soon = "sh -c '\"$0\" \"$@\" & p=$!; i=0; while [ ! -s \"" + db.path() +
                                  "-wal\" ] && [ $i -lt 1000 ]; do sleep 0.01; i=$((i+1)); done; kill -TERM $p; "
                                  "wait $p'";
    auto r = run(db.flag() + " import '" + org + "'", "", term_soon);
    CHECK(r.exit_code == 143);
    CHECK_THAT(r.err, Catch::Contains("stopped by SIGTERM") && Catch::Contains("rolled back"));
    CHECK(files_in(db.dir()) == listed);
    CHECK(read_text(db.path()) == before);
    // A writer waiting for another one's lock stops at once too, instead of sleeping through the signal.
    TempDb scratch; // the lock holder's script and its "locked" mark live elsewhere
    const auto locker = scratch.dir() + "/lock.py", locked = scratch.dir() + "/locked";
    write_file(locker, "import sqlite3, sys, time\n"
                       "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
                       "c.execute('BEGIN IMMEDIATE')\n"
                       "open(sys.argv[2], 'w').close()\n"
                       "time.sleep(8)\n");
    const auto started = std::chrono::steady_clock::now();
    r = run(db.flag() + " config set ratio.threshold 9", "",
            "sh -c 'python3 \"" + locker + "\" \"" + db.path() + "\" \"" + locked + "\" & l=$!; "
            "while [ ! -e \"" + locked + "\" ]; do sleep 0.05; done; "
            "\"$0\" \"$@\" & p=$!; sleep 0.5; kill -TERM $p; wait $p; s=$?; kill $l; wait $l; exit $s'");
    CHECK(r.exit_code == 143);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(6)); // not the lock holder's 8 s
    CHECK(run(db.flag() + " config get ratio.threshold").out == "10\n");
    CHECK(files_in(db.dir()) == listed);
}

TEST_CASE("reports read a database in a directory the user cannot write") {
    if (::geteuid() != 0 && ::access("/usr/bin/setpriv", X_OK) != 0) return;
    TempDb db;
    REQUIRE(run(db.flag() + " import " + data("demo")).exit_code == 0);
    const auto expected = run(db.flag() + " ratios --by org --format json").out;
    const std::string dir = db.dir() + "/readonly";
    fs::create_directory(dir);
    fs::copy_file(db.path(), dir + "/org.db");
    ::chmod((dir + "/org.db").c_str(), 0644);
    ::chmod(dir.c_str(), 0555);
    ::chmod(db.dir().c_str(), 0755);
    // As root, permissions do not apply: run as nobody, a copy of the binary that nobody can reach wherever the
    // build directory is.
    const std::string as_other_user = ::geteuid() == 0 ? "setpriv --reuid=nobody --regid=nogroup --clear-groups" : "";
    const auto binary = db.dir() + "/orgplan";
    fs::copy_file(ORGPLAN_BIN, binary);
    ::chmod(binary.c_str(), 0755);
    const auto r = run("--db '" + dir + "/org.db' ratios --by org --format json", "", as_other_user, binary);
    CHECK(r.exit_code == 0);
    CHECK(r.out == expected);
    CHECK(files_in(dir) == std::vector<std::string>{"org.db"});
    const auto w = run("--db '" + dir + "/org.db' config set ratio.threshold 8", "", as_other_user, binary);
    CHECK(w.exit_code == 4);
    CHECK_THAT(w.err, Catch::Contains("read-only"));
    ::chmod(dir.c_str(), 0755);
}

TEST_CASE("output that cannot be written is a failure") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + data("demo")).exit_code == 0);
    for (const auto* format : {"csv", "json", "table"}) {
        const auto r = run(db.flag() + " ratios --format " + format + " >/dev/full");
        CHECK(r.exit_code == 5);
        CHECK_THAT(r.err, Catch::Contains("cannot write the output"));
    }
}

TEST_CASE("processes importing into the same new database at once all succeed and leave no stray files") {
    for (int round = 0; round < 5; ++round) {
        TempDb db;
        std::vector<std::future<Result>> runs;
        // Each on a thread of its own (quietly: the test framework is not thread-safe), logged here.
        const auto start = [&](std::string args) {
            runs.push_back(std::async(std::launch::async, [&db, args] { return run_quietly(db.flag() + args); }));
        };
        start(" import " + data("demo"));
        start(" import " + data("demo/segments.csv") + " " + data("demo/products.csv") + " " + data("demo/teams.csv") +
              " " + data("demo/people.csv"));
        start(" config set ratio.threshold 9");
        start(" import " + data("demo"));
        for (auto& r : runs) CHECK(logged(r.get()).exit_code == 0);
        CHECK(run(db.flag() + " ratios --by org --format json").json()["org"]["maker_fte"] == 222.6);
        CHECK(run(db.flag() + " config get ratio.threshold").out == "9\n");
        for (const auto& name : files_in(db.dir())) CHECK_THAT(name, !Catch::Contains("orgplan-new"));
    }
}

TEST_CASE("a failed first import removes only its own staging files") {
    TempDb db;
    const auto r = run(db.flag() + " import " + fixture("bad"));
    CHECK(r.exit_code == 3);
    CHECK(files_in(db.dir()).empty());
}

TEST_CASE("a first import, written into its staging copy without a journal, is published whole and in WAL mode") {
    TempDb db;
    const auto org = db.dir() + "/org";
    REQUIRE(std::system(("'" ORGPLAN_GEN "' 60000 '" + org + "' >/dev/null").c_str()) == 0); // the bulk path
    REQUIRE(run(db.flag() + " import '" + org + "'").exit_code == 0);
    fs::remove_all(org);
    CHECK(files_in(db.dir()) == std::vector<std::string>{"org.db"}); // no staging copy, no journal left
    CHECK(sqlite_value(db.path(), "PRAGMA journal_mode") == "wal");
    CHECK(sqlite_value(db.path(), "PRAGMA integrity_check") == "ok");
    CHECK(sqlite_value(db.path(), "SELECT count(*) FROM person") == "60000");
    CHECK(sqlite_value(db.path(), "SELECT count(*) FROM pragma_foreign_key_check") == "0");
    // The next write is journaled as any other: a replace that fails leaves the org as it was.
    CHECK(run(db.flag() + " import --replace " + fixture("bad")).exit_code == 3);
    CHECK(sqlite_value(db.path(), "SELECT count(*) FROM person") == "60000");
}

TEST_CASE("a command that starts during a bulk import answers or waits for it instead of failing") {
    TempDb db;
    const auto org = db.dir() + "/org";
    REQUIRE(std::system(("'" ORGPLAN_GEN "' 60000 '" + org + "' >/dev/null").c_str()) == 0);
    REQUIRE(run(db.flag() + " import '" + org + "'").exit_code == 0);
    // The replace runs in the background; the readers and a writer start while it holds the database. Each runs on a
    // thread of its own (quietly: the test framework is not thread-safe) and is logged here.
    const auto in_background = [&db](std::string args) {
        return std::async(std::launch::async, [&db, args] { return run_quietly(db.flag() + args); });
    };
    auto import = in_background(" import --replace '" + org + "'");
    // The import is under way once its log grows.
    const auto wal = db.path() + "-wal";
    const auto writing = [&] {
        std::error_code ec;
        return fs::file_size(wal, ec) > 0 && !ec;
    };
    for (int i = 0; i < 2000 && !writing(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    std::vector<std::future<Result>> others;
    others.push_back(in_background(" ratios --by org"));
    others.push_back(in_background(" config set ratio.threshold 9"));
    others.push_back(in_background(" diagnose --check no-pm"));
    CHECK(logged(import.get()).exit_code == 0);
    for (auto& r : others) {
        const auto result = logged(r.get());
        CHECK(result.exit_code == 0);
        CHECK_THAT(result.err, !Catch::Contains("locked"));
    }
    CHECK(run(db.flag() + " config get ratio.threshold").out == "9\n");
}

TEST_CASE("the change log records every committed write, newest first, and nothing for a failed one") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + fixture("ratios")).exit_code == 0);
    REQUIRE(run(db.flag() + " config set ratio.threshold 8").exit_code == 0);
    REQUIRE(run(db.flag() + " import " + fixture("bad")).exit_code == 3); // refused: not logged
    REQUIRE(run(db.flag() + " scenario create what-if").exit_code == 0);
    REQUIRE(run(db.flag() + " align --principle by-team --apply").exit_code == 0);
    REQUIRE(run(db.flag() + " person erase pm4 --yes").exit_code == 0);
    const auto j = run(db.flag() + " log --format json").json();
    const auto& rows = j["rows"];
    REQUIRE(rows.size() == 5);
    CHECK(rows[0]["command"] == "person erase");
    CHECK(rows[0]["records"]["people"] == 1);
    CHECK(rows[0].dump().find("pm4") == std::string::npos); // the log does not say whom
    CHECK_THAT(rows[1]["command"].get<std::string>(), Catch::StartsWith("align --principle by-team --apply"));
    CHECK(rows[2]["command"] == "scenario create what-if");
    CHECK(rows[3]["command"] == "config set ratio.threshold");
    CHECK(rows[3]["records"]["ratio.threshold"] == "8");
    CHECK(rows[4]["command"] == "import ratios");
    CHECK(rows[4]["records"]["people"] == 24);
    CHECK_FALSE(rows[4]["user"].get<std::string>().empty());
    CHECK(rows[4]["at"].get<std::string>().size() == 20); // 2026-11-25T23:06:38Z
    CHECK(run(db.flag() + " log --limit 2 --format json").json()["rows"].size() == 2);
}

TEST_CASE("an import that runs out of file space exits 4 naming the disk, and the org is as it was") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + fixture("ratios")).exit_code == 0);
    const auto before = run(db.flag() + " ratios --format csv").out;
    // A file-size limit stands in for a full disk: writes past 150 KiB fail (SIGXFSZ ignored, so write() errs).
    const std::string small_disk = "bash -c 'trap \"\" XFSZ; ulimit -f 150; exec \"$0\" \"$@\"'";
    const auto r = run(db.flag() + " import --replace " + data("demo"), "", small_disk);
    CHECK(r.exit_code == 4);
    CHECK_THAT(r.err, Catch::Contains("disk") && Catch::Contains("run the command again"));
    CHECK(run(db.flag() + " ratios --format csv").out == before);
    CHECK(run(db.flag() + " import --replace " + data("demo")).exit_code == 0); // with space, it goes through
}
