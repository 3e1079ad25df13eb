#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>

#include "run.hpp"

using namespace orgplan::e2e;

TEST_CASE("import loads the demo org and reports what it read") {
    TempDb db;
    const auto r = run(db.flag() + " import " + data("demo"));
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("people") && Catch::Contains("imported"));
    struct stat st {};
    REQUIRE(::stat(db.path().c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("a failed import lists every problem, exits non-zero and leaves the database as it was") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + fixture("ratios")).exit_code == 0);
    const auto before = read_text(db.path());
    const auto r = run(db.flag() + " import " + fixture("bad"));
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("bad/people.csv:3: field 'fte': 'abc' is not a number"));
    CHECK_THAT(r.err, Catch::Contains("bad/people.csv:4: field 'manager': unknown manager 'nobody'"));
    CHECK_THAT(r.err, Catch::Contains("reporting cycle"));
    CHECK_THAT(r.err, Catch::Contains("bad/memberships.csv:3: field 'allocation'"));
    CHECK_THAT(r.err, Catch::Contains("nothing was written"));
    const auto after = run(db.flag() + " ratios --format json");
    REQUIRE(after.exit_code == 0);
    CHECK(after.json()["rows"].size() == 4); // still the ratio fixture's four teams
}

TEST_CASE("a failed first import leaves no database file behind") {
    TempDb db;
    const auto r = run(db.flag() + " import " + fixture("bad"));
    CHECK(r.exit_code == 3);
    CHECK_FALSE(std::filesystem::exists(db.path()));
}

TEST_CASE("import errors can be read as JSON") {
    TempDb db;
    const auto r = run(db.flag() + " import --format json " + fixture("bad"));
    CHECK(r.exit_code == 3);
    const auto j = r.json();
    CHECK(j["ok"] == false);
    CHECK(j["problem_count"].get<int>() >= 6);
    CHECK(j["problems"][0].contains("file"));
}

TEST_CASE("a failed import's problems are its answer in every format but the terminal's, which has them on stderr") {
    TempDb db;
    const auto table = run(db.flag() + " import " + fixture("bad"));
    CHECK(table.exit_code == 3);
    CHECK(table.out.empty());
    CHECK_THAT(table.err, Catch::Contains("bad/memberships.csv:3: field 'allocation'"));
    const auto csv = run(db.flag() + " import --format csv " + fixture("bad"));
    CHECK(csv.exit_code == 3);
    CHECK_THAT(csv.out, Catch::StartsWith("file,line,record,field,message\r\n") &&
                            Catch::Contains("bad/memberships.csv,3,,allocation,"));
    CHECK_THAT(csv.err, Catch::Contains("nothing was written"));
    const auto md = run(db.flag() + " import --format md " + fixture("bad"));
    CHECK_THAT(md.out, Catch::StartsWith("## import: ") && Catch::Contains("problems, nothing written"));
    CHECK_FALSE(std::filesystem::exists(db.path()));
    // A JSON source counts records, not lines: the problem says "record" and leaves "line" out.
    const auto json_source = db.dir() + "/people.json";
    std::ofstream(json_source) << R"([{"id": "E1", "name": "Ann", "title": "Engineer", "manager": "E9"}])";
    const auto j = run(db.flag() + " import --format json " + json_source).json();
    REQUIRE(j["problems"].size() == 1);
    CHECK(j["problems"][0]["record"] == 1);
    CHECK_FALSE(j["problems"][0].contains("line"));
    CHECK(j["problems"][0]["field"] == "manager");
}

TEST_CASE("a dry run validates and writes nothing") {
    TempDb db;
    const auto r = run(db.flag() + " import --dry-run " + data("demo"));
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("dry run"));
    CHECK_FALSE(std::filesystem::exists(db.path()));
}

TEST_CASE("column mapping adapts another export's headers") {
    TempDb db;
    const auto r = run(db.flag() + " import --map name='Full Name' --map title='Job Title' " +
                       fixture("bom_crlf_people.csv") + " --format json");
    REQUIRE(r.exit_code == 0);
    CHECK(r.json()["records"]["people"] == 2);
    const auto roles = run(db.flag() + " roles --format json");
    REQUIRE(roles.exit_code == 0);
    CHECK(roles.json()["rows"].size() == 2);
}

TEST_CASE("ORGPLAN_DB chooses the database when --db is absent and --db wins over it") {
    TempDb db, other;
    REQUIRE(run("import " + fixture("org.json"), "ORGPLAN_DB='" + db.path() + "'").exit_code == 0);
    CHECK(std::filesystem::exists(db.path()));
    const auto r = run("ratios --format json", "ORGPLAN_DB='" + db.path() + "'");
    REQUIRE(r.exit_code == 0);
    CHECK(r.json()["rows"][0]["team"] == "J1");
    CHECK(run(other.flag() + " ratios", "ORGPLAN_DB='" + db.path() + "'").exit_code == 3);
}

TEST_CASE("usage mistakes exit 2 with a hint") {
    TempDb db;
    CHECK(run("frobnicate").exit_code == 2);
    const auto missing = run(db.flag() + " ratios");
    CHECK(missing.exit_code == 3);
    CHECK_THAT(missing.err, Catch::Contains("no org database"));
    CHECK(run(db.flag() + " ratios --format xml").exit_code == 2);
    CHECK(run("import").exit_code == 2);
    REQUIRE(run(db.flag() + " import " + fixture("org.json")).exit_code == 0);
    const auto r = run(db.flag() + " ratios --by tribe");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("team, product, segment, pm, leader or org"));
}

TEST_CASE("roles lists unmatched titles of the demo org") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + data("demo")).exit_code == 0);
    const auto r = run(db.flag() + " roles --unmatched --format json");
    REQUIRE(r.exit_code == 0);
    const auto j = r.json();
    CHECK(j["unmatched_titles"] == 1);
    CHECK(j["rows"][0]["title"] == "Solutions Wrangler");
    const auto table = run(db.flag() + " roles");
    REQUIRE(table.exit_code == 0);
    CHECK_THAT(table.out, Catch::Contains("Full Stack Developer") && Catch::Contains("'Developer'"));
    const auto csv = run(db.flag() + " roles --format csv");
    CHECK_THAT(csv.out, Catch::Contains("Full Stack Developer,maker,rule,engineer|developer|"));
    // Markdown is read by people, as the table is: the matched words, not the pattern.
    const auto md = run(db.flag() + " roles --format md");
    CHECK_THAT(md.out, Catch::Contains("| title | family | source | matched | people |") &&
                           Catch::Contains("| Full Stack Developer | maker | rule | &#39;Developer&#39; | 18 |"));
    CHECK_THAT(md.out, !Catch::Contains("engineer\\|developer"));
}

TEST_CASE("roles --test classifies titles without a database") {
    const auto r = run("roles --test 'Senior Backend Engineer, Plan' --test 'Product Marketing Manager' --format csv");
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("\"Senior Backend Engineer, Plan\",maker,rule"));
    CHECK_THAT(r.out, Catch::Contains("Product Marketing Manager,other,rule"));
    const auto table = run("roles --test 'Senior Backend Engineer, Plan' --test 'Chief Vibes'");
    CHECK_THAT(table.out, Catch::Contains("matched") && Catch::Contains("'Engineer'") && !Catch::Contains("developer|"));
}

namespace {

bool orgplan_e2e_runs_as_formula(const std::string& cell) {
    if (cell.empty()) return false;
    const char c = cell[0];
    // A number (a negative one included) is a number cell, not a formula.
    if (c == '-' && cell.find_first_not_of("-0123456789.e") == std::string::npos) return false;
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

} // namespace

TEST_CASE("CSV output never hands a spreadsheet a formula: names, ids and titles from the data are neutralised") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + fixture("formula")).exit_code == 0);
    REQUIRE(run(db.flag() + " scenario create \"=evil\"").exit_code == 0);
    std::size_t neutralised = 0;
    for (const auto* cmd : {" ratios --by team", " ratios --by product", " ratios --by segment", " ratios --by pm",
                            " ratios --by leader", " ratios --by org", " diagnose", " mentoring plan",
                            " align --principle by-team", " roles", " scenario list", " hire"}) {
        const auto r = run(db.flag() + cmd + " --format csv");
        INFO(cmd);
        REQUIRE(r.exit_code == 0);
        for (const auto& record : csv_records(r.out))
            for (const auto& cell : record) {
                CHECK_FALSE(orgplan_e2e_runs_as_formula(cell));
                neutralised += cell.rfind("'", 0) == 0;
            }
    }
    CHECK(neutralised >= 30);
}

TEST_CASE("a real export's stumbles: a stray file in a directory, one header mapped twice, a family column unlike "
          "the rules, supervisor employee numbers") {
    TempDb db;
    namespace fs = std::filesystem;
    const auto dir = db.dir() + "/export";
    fs::create_directories(dir);
    std::ofstream(dir + "/people.csv") << "Employee Number,Name,Job Title,Family,Supervisor Employee Number\n"
                                          "1,Ann,Security Engineer,other,\n"
                                          "2,Bob,Software Engineer,maker,1\n"
                                          "3,Cem,Platform Security Engineer,other,1\n";
    std::ofstream(dir + "/notes.csv") << "a,b\n1,2\n";
    // The stray file is named, with the three ways out; nothing is written.
    auto r = run(db.flag() + " import '" + dir + "'");
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("notes.csv: cannot tell what this file holds") &&
                          Catch::Contains("rename it") && Catch::Contains("--kind KIND") &&
                          Catch::Contains("move it out of the directory"));
    CHECK_FALSE(fs::exists(db.path()));
    fs::remove(dir + "/notes.csv");
    // One header for two columns is refused before any work; a column mapped twice too.
    r = run(db.flag() + " import '" + dir + "' --map id='Employee Number' --map manager='Employee Number'");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("header 'Employee Number' is mapped to both id and manager"));
    CHECK(run(db.flag() + " import '" + dir + "' --map title=A --map title=B").exit_code == 2);
    // The family column wins over the title rules, and the import says how many titles the rules would class otherwise.
    r = run(db.flag() + " import '" + dir + "'");
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains("2 people have a family column that differs from what the title rules say") &&
                          Catch::Contains("'Security Engineer': other in the file, maker by the rules"));
    const auto people = run(db.flag() + " spans --by person --format json").json()["rows"];
    REQUIRE(people.size() == 3);
    CHECK(people[0]["person"] == "1");
    CHECK(people[0]["directs"] == 2); // "Supervisor Employee Number" is the manager
    CHECK(run(db.flag() + " roles --format csv").out.find("Security Engineer,other,column") != std::string::npos);
    // import --help lists every kind.
    r = run("import --help");
    CHECK_THAT(r.out, Catch::Contains("interrupts") && Catch::Contains("taskforces"));
}
