// Snapshots recorded by imports, answers as of a date, trends and changes between dates.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <memory>

#include "run.hpp"

using namespace orgplan::e2e;

namespace {

const std::string kHr = fixture("hr-export/people.csv") + " " + fixture("hr-export/squads.csv") + " " +
                        fixture("hr-export/coverage.csv") + " " + fixture("hr-export/leader_assignments.csv") +
                        " --set kind=team --create-missing products,segments";

std::string write(const TempDb& db, const std::string& name, const std::string& text) {
    const auto path = db.dir() + "/" + name;
    std::ofstream(path) << text;
    return path;
}

std::string sql(const TempDb& db, const std::string& query) { return sqlite_value(db.path(), query); }

// Three monthly snapshots: September as exported; October D9 moves to S1, W1 leaves, N1 joins under E9 and E3
// becomes a product leader; November D1 gets a new manager.
void three_months(const TempDb& db) {
    REQUIRE(run(db.flag() + " import " + kHr + " --as-of 2026-09-01").exit_code == 0);
    const auto october = write(db, "october_people.csv",
                               "id,name,title,family,manager,team\n"
                               "D9,Dev Nine,Software Engineer,,E9,S1\n"
                               "N1,New One,Software Engineer,,E9,S2\n"
                               "E3,Nora North,Group Product Manager,product_leader,E1,\n");
    REQUIRE(run(db.flag() + " import " + october + " --as-of 2026-10-01").exit_code == 0);
    REQUIRE(run(db.flag() + " person erase W1 --yes").exit_code == 0);
    REQUIRE(run(db.flag() + " import " + october + " --as-of 2026-10-01").exit_code == 0); // same date: replaced
    const auto november = write(db, "november_people.csv", "id,manager\nD1,E1\n");
    REQUIRE(run(db.flag() + " import --kind people " + november + " --as-of 2026-11-01").exit_code == 0);
}

} // namespace

TEST_CASE("every import records a dated snapshot, a date before the latest is refused") {
    TempDb db;
    three_months(db);
    const auto h = run(db.flag() + " history --format json").json();
    REQUIRE(h["rows"].size() == 3);
    CHECK(h["rows"][0]["as_of"] == "2026-09-01");
    CHECK(h["rows"][2]["as_of"] == "2026-11-01");
    const auto r = run(db.flag() + " import --kind people " + write(db, "late.csv", "id,fte\nD2,0.5\n") +
                       " --as-of 2026-10-15");
    CHECK(r.exit_code != 0);
    CHECK_THAT(r.err, Catch::Contains("before the latest snapshot (2026-11-01)"));
    CHECK(run(db.flag() + " import " + kHr + " --as-of 2026-13-01").exit_code == 2);
    // History grows with the changes: 14 people stored once (W1 was erased from history too), then N1 and E3
    // (October; D9 changed teams, a membership row, not their person row) and D1 (November).
    CHECK(sql(db, "SELECT count(*) FROM h_person") == "17");
    CHECK(sql(db, "SELECT count(*) FROM h_membership") == "11"); // 10 less W1's, then D9's new one and N1's
}

TEST_CASE("ratios, spans and diagnose answer as of a date from its snapshot") {
    TempDb db;
    three_months(db);
    // September: S1 had 2.5 maker FTE; October D9 joined it.
    auto sept = run(db.flag() + " ratios --as-of 2026-09-20 --format json").json();
    CHECK(sept["as_of"] == "2026-09-01");
    auto now = run(db.flag() + " ratios --format json").json();
    auto makers_of = [](const nlohmann::json& j, const std::string& team) {
        for (const auto& row : j["rows"])
            if (row["team"] == team) return row["makers"].get<double>();
        return -1.0;
    };
    CHECK(makers_of(sept, "S1") == Approx(2.5));
    CHECK(makers_of(now, "S1") == Approx(3.5));
    CHECK(makers_of(sept, "S3") == Approx(2.0)); // D8 and D9; W1 was erased from every snapshot
    CHECK(makers_of(now, "S3") == Approx(1.0));
    const auto spans = run(db.flag() + " spans --as-of 2026-09-01 --format json").json();
    CHECK(spans["org"]["people"] == 14);
    CHECK(run(db.flag() + " diagnose --as-of 2026-10-01").exit_code == 0);
    const auto early = run(db.flag() + " ratios --as-of 2026-01-01");
    CHECK(early.exit_code != 0);
    CHECK_THAT(early.err, Catch::Contains("no snapshot on or before 2026-01-01; the first is of 2026-09-01"));
}

TEST_CASE("trend shows the org's numbers per snapshot") {
    TempDb db;
    three_months(db);
    const auto t = run(db.flag() + " trend --metric people --metric makers --metric managers --format json").json();
    REQUIRE(t["rows"].size() == 3);
    CHECK(t["rows"][0]["people"] == 14.0); // W1 was erased, from every snapshot too
    CHECK(t["rows"][1]["people"] == 15.0); // N1 joined
    CHECK(t["rows"][0]["makers"] == Approx(8.5)); // 9.5 less W1, erased everywhere
    CHECK(t["rows"][1]["makers"] == Approx(9.5));
    CHECK(t["rows"][2]["managers"] == 2.0);
    CHECK(run(db.flag() + " trend --metric colour").exit_code == 2);
}

TEST_CASE("changes lists joiners, leavers, team moves, family and manager changes between two dates") {
    TempDb db;
    three_months(db);
    const auto j = run(db.flag() + " changes --from 2026-09-01 --to 2026-11-01 --format json").json();
    CHECK(j["counts"]["joiner"] == 1);
    CHECK(j["counts"]["leaver"] == 0); // W1 was erased from the snapshots as well
    CHECK(j["counts"]["team"] == 1);   // D9 moved; N1's team comes with joining
    CHECK(j["counts"]["family"] == 1);
    CHECK(j["counts"]["manager"] == 1);
    bool moved = false, promoted = false, rewired = false;
    for (const auto& row : j["rows"]) {
        if (row["change"] == "team" && row["person"] == "D9") moved = row["from"] == "S3" && row["to"] == "S1";
        if (row["change"] == "family") promoted = row["person"] == "E3" && row["to"] == "product_leader";
        if (row["change"] == "manager") rewired = row["person"] == "D1" && row["from"] == "E9" && row["to"] == "E1";
    }
    CHECK(moved);
    CHECK(promoted);
    CHECK(rewired);
}

TEST_CASE("the report shows the trend over the snapshots, and answers as of a date") {
    TempDb db;
    three_months(db);
    const auto page = db.dir() + "/report.html";
    REQUIRE(run(db.flag() + " report --out '" + page + "'").exit_code == 0);
    const auto html = read_text(page);
    const auto at = html.find("<section id=\"trend\"");
    REQUIRE(at != std::string::npos);
    const auto section = html.substr(at, html.find("</section>", at) - at);
    CHECK_THAT(section, Catch::Contains("org maker:PM ratio by snapshot") && Catch::Contains("2026-10-01"));
    std::size_t points = 0;
    for (auto p = section.find("<circle class=\"point\""); p != std::string::npos;
         p = section.find("<circle class=\"point\"", p + 1))
        ++points;
    CHECK(points == 3);
    REQUIRE(run(db.flag() + " report --as-of 2026-09-01 --out '" + page + "'").exit_code == 0);
    const auto dated = read_text(page);
    CHECK_THAT(dated, Catch::Contains("as of 2026-09-01") && Catch::Contains("14 people"));
    CHECK(dated.find("<section id=\"trend\"") == std::string::npos);
}
