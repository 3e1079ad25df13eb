// Backups, restores, and data-subject requests (export and erasure) through the real binary.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sys/stat.h>

#include "run.hpp"

using namespace orgplan::e2e;

namespace {

mode_t mode_of(const std::string& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

// The bytes of the database and of any journal or log beside it.
std::string database_bytes(const std::string& path) {
    std::string all;
    for (const char* suffix : {"", "-wal", "-journal"})
        if (std::filesystem::exists(path + suffix)) all += read_text(path + suffix);
    return all;
}

} // namespace

TEST_CASE("backup writes a private, self-contained copy that restore puts back") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + data("demo")).exit_code == 0);
    const auto before = run(db.flag() + " ratios --format csv").out;
    const auto copy = db.dir() + "/copy.db";
    // umask 022 would make files world-readable; a backup holds personal data.
    auto r = run(db.flag() + " backup '" + copy + "'", "", "sh -c 'umask 022; exec \"$0\" \"$@\"'");
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("335 people"));
    CHECK(mode_of(copy) == 0600);
    CHECK_FALSE(std::filesystem::exists(copy + "-wal")); // one file, in rollback-journal mode
    // An existing file is not overwritten without --force.
    r = run(db.flag() + " backup '" + copy + "'");
    CHECK(r.exit_code == 4);
    CHECK_THAT(r.err, Catch::Contains("exists already"));
    CHECK(run(db.flag() + " backup '" + copy + "' --force").exit_code == 0);

    // Change the org, then restore: the org is as it was at the backup.
    REQUIRE(run(db.flag() + " import --replace " + fixture("ratios")).exit_code == 0);
    CHECK(run(db.flag() + " ratios --format csv").out != before);
    r = run(db.flag() + " restore '" + copy + "'");
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("restored") && Catch::Contains("335 people"));
    CHECK(run(db.flag() + " ratios --format csv").out == before);
    // Into a database that does not exist yet, too.
    TempDb fresh;
    REQUIRE(run(fresh.flag() + " restore '" + copy + "'").exit_code == 0);
    CHECK(run(fresh.flag() + " ratios --format csv").out == before);
    CHECK(mode_of(fresh.path()) == 0600);
}

TEST_CASE("restore refuses a damaged, foreign or newer backup and leaves the database as it was") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + fixture("ratios")).exit_code == 0);
    const auto copy = db.dir() + "/copy.db";
    REQUIRE(run(db.flag() + " backup '" + copy + "'").exit_code == 0);
    const auto original = read_text(db.path());
    // Damage: overwrite a page in the middle of the copy.
    auto bytes = read_text(copy);
    const auto damaged = db.dir() + "/damaged.db";
    for (std::size_t i = 4096; i < 8192 && i < bytes.size(); ++i) bytes[i] = '\x5a';
    std::ofstream(damaged, std::ios::binary) << bytes;
    auto r = run(db.flag() + " restore '" + damaged + "'");
    CHECK(r.exit_code == 4);
    CHECK_THAT(r.err, Catch::Contains("nothing was restored") || Catch::Contains("damaged") ||
                          Catch::Contains("malformed"));
    CHECK(read_text(db.path()) == original);
    // A newer schema.
    const auto newer = db.dir() + "/newer.db";
    std::filesystem::copy_file(copy, newer);
    REQUIRE(std::system(("sqlite3 '" + newer + "' 'PRAGMA user_version = 999'").c_str()) == 0);
    r = run(db.flag() + " restore '" + newer + "'");
    CHECK(r.exit_code == 4);
    CHECK_THAT(r.err, Catch::Contains("newer than this orgplan knows"));
    // Not orgplan's.
    const auto other = db.dir() + "/other.db";
    REQUIRE(std::system(("sqlite3 '" + other + "' 'CREATE TABLE t(x)'").c_str()) == 0);
    r = run(db.flag() + " restore '" + other + "'");
    CHECK(r.exit_code == 4);
    CHECK_THAT(r.err, Catch::Contains("not an orgplan backup"));
    CHECK(run(db.flag() + " restore '" + db.dir() + "/missing.db'").exit_code == 4);
    CHECK(read_text(db.path()) == original);
    CHECK(run(db.flag() + " restore --check '" + copy + "'").exit_code == 0);
}

TEST_CASE("backup and restore keep an org with history, scenarios, snapshots and an erasure") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + data("demo") + " --as-of 2026-09-01").exit_code == 0);
    const auto change = db.dir() + "/people.csv";
    std::ofstream(change) << "id,fte\nE0279,0.5\n";
    REQUIRE(run(db.flag() + " import " + change + " --as-of 2026-10-01").exit_code == 0);
    REQUIRE(run(db.flag() + " scenario create grow").exit_code == 0);
    REQUIRE(run(db.flag() + " scenario apply grow --add-makers bill-tax=3").exit_code == 0);
    REQUIRE(run(db.flag() + " person erase E0005 --yes").exit_code == 0);
    const auto answers = [](const TempDb& at) {
        return run(at.flag() + " history --format csv").out + run(at.flag() + " ratios --format csv").out +
               run(at.flag() + " ratios --as-of 2026-09-15 --format csv").out +
               run(at.flag() + " scenario list --format csv").out + run(at.flag() + " changes --from 2026-09-01 --format csv").out;
    };
    const auto before = answers(db);
    const auto copy = db.dir() + "/copy.db";
    auto r = run(db.flag() + " backup '" + copy + "'");
    REQUIRE(r.exit_code == 0); // refused before: SQLite 3.40 reported NULLs in one-row history tables
    CHECK_THAT(r.out, Catch::Contains("backed up"));
    CHECK(run(db.flag() + " restore --check '" + copy + "'").exit_code == 0);
    TempDb fresh;
    REQUIRE(run(fresh.flag() + " restore '" + copy + "'").exit_code == 0);
    CHECK(answers(fresh) == before);
    // Restored over the same database, too.
    REQUIRE(run(db.flag() + " restore '" + copy + "'").exit_code == 0);
    CHECK(answers(db) == before);
}

TEST_CASE("a backup that restore would refuse is never left at the target") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + fixture("ratios")).exit_code == 0);
    // A broken reference, written behind orgplan's back.
    REQUIRE(std::system(("sqlite3 '" + db.path() + "' \"PRAGMA foreign_keys = OFF; INSERT INTO membership(person_id, "
                         "team_id, allocation) SELECT id, 'no-such-team', 0.1 FROM person LIMIT 1\"").c_str()) == 0);
    const auto copy = db.dir() + "/copy.db";
    const auto r = run(db.flag() + " backup '" + copy + "'");
    CHECK(r.exit_code == 4);
    CHECK_THAT(r.err, Catch::Contains(copy) && Catch::Contains("broken references"));
    CHECK_FALSE(std::filesystem::exists(copy));
    for (const auto& e : std::filesystem::directory_iterator(db.dir()))
        CHECK_THAT(e.path().filename().string(), !Catch::Contains("orgplan-backup"));
}

TEST_CASE("person export gives everything stored about a person, scenarios included") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + data("demo")).exit_code == 0);
    REQUIRE(run(db.flag() + " scenario create fix").exit_code == 0);
    REQUIRE(run(db.flag() + " scenario apply fix --move-pm E0020 --to team:mid-integrations").exit_code == 0);
    const auto r = run(db.flag() + " person export E0020");
    REQUIRE(r.exit_code == 0);
    const auto j = r.json();
    CHECK(j["org"]["person"]["name"] == "Jada Weber");
    CHECK(j["org"]["person"]["email"] == "jada.weber@northwind.example");
    CHECK(j["org"]["assignments"].size() == 2);
    REQUIRE(j["scenarios"].size() == 1);
    CHECK(j["scenarios"][0]["scenario"] == "fix");
    CHECK(j["scenarios"][0]["records"]["assignments"][0]["target"] == "mid-integrations");
    CHECK_THAT(j["scenarios"][0]["changes"][0]["change"].get<std::string>(), Catch::Contains("move PM E0020"));
    CHECK(j["scenarios"][0]["changes"][0]["options"]["move-pm"] == "E0020");
    // The interrupt log and task forces: Lena Schmidt (E0018) took 22 interrupts as PM; Priya Becker (E0002) reviews
    // both demo task forces.
    const auto lena = run(db.flag() + " person export E0018").json();
    CHECK(lena["interrupts"].size() == 22);
    CHECK(lena["interrupts"][0]["pm_id"] == "E0018");
    const auto priya = run(db.flag() + " person export E0002").json();
    REQUIRE(priya["task_forces"].size() == 2);
    CHECK(priya["task_forces"][0]["role"] == "review");
    const auto missing = run(db.flag() + " person export nobody");
    CHECK(missing.exit_code != 0);
    CHECK_THAT(missing.err, Catch::Contains("no person 'nobody'"));
}

TEST_CASE("person erase removes a person everywhere and leaves none of their bytes in the files") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + data("demo")).exit_code == 0);
    REQUIRE(run(db.flag() + " scenario create fix").exit_code == 0);
    REQUIRE(run(db.flag() + " scenario apply fix --move-pm E0020 --to team:mid-integrations").exit_code == 0);
    // A step naming the person in its options and its text: both are scrubbed.
    REQUIRE(run(db.flag() + " scenario apply fix --set-fte E0005=0.5").exit_code == 0);
    // A manager: E0005 leads PMs, who move up to E0005's manager.
    const std::string name = "Noah Becker", email = "noah.becker@northwind.example";
    REQUIRE(database_bytes(db.path()).find(email) != std::string::npos);
    auto r = run(db.flag() + " person erase E0005");
    CHECK(r.exit_code == 2); // without --yes nothing happens
    CHECK(run(db.flag() + " person export E0005").exit_code == 0);
    r = run(db.flag() + " person erase E0005 --yes");
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("erased E0005") && Catch::Contains("moved up to their manager") &&
                          Catch::Contains("removed from 1 scenarios"));
    CHECK_THAT(r.out, Catch::Contains("2 task force seats")); // E0005 reviews both demo task forces
    CHECK_THAT(r.out, !Catch::Contains(name));
    const auto bytes = database_bytes(db.path());
    CHECK(bytes.find(email) == std::string::npos);
    CHECK(bytes.find(name) == std::string::npos);
    CHECK(bytes.find("E0005") == std::string::npos);
    // The org still holds together: the reports report to E0002 now, ratios still answer, and the erased id is gone.
    // E0005 (reporting to E0002) leads eight PMs, E0014 to E0020 and E0335; each now reports to E0002.
    const auto spans = run(db.flag() + " spans --by person --format json").json();
    REQUIRE(spans["rows"].size() == 334);
    const std::set<std::string> reports = {"E0014", "E0015", "E0016", "E0017", "E0018", "E0019", "E0020", "E0335"};
    std::size_t moved = 0;
    for (const auto& row : spans["rows"]) {
        CHECK(row["person"] != "E0005");
        CHECK(row["reports_to"] != "E0005");
        if (reports.count(row["person"].get<std::string>())) {
            CHECK(row["reports_to"] == "E0002");
            ++moved;
        }
    }
    CHECK(moved == reports.size());
    CHECK(run(db.flag() + " ratios").exit_code == 0);
    CHECK(run(db.flag() + " person export E0005").exit_code != 0);
    CHECK(run(db.flag() + " scenario diff current fix").exit_code == 0);
}

TEST_CASE("every file orgplan creates is private under umask 022: database, WAL, shared memory, outputs") {
    TempDb db;
    const std::string umask = "sh -c 'umask 022; exec \"$0\" \"$@\"'";
    REQUIRE(run(db.flag() + " import " + fixture("ratios"), "", umask).exit_code == 0);
    CHECK(mode_of(db.path()) == 0600);
    // While a reader holds the database open the WAL and shared-memory files exist: hold one with sqlite3.
    REQUIRE(std::system(("sqlite3 '" + db.path() + "' 'PRAGMA wal_checkpoint' >/dev/null").c_str()) == 0);
    REQUIRE(run(db.flag() + " config set ratio.threshold 9", "", umask).exit_code == 0);
    for (const char* suffix : {"-wal", "-shm", "-journal"})
        if (std::filesystem::exists(db.path() + suffix)) CHECK(mode_of(db.path() + suffix) == 0600);
    for (const auto& [args, file] : std::vector<std::pair<std::string, std::string>>{
             {" ratios --format csv --out ", "ratios.csv"},
             {" report --out ", "report.html"},
             {" person export pm1 --out ", "pm1.json"},
             {" backup ", "copy.db"}}) {
        const auto path = db.dir() + "/" + file;
        REQUIRE(run(db.flag() + args + "'" + path + "'", "", umask).exit_code == 0);
        INFO(file);
        CHECK(mode_of(path) == 0600);
    }
}

TEST_CASE("person erase answers in JSON when asked") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + data("demo")).exit_code == 0);
    const auto r = run(db.flag() + " person erase E0335 --yes --format json");
    REQUIRE(r.exit_code == 0);
    const auto j = r.json();
    CHECK(j["action"] == "erase");
    CHECK(j["id"] == "E0335");
    CHECK(j["in_org"] == true);
    CHECK(j["assignments"] == 1);
    CHECK(run(db.flag() + " person erase E0335 --yes --format csv").exit_code == 2);
}
