#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

#include "../fixture.hpp"
#include "orgplan/base/error.hpp"

using namespace orgplan;
using namespace orgplan::test;

namespace {

std::vector<InputProblem> problems_of(Database& db, const std::vector<std::string>& paths, ImportOptions o = {}) {
    try {
        import_paths(db, paths, o);
    } catch (const InputErrors& e) {
        return e.problems();
    }
    FAIL("the import was expected to fail");
    return {};
}

bool has_problem(const std::vector<InputProblem>& ps, const std::string& file_suffix, long line,
                 const std::string& field, const std::string& text) {
    for (const auto& p : ps)
        if (p.file.size() >= file_suffix.size() &&
            p.file.compare(p.file.size() - file_suffix.size(), file_suffix.size(), file_suffix) == 0 &&
            p.line == line && p.field == field && p.message.find(text) != std::string::npos)
            return true;
    return false;
}

} // namespace

TEST_CASE("importing the ratio fixture stores every record and classifies titles") {
    Database db(":memory:");
    const auto summary = import_paths(db, {fixture("ratios")});
    CHECK(summary.written);
    CHECK(summary.records.at("people") == 24);
    CHECK(count(db, "person") == 24);
    CHECK(count(db, "team") == 4);
    // team column (18 people) + memberships file (2 rows)
    CHECK(count(db, "membership") == 20);
    CHECK(count(db, "pm_assignment") == 4);
    CHECK(db.sql().execAndGet("SELECT family FROM person WHERE id = 'L1'").getString() == "product_leader");
    CHECK(db.sql().execAndGet("SELECT family FROM person WHERE id = 'o1'").getString() == "other");
    CHECK(db.sql().execAndGet("SELECT family_source FROM person WHERE id = 'm7'").getString() == "rule");
}

TEST_CASE("every kind of bad input is reported with file, line and field, and nothing is written") {
    Database db(":memory:");
    import_paths(db, {fixture("ratios")});
    const auto before = count(db, "person");
    const auto ps = problems_of(db, {fixture("bad")});
    CHECK(has_problem(ps, "bad/people.csv", 3, "fte", "'abc' is not a number"));
    CHECK(has_problem(ps, "bad/people.csv", 4, "manager", "unknown manager 'nobody'"));
    CHECK(has_problem(ps, "bad/people.csv", 4, "team", "unknown team 'T9'"));
    CHECK(has_problem(ps, "bad/people.csv", 5, "id", "duplicate person id 'p1' (first at"));
    CHECK(has_problem(ps, "bad/memberships.csv", 3, "team", "unknown team 'T2'"));
    CHECK(has_problem(ps, "bad/memberships.csv", 3, "allocation", "add up to 1.30"));
    CHECK(has_problem(ps, "bad/people.csv", 6, "manager", "reporting cycle p4 -> p5 -> p4"));
    CHECK(count(db, "person") == before);
    CHECK(count(db, "team") == 4);
}

TEST_CASE("a missing key column is named with how to map it, without echoing the first line") {
    Database db(":memory:");
    // No header line: the first record stands where the column names should be.
    const auto path = write_temp("people.csv", "Ada Lovelace,ada@example.com,London\nAlan Turing,alan@example.com,Wilmslow\n");
    const auto ps = problems_of(db, {path});
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].line == 1);
    CHECK(ps[0].field == "id");
    CHECK_THAT(ps[0].message, Catch::Contains("--map id=") && Catch::Contains("3 columns"));
    CHECK_THAT(ps[0].message, !Catch::Contains("ada") && !Catch::Contains("Lovelace"));
}

TEST_CASE("a new person without a name column is refused per record, a stored one may leave it out") {
    Database db(":memory:");
    const auto ps = problems_of(db, {fixture("missing_column_people.csv")});
    REQUIRE(ps.size() == 1);
    CHECK(has_problem(ps, "missing_column_people.csv", 2, "name", "a new person needs a name"));
    CHECK(count(db, "person") == 0);
}

TEST_CASE("column mapping reads another HR system's headers with BOM CRLF and quoted newlines work") {
    Database db(":memory:");
    ImportOptions o;
    o.mapping = {{"name", "Full Name"}, {"title", "Job Title"}};
    import_paths(db, {fixture("bom_crlf_people.csv")}, o);
    CHECK(db.sql().execAndGet("SELECT name FROM person WHERE id = 'q1'").getString() == "Quinn, Q.");
    CHECK(db.sql().execAndGet("SELECT name FROM person WHERE id = 'q2'").getString() == "Rae \"R\" Z");
    CHECK(db.sql().execAndGet("SELECT family FROM person WHERE id = 'q1'").getString() == "pm");
    CHECK(db.sql().execAndGet("SELECT fte FROM person WHERE id = 'q2'").getDouble() == 0.5);
}

TEST_CASE("JSON files hold one kind per key") {
    Database db(":memory:");
    const auto s = import_paths(db, {fixture("org.json")});
    CHECK(s.records.at("people") == 3);
    CHECK(count(db, "membership") == 3);
    CHECK(db.sql().execAndGet("SELECT fte FROM person WHERE id = 'j3'").getDouble() == 0.5);
}

TEST_CASE("JSON problems name the record") {
    Database db(":memory:");
    const auto path = write_temp("people.json", R"([{"id": "a", "name": "A"}, {"id": "b", "name": "B", "fte": 3}])");
    const auto ps = problems_of(db, {path});
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].is_record);
    CHECK(ps[0].line == 2);
    CHECK(ps[0].field == "fte");
}

TEST_CASE("re-importing updates people by id and --replace replaces the org") {
    Database db(":memory:");
    import_paths(db, {fixture("ratios")});
    const auto update = write_temp("people-update.csv", "id,name,title,fte\nm1,Maker One Renamed,Backend Engineer,0.8\n");
    ImportOptions as_people;
    as_people.kind = "people";
    import_paths(db, {update}, as_people);
    CHECK(count(db, "person") == 24);
    CHECK(db.sql().execAndGet("SELECT name FROM person WHERE id = 'm1'").getString() == "Maker One Renamed");
    // m1 gave no team this time, so their membership stays.
    CHECK(db.sql().execAndGet("SELECT count(*) FROM membership WHERE person_id = 'm1'").getInt() == 1);

    ImportOptions replace;
    replace.replace = true;
    import_paths(db, {fixture("org.json")}, replace);
    CHECK(count(db, "person") == 3);
    CHECK(count(db, "team") == 1);
}

TEST_CASE("an import that references records already in the database validates against them") {
    Database db(":memory:");
    import_paths(db, {fixture("ratios")});
    const auto extra = write_temp("memberships-extra.csv", "person,team,allocation\nm1,B,0.6\n");
    ImportOptions o;
    o.kind = "memberships";
    // m1's stored membership in A is replaced by the incoming one, so 0.6 is fine.
    import_paths(db, {extra}, o);
    CHECK(db.sql().execAndGet("SELECT team_id FROM membership WHERE person_id = 'm1'").getString() == "B");
    const auto over = write_temp("assignments-over.csv", "pm,kind,target,share\nm2,team,A,1\n");
    o.kind = "assignments";
    const auto ps = problems_of(db, {over}, o);
    REQUIRE(ps.size() == 1);
    CHECK_THAT(ps[0].message, Catch::Contains("not pm"));
}

TEST_CASE("dry runs validate without writing") {
    Database db(":memory:");
    ImportOptions o;
    o.dry_run = true;
    const auto s = import_paths(db, {fixture("ratios")}, o);
    CHECK_FALSE(s.written);
    CHECK(count(db, "person") == 0);
}

TEST_CASE("file kinds come from names and unknown names ask for --kind") {
    CHECK(kind_of_name("people") == "people");
    CHECK(kind_of_name("Employees_2026") == "people");
    CHECK(kind_of_name("pm_assignments") == "assignments");
    CHECK(kind_of_name("okrs") == "goals");
    CHECK(kind_of_name("payroll").empty());
    CHECK(kind_of_name("hr-export-people") == "people");
    Database db(":memory:");
    const auto path = write_temp("payroll.csv", "id,name\n1,A\n");
    REQUIRE_THROWS_WITH(import_paths(db, {path}), Catch::Contains("--kind"));
}

TEST_CASE("managers can be given by email, in any letter case") {
    Database db(":memory:");
    const auto path = write_temp("people-email.csv",
                                 "id,name,email,title,manager\nb,Boss,Boss@Example.com,VP Product,\n"
                                 "w,Worker,w@example.com,Product Manager,boss@example.com\n");
    import_paths(db, {path});
    CHECK(db.sql().execAndGet("SELECT manager_id FROM person WHERE id = 'w'").getString() == "b");
}

TEST_CASE("a mapping file reads NAME=HEADER lines and names bad ones") {
    const auto good = write_temp("map-good.txt", "# comment\ntitle = Job Title\n\nname=Full Name\n");
    const auto map = parse_column_map_file(good);
    CHECK(map.at("title") == "Job Title");
    CHECK(map.at("name") == "Full Name");
    const auto bad = write_temp("map-bad.txt", "title=Job Title\njust a header\n");
    REQUIRE_THROWS_WITH(parse_column_map_file(bad), Catch::Contains("map-bad.txt:2"));
}

TEST_CASE("columns no kind uses are reported, with the likely intended name") {
    Database db(":memory:");
    const auto path = write_temp("people-typo.csv", "id,name,titel,manger,Salary Band\nx,X,Engineer,,\n");
    const auto s = import_paths(db, {path});
    REQUIRE(s.ignored_columns.size() == 3);
    CHECK_THAT(s.ignored_columns[0], Catch::Contains("column 'titel' is not used (did you mean 'title'?)"));
    CHECK_THAT(s.ignored_columns[1], Catch::Contains("did you mean 'manager'?"));
    CHECK_THAT(s.ignored_columns[2], Catch::EndsWith("column 'salary_band' is not used"));
    CHECK(import_paths(db, {fixture("ratios")}).ignored_columns.empty());
}

namespace {

// What a large import must leave: every row, the three secondary indexes, WAL on, and a consistent file.
void check_bulk_org(Database& db, long long people) {
    CHECK(db.sql().execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(db.sql().execAndGet("PRAGMA foreign_keys").getInt() == 1);
    CHECK(count(db, "person") == people);
    CHECK(count(db, "membership") == people);
    CHECK(db.sql().execAndGet("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN "
                              "('person_manager', 'membership_team', 'person_not_maker')")
              .getInt() == 3);
    CHECK(db.sql().execAndGet("PRAGMA integrity_check").getString() == "ok");
    SQLite::Statement violations(db.sql(), "PRAGMA foreign_key_check");
    CHECK_FALSE(violations.executeStep());
}

} // namespace

TEST_CASE("a large import is written in bulk and leaves the database in WAL, a failing one leaves it as it was") {
    TempPath tmp("bulk.db");
    // 60,000 people in 6,000 teams: above the bulk threshold, so indexes are rebuilt and the journal switched.
    std::string teams = "id,name\n", people = "id,name,title,team,manager\n";
    for (int t = 0; t < 6000; ++t) teams += "t" + std::to_string(t) + ",Team " + std::to_string(t) + "\n";
    for (int i = 0; i < 60000; ++i)
        people += "p" + std::to_string(i) + ",Person " + std::to_string(i) + "," +
                  (i % 10 ? "Backend Engineer" : "Product Manager") + ",t" + std::to_string(i % 6000) + "," +
                  (i ? "p0" : "") + "\n";
    const auto teams_file = write_temp("bulk-teams.csv", teams);
    const auto people_file = write_temp("bulk-people.csv", people);
    {
        Database db(tmp.path);
        import_paths(db, {teams_file, people_file});
        check_bulk_org(db, 60000);
        // The rebuilt manager index answers the foreign key's lookups of reports.
        CHECK(db.sql().execAndGet("SELECT count(*) FROM person WHERE manager_id = 'p0'").getInt() == 59999);
    }
    {
        Database db(tmp.path);
        ImportOptions replace;
        replace.replace = true;
        const auto bad = write_temp("bulk-bad-people.csv", people + "p5,Again,Developer,t1,\n");
        CHECK_THROWS_AS(import_paths(db, {teams_file, bad}, replace), InputErrors);
        check_bulk_org(db, 60000);
        // A replace that succeeds deletes the stored org first, managers and reports alike.
        import_paths(db, {teams_file, people_file}, replace);
        check_bulk_org(db, 60000);
    }
}

TEST_CASE("a large import, written with foreign keys off, refuses every broken reference in its own checks") {
    TempPath tmp("bulk-references.db");
    // Above the bulk threshold, where SQLite does not look references up: the import's checks must find each one.
    std::string teams = "id,name,product\n", people = "id,name,title,team,manager\n";
    for (int t = 0; t < 6000; ++t) teams += "t" + std::to_string(t) + ",Team " + std::to_string(t) + ",\n";
    for (int i = 0; i < 60000; ++i)
        people += "p" + std::to_string(i) + ",Person,Backend Engineer,t" + std::to_string(i % 6000) + "," +
                  (i ? "p0" : "") + "\n";
    const auto teams_file = write_temp("references-teams.csv", teams);
    const auto people_file = write_temp("references-people.csv", people);
    Database db(tmp.path);
    const auto refused = [&](const std::vector<std::string>& files, const std::string& suffix, long line,
                             const std::string& field) {
        const auto ps = problems_of(db, files);
        CHECK(has_problem(ps, suffix, line, field, ""));
        CHECK(count(db, "person") == 0);
    };
    refused({teams_file, write_temp("p1-people.csv", people + "x1,X,Developer,t_none,p0\n")}, "p1-people.csv",
            60002, "team");
    refused({teams_file, write_temp("p2-people.csv", people + "x2,X,Developer,t1,nobody\n")}, "p2-people.csv",
            60002, "manager");
    refused({write_temp("t-teams.csv", teams + "t_new,New,no_product\n"), people_file}, "t-teams.csv", 6002,
            "product");
    refused({teams_file, people_file, write_temp("a-assignments.csv", "pm,kind,target,share\nghost,team,t1,1\n")},
            "a-assignments.csv", 2, "pm");
    import_paths(db, {teams_file, people_file});
    check_bulk_org(db, 60000); // no broken reference: PRAGMA foreign_key_check finds none
}

TEST_CASE("a large import while another connection has the database open stays in WAL and still succeeds") {
    TempPath tmp("bulk-shared.db");
    std::string people = "id,name,title\n";
    for (int i = 0; i < 60000; ++i) people += "p" + std::to_string(i) + ",Person,Backend Engineer\n";
    const auto people_file = write_temp("shared-people.csv", people);
    Database db(tmp.path);
    Database reader(tmp.path); // another process's connection, as far as SQLite can tell
    CHECK(count(reader, "person") == 0);
    import_paths(db, {people_file});
    CHECK(count(reader, "person") == 60000);
    CHECK(db.sql().execAndGet("PRAGMA journal_mode").getString() == "wal");
}

TEST_CASE("a PM assigned to the same target twice is reported, not silently overwritten") {
    Database db(":memory:");
    import_paths(db, {fixture("ratios")});
    const auto twice = write_temp("twice-assignments.csv", "pm,kind,target,share\npm1,team,A,0.3\npm1,team,A,0.3\n"
                                                           "pm1,team,B,0.2\n");
    const auto ps = problems_of(db, {twice});
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].line == 3);
    CHECK(ps[0].field == "target");
    CHECK_THAT(ps[0].message, Catch::Contains("'pm1' is assigned to team 'A' more than once"));
}

TEST_CASE("numbers that are not numbers are located errors, not stored values") {
    Database db(":memory:");
    import_paths(db, {fixture("ratios")});
    const auto before = count(db, "person");
    const auto ps = problems_of(db, {write_temp("people.csv", "id,name,fte,cost,pm_years,coaching_hours\n"
                                                              "n1,A,nan,1,1,1\nn2,B,1,nan,1,1\nn3,C,1,1,inf,1\n"
                                                              "n4,D,1,1,1,-inf\nn5,E,1e400,1,1,1\n")});
    CHECK(has_problem(ps, "people.csv", 2, "fte", "'nan' is not a number"));
    CHECK(has_problem(ps, "people.csv", 3, "cost", "'nan' is not a non-negative number"));
    CHECK(has_problem(ps, "people.csv", 4, "pm_years", "'inf'"));
    CHECK(has_problem(ps, "people.csv", 5, "coaching_hours", "'-inf'"));
    CHECK(has_problem(ps, "people.csv", 6, "fte", "'1e400'"));
    CHECK(count(db, "person") == before);
    ImportOptions dry;
    dry.dry_run = true;
    CHECK_THROWS_AS(import_paths(db, {write_temp("people.csv", "id,name,fte\nn1,A,nan\n")}, dry), InputErrors);
}

TEST_CASE("a title of 100,000 characters is classified without recursion, also in a dry run") {
    Database db(":memory:");
    const std::string title = "VP " + std::string(60000, 'a');
    ImportOptions dry;
    dry.dry_run = true;
    // Too long for a field: a located error, not a crash.
    auto ps = problems_of(db, {write_temp("people.csv", "id,name,title\nx,X," + title + title + "\n")}, dry);
    CHECK(has_problem(ps, "people.csv", 2, "title", "a field holds at most 65536"));
    // Within the bound, RE2 classifies it.
    import_paths(db, {write_temp("people.csv", "id,name,title\nx,X,director " + std::string(60000, 'b') + "\n")});
    CHECK(count(db, "person") == 1);
}

TEST_CASE("a 5 MB field, invalid UTF-8 and rows of the wrong width are located errors naming the column") {
    Database db(":memory:");
    import_paths(db, {fixture("ratios")});
    const auto ps = problems_of(db, {write_temp("people.csv", "id,name,title\nx1,\"" + std::string(5 << 20, 'n') +
                                                                  "\",t\nx2,Bad \xC3\x28 name,t\nx3,Short\n"),
                                     write_temp("memberships.csv", "person,team\nx3,A\n")});
    CHECK(has_problem(ps, "people.csv", 2, "name", "bytes long"));
    CHECK(has_problem(ps, "people.csv", 3, "name", "not valid UTF-8 (byte 5 of the field)"));
    CHECK(has_problem(ps, "people.csv", 4, "", "has 2 fields but the header has 3"));
    // x3's row was broken, not missing: its membership is not reported as an unknown person.
    for (const auto& p : ps) CHECK_THAT(p.message, !Catch::Contains("unknown person 'x3'"));
    // No message carries the value itself.
    for (const auto& p : ps) CHECK(p.message.size() < 200);
    CHECK(count(db, "person") == 24);
}

TEST_CASE("deeply nested JSON and numbers out of range are located errors") {
    Database db(":memory:");
    const auto arrays = write_temp("people.json", "[{\"id\": \"a\", \"name\":\n" + std::string(20000, '[') +
                                                      std::string(20000, ']') + "}]");
    REQUIRE_THROWS_WITH(import_paths(db, {arrays}), Catch::Contains("people.json:2") && Catch::Contains("nested"));
    std::string objects;
    for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
    objects += "1" + std::string(100000, '}');
    REQUIRE_THROWS_WITH(import_paths(db, {write_temp("people.json", objects)}), Catch::Contains("nested"));
    const auto huge = write_temp("people.json", "[\n{\"id\": \"a\", \"name\": \"A\",\n \"fte\": 1e400}]");
    REQUIRE_THROWS_WITH(import_paths(db, {huge}), Catch::Contains("people.json:3") && Catch::Contains("out of range") && !Catch::Contains("1e400"));
    CHECK(count(db, "person") == 0);
}

TEST_CASE("duplicate headers and two synonyms of one column are refused") {
    Database db(":memory:");
    auto ps = problems_of(db, {write_temp("people.csv", "id,name,title,Title\na,A,x,y\n")});
    CHECK(has_problem(ps, "people.csv", 1, "title", "appears twice in the header (columns 3 and 4)"));
    ps = problems_of(db, {write_temp("people.csv", "id,name,manager,manager_id\na,A,,\n")});
    CHECK(has_problem(ps, "people.csv", 1, "manager", "columns 'manager' and 'manager_id' both give the manager"));
}

TEST_CASE("thousands of unused columns are summarised, not listed one by one") {
    Database db(":memory:");
    std::string header = "id,name", row = "a,A";
    for (int i = 0; i < 5000; ++i) {
        header += ",extra" + std::to_string(i);
        row += ",x";
    }
    const auto summary = import_paths(db, {write_temp("people.csv", header + "\n" + row + "\n")});
    REQUIRE(summary.ignored_columns.size() == 11);
    CHECK_THAT(summary.ignored_columns.back(), Catch::Contains("and 4990 more columns are not used"));
}

TEST_CASE("a FIFO, a device or an unreadable directory is refused by name instead of hanging") {
    Database db(":memory:");
    const auto fifo = "/tmp/orgplan-unit-" + std::to_string(::getpid()) + "-people.csv";
    std::remove(fifo.c_str()); // a file of an earlier run whose process had the same id
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    REQUIRE_THROWS_WITH(import_paths(db, {fifo}), Catch::Contains("not a regular file"));
    std::remove(fifo.c_str());
    ImportOptions o;
    o.kind = "people";
    REQUIRE_THROWS_WITH(import_paths(db, {"/dev/zero"}, o), Catch::Contains("not a regular file"));
}

TEST_CASE("two people with one email are refused, and many email references stay fast") {
    Database db(":memory:");
    auto ps = problems_of(db, {write_temp("people.csv", "id,name,email\na,A,x@example.com\nb,B,X@Example.com\n")});
    CHECK(has_problem(ps, "people.csv", 3, "email", "the same email as 'a'"));
    // 20,000 reports name their manager by an email that matches nobody: each is reported, the index built once.
    std::string text = "id,name,manager\n";
    for (int i = 0; i < 20000; ++i) text += "p" + std::to_string(i) + ",P,nobody" + std::to_string(i) + "@example.com\n";
    ImportOptions o;
    o.max_problems = 5;
    try {
        import_paths(db, {write_temp("people.csv", text)}, o);
        FAIL("expected problems");
    } catch (const InputErrors& e) {
        CHECK(e.total() == 20000);
    }
}

TEST_CASE("a file with a header and no records is refused, one whose record is broken is not called empty") {
    Database db(":memory:");
    auto ps = problems_of(db, {write_temp("people.csv", "id,name,title\n")});
    CHECK(has_problem(ps, "people.csv", 1, "", "holds no records"));
    ps = problems_of(db, {write_temp("people.csv", std::string("id,name\nx1,An\0n\n", 16))});
    REQUIRE(ps.size() == 1);
    CHECK(has_problem(ps, "people.csv", 2, "name", "holds a NUL byte"));
}
