// An HR-system export as companies hand it over: foreign headers, FTE as a percentage, squads referring to products
// and segments no file defines, a coverage file with neither kind nor share, and a player-coach product leader.
// Expected numbers are worked out by hand in tests/fixtures/hr-export/README.md.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <memory>

#include "run.hpp"

using namespace orgplan::e2e;

namespace {

const std::string kFiles = fixture("hr-export/people.csv") + " " + fixture("hr-export/squads.csv") + " " +
                           fixture("hr-export/coverage.csv") + " " + fixture("hr-export/leader_assignments.csv");

// One value from the database file, read with SQLite's own shell.
std::string stored(const TempDb& db, const std::string& sql) { return sqlite_value(db.path(), sql); }

const nlohmann::json& row_of(const nlohmann::json& rows, const std::string& key, const std::string& id) {
    for (const auto& row : rows)
        if (row[key] == id) return row;
    FAIL("no row " << id);
    throw;
}

} // namespace

TEST_CASE("an HR export without products, segments, kind or share says which flags import it") {
    TempDb db;
    const auto r = run(db.flag() + " import " + kFiles);
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("coverage.csv:1: field 'kind': required column 'kind' is missing") &&
                          Catch::Contains("--set kind=VALUE"));
    CHECK_THAT(r.err, Catch::Contains("squads.csv:2: field 'product': unknown product 'payments'") &&
                          Catch::Contains("--create-missing products"));
    CHECK_THAT(r.err, Catch::Contains("squads.csv:3: field 'segment': unknown segment 'enterprise'") &&
                          Catch::Contains("--create-missing segments"));
}

TEST_CASE("set and create-missing import the export, HR headers and FTE % are understood") {
    TempDb db;
    const auto r = run(db.flag() + " import " + kFiles + " --set kind=team --create-missing products,segments --format json");
    REQUIRE(r.exit_code == 0);
    const auto j = r.json();
    CHECK(j["created"]["products"] == nlohmann::json({"payments", "discovery"}));
    CHECK(j["created"]["segments"] == nlohmann::json({"smb", "enterprise"}));
    CHECK(j["ignored_columns"].empty()); // every HR header was recognised
    CHECK_THAT(r.err, Catch::Contains("1 PM with several rows and no share: their time is split evenly"));
    // Created records are named after their id; people keep unit, cost center and function; 50 % is 0.5 FTE.
    CHECK(stored(db, "SELECT name || '/' || status FROM product WHERE id = 'payments'") == "payments/active");
    CHECK(stored(db, "SELECT unit || '/' || cost_center || '/' || function || '/' || fte || '/' || manager_id || '/' "
                     "|| email FROM person WHERE id = 'E3'") == "Product/CC100/Product/0.5/E1/nora@example.com");
    CHECK(stored(db, "SELECT family FROM person WHERE id = 'W1'") == "maker"); // Senior Technical Writer
    CHECK(stored(db, "SELECT group_concat(target_id || '=' || share, ' ') FROM "
                     "(SELECT * FROM pm_assignment WHERE pm_id = 'E2' ORDER BY target_id)") == "S1=0.5 S2=0.5");

    const auto teams = run(db.flag() + " ratios --format json").json();
    CHECK(row_of(teams["rows"], "team", "S1")["ratio"] == Approx(5.0));
    CHECK(row_of(teams["rows"], "team", "S2")["ratio"] == Approx(4.0));
    CHECK(row_of(teams["rows"], "team", "S3")["ratio"] == Approx(6.0));
    CHECK(teams["org"]["pm_fte"] == Approx(2.0));
    CHECK(teams["org"]["leader_pm_fte"] == Approx(0.5));
    CHECK(teams["org"]["ratio"] == Approx(4.75));
}

TEST_CASE("a product leader covering a team as PM shows as leader time and coaches in the rest of their week") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + kFiles + " --set kind=team --create-missing products,segments").exit_code == 0);
    const auto pms = run(db.flag() + " ratios --by pm --format json").json();
    const auto& leader = row_of(pms["rows"], "pm", "E1");
    CHECK(leader["role"] == "leader");
    CHECK(leader["pm_fte"] == Approx(0.5));
    CHECK(leader["ratio"] == Approx(4.0));
    CHECK(row_of(pms["rows"], "pm", "E2")["role"] == "pm");
    // Leader rows count the leader's own PM time with the PMs they lead.
    const auto leaders = run(db.flag() + " ratios --by leader --format json").json();
    CHECK(row_of(leaders["rows"], "leader", "E1")["pm_fte"] == Approx(2.0));
    // 5 h of coaching for a full-time leader; half-time as PM keeps 2.5 h.
    const auto mentoring = run(db.flag() + " mentoring --format json");
    REQUIRE(mentoring.exit_code == 0);
    bool found = false;
    const auto plan = mentoring.json();
    for (const auto& m : plan["mentors"])
        if (m["mentor"] == "E1") {
            found = true;
            CHECK(m["capacity_hours"] == Approx(2.5));
        }
    CHECK(found);
    // Re-aligning PMs keeps the leader's own team.
    REQUIRE(run(db.flag() + " align --principle by-team --apply").exit_code == 0);
    CHECK(stored(db, "SELECT target_id || '=' || share FROM pm_assignment WHERE pm_id = 'E1'") == "S2=0.5");
}

TEST_CASE("set and create-missing refuse what they cannot do") {
    TempDb db;
    auto r = run(db.flag() + " import " + kFiles + " --set colour=blue");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("--set colour: no kind of record has a column 'colour'"));
    r = run(db.flag() + " import " + kFiles + " --set kind=team --create-missing people");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("--create-missing 'people'"));
    // A file's own column wins over --set, and an unused --set is noted.
    r = run(db.flag() + " import " + fixture("hr-export/leader_assignments.csv") + " " + fixture("hr-export/people.csv") +
            " " + fixture("hr-export/squads.csv") + " --set kind=product --create-missing products,segments");
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains("--set kind was not used"));
    CHECK(stored(db, "SELECT target_kind FROM pm_assignment WHERE pm_id = 'E1'") == "team");
}

TEST_CASE("a PM's rows without a share split what their rows with one leave, none left is an error") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + fixture("hr-export/people.csv") + " " + fixture("hr-export/squads.csv") +
                " --create-missing products,segments").exit_code == 0);
    const auto dir = db.dir();
    auto write = [&](const std::string& name, const std::string& text) {
        std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen((dir + "/" + name).c_str(), "w"), std::fclose);
        std::fputs(text.c_str(), f.get());
        return dir + "/" + name;
    };
    // A JSON record without a share key is a row without a share.
    const auto mixed = write("assignments.json", R"({"assignments": [
        {"pm": "E2", "kind": "team", "target": "S1", "share": 0.4},
        {"pm": "E2", "kind": "team", "target": "S2"},
        {"pm": "E2", "kind": "team", "target": "S3"}]})");
    REQUIRE(run(db.flag() + " import " + mixed).exit_code == 0);
    CHECK(stored(db, "SELECT group_concat(target_id || '=' || round(share, 3), ' ') FROM "
                     "(SELECT * FROM pm_assignment WHERE pm_id = 'E2' ORDER BY target_id)") == "S1=0.4 S2=0.3 S3=0.3");
    const auto full = write("full_assignments.json", R"({"assignments": [
        {"pm": "E3", "kind": "team", "target": "S1", "share": 1},
        {"pm": "E3", "kind": "team", "target": "S2"}]})");
    const auto r = run(db.flag() + " import " + full);
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("field 'share': has no share, and the other rows of 'E3' already give all of "
                                      "their time"));
}

TEST_CASE("spans lists each manager's span and layer, groups by unit, and counts managers per band") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + kFiles + " --set kind=team --create-missing products,segments").exit_code == 0);
    auto r = run(db.flag() + " spans --format json");
    REQUIRE(r.exit_code == 0);
    auto j = r.json();
    REQUIRE(j["rows"].size() == 2);
    CHECK(j["rows"][0]["manager"] == "E9"); // the larger organisation first on layer 1
    CHECK(j["rows"][0]["directs"] == 10);
    CHECK(j["rows"][0]["band"] == "8-12");
    CHECK(j["rows"][1]["manager"] == "E1");
    CHECK(j["rows"][1]["directs"] == 2);
    CHECK(j["org"]["people"] == 15);
    CHECK(j["org"]["managers"] == 2);
    CHECK(j["org"]["layers"] == 2);
    CHECK(j["org"]["median_span"] == Approx(6.0));
    CHECK(j["org"]["bands"]["2-3"] == 1);
    CHECK(j["org"]["bands"]["8-12"] == 1);
    // By unit (the export's Department column): Engineering has 11 people over 2 layers.
    j = run(db.flag() + " spans --by unit --format json").json();
    REQUIRE(j["rows"].size() == 3);
    CHECK(j["rows"][0]["unit"] == "Engineering");
    CHECK(j["rows"][0]["people"] == 11);
    CHECK(j["rows"][0]["layers"] == 2);
    // Everyone's layer; bands follow the settings.
    j = run(db.flag() + " spans --by person --format json").json();
    CHECK(j["rows"].size() == 15);
    REQUIRE(run(db.flag() + " config set spans.band_4 10").exit_code == 0);
    j = run(db.flag() + " spans --format json").json();
    CHECK(j["rows"][0]["band"] == "8-10");
    // Bands that would contradict each other are refused when set (nothing stored), so spans keeps working; several
    // settings change together in one command.
    r = run(db.flag() + " config set spans.band_4 2");
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("spans.band_4 (2) must be above spans.band_3 (7)"));
    CHECK(run(db.flag() + " config get spans.band_4").out == "10\n");
    CHECK(run(db.flag() + " spans").exit_code == 0);
    REQUIRE(run(db.flag() + " config set spans.band_3 8 spans.band_4 9").exit_code == 0);
    CHECK(run(db.flag() + " config get spans.band_4").out == "9\n");
    CHECK(run(db.flag() + " spans").exit_code == 0);
    r = run(db.flag() + " config set spans.narrow_below 20");
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("spans.wide_above (16) must be at least spans.narrow_below (20)"));
    CHECK(run(db.flag() + " spans --by colour").exit_code == 2);
}

TEST_CASE("Employee Number, Supervisor Employee Number, Job Family and Country headers are understood") {
    TempDb db;
    const auto people = db.dir() + "/people.csv";
    std::ofstream(people) << "Employee Number,Name,Job Title,Supervisor Employee Number,Job Family,Country,Grde\n"
                             "100,Ada Lead,VP Product,,Product Management,Germany,L9\n"
                             "101,Bo Dev,Software Engineer,100,Software Engineering,Portugal,L4\n";
    const auto r = run(db.flag() + " import " + people);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains("column 'grde' is not used (did you mean 'level'?)"));
    const auto bo = run(db.flag() + " person export 101").json()["org"]["person"];
    CHECK(bo["manager"] == "100");
    CHECK(bo["function"] == "Software Engineering"); // a job family is the kind of work, not the role family
    CHECK(bo["family"] == "maker");                  // which the title rules decide
    CHECK(bo["location"] == "Portugal");
}
