#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <string>

#include "run.hpp"

using namespace orgplan::e2e;

namespace {
const nlohmann::json& find_row(const nlohmann::json& rows, const std::string& key, const std::string& id) {
    for (const auto& r : rows)
        if (r[key] == id) return r;
    FAIL("no row " << id);
    throw;
}
} // namespace

TEST_CASE("ratios --format json gives the hand-computed fixture values") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + fixture("ratios")).exit_code == 0);
    const auto r = run(db.flag() + " ratios --format json");
    REQUIRE(r.exit_code == 0);
    const auto j = r.json();
    CHECK(j["by"] == "team");
    CHECK(j["threshold"] == 10.0);
    const auto& rows = j["rows"];
    REQUIRE(rows.size() == 4);
    CHECK(rows[0]["team"] == "D");
    CHECK(rows[0]["status"] == "no_pm");
    CHECK(rows[0]["ratio"].is_null());
    CHECK(find_row(rows, "team", "B")["ratio"].get<double>() == Approx(15.0));
    CHECK(find_row(rows, "team", "B")["status"] == "over");
    CHECK(find_row(rows, "team", "A")["ratio"].get<double>() == Approx(4.2857));
    CHECK(find_row(rows, "team", "C")["pm_ids"] == nlohmann::json::array({"pm1", "pm4"}));
    CHECK(j["org"]["ratio"].get<double>() == Approx(4.4286));
    CHECK(j["org"]["org_level_pm_fte"].get<double>() == Approx(1.0));
    CHECK(j["teams_without_pm"] == nlohmann::json::array({"D"}));
}

TEST_CASE("ratios by every level answer in every format") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + fixture("ratios")).exit_code == 0);
    for (const std::string by : {"team", "product", "segment", "pm", "leader", "org"}) {
        INFO(by);
        const auto table = run(db.flag() + " ratios --by " + by);
        REQUIRE(table.exit_code == 0);
        CHECK_THAT(table.out, Catch::StartsWith(by));
        CHECK_THAT(table.out, Catch::Contains("org: 15.5 maker FTE / 3.50 PM FTE = 4.4:1"));
        const auto csv = run(db.flag() + " ratios --format csv --by " + by);
        REQUIRE(csv.exit_code == 0);
        CHECK_THAT(csv.out, Catch::StartsWith(by + ",name,makers,pm_fte,ratio,status"));
        CHECK(run(db.flag() + " ratios --format json --by " + by).json()["by"] == by);
    }
}

TEST_CASE("ratios: people read PMs' names and status words (table, Markdown, HTML), programs ids and codes") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + fixture("ratios")).exit_code == 0);
    const auto table = run(db.flag() + " ratios");
    CHECK_THAT(table.out, Catch::Contains("OVER 10:1  PM Two") && Catch::Contains("PM One, PM Four"));
    const auto md = run(db.flag() + " ratios --format md");
    CHECK_THAT(md.out, Catch::Contains("| OVER 10:1 | PM Two |") && Catch::Contains("| NO PM |"));
    const auto html = run(db.flag() + " ratios --format html");
    CHECK_THAT(html.out, Catch::Contains("<td>OVER 10:1</td><td>PM Two</td>") && !Catch::Contains(">pm2<"));
    const auto csv = run(db.flag() + " ratios --format csv");
    CHECK_THAT(csv.out, Catch::Contains("B,Team B,4.5,0.3,15,over,pm2\r\n") && Catch::Contains(",ok,pm1;pm4\r\n"));
    CHECK_THAT(csv.out, !Catch::Contains("PM Two"));
    // Written to a file, CSV is made from the whole table rather than row by row: the same bytes.
    const auto file = db.dir() + "/ratios.csv";
    REQUIRE(run(db.flag() + " ratios --format csv --out " + file).exit_code == 0);
    std::ifstream in(file, std::ios::binary);
    CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == csv.out);
}

TEST_CASE("the threshold flag and the stored setting change what is over") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + fixture("ratios")).exit_code == 0);
    auto status_of_b = [&](const std::string& extra) {
        return find_row(run(db.flag() + " ratios --format json " + extra).json()["rows"], "team", "B")["status"];
    };
    CHECK(status_of_b("") == "over");
    CHECK(status_of_b("--threshold 20") == "ok");
    REQUIRE(run(db.flag() + " config set ratio.threshold 16").exit_code == 0);
    CHECK(status_of_b("") == "ok");
    CHECK(status_of_b("--threshold 12") == "over");
}

TEST_CASE("the demo org shows teams over the threshold and teams with no PM") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + data("demo")).exit_code == 0);
    const auto j = run(db.flag() + " ratios --format json").json();
    CHECK(j["rows"].size() >= 25);
    CHECK(j["teams_without_pm"].size() >= 2);
    int over = 0;
    for (const auto& row : j["rows"]) over += row["status"] == "over";
    CHECK(over >= 3);
}

TEST_CASE("a team with a PM and no makers says 'no makers', an empty team draws no bar in the report") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + fixture("ratios")).exit_code == 0);
    const auto teams = db.dir() + "/teams.csv";
    std::ofstream(teams) << "id,name,product\nE,Team E,P2\nF,Team F,P2\n";
    const auto memberships = db.dir() + "/memberships.csv";
    std::ofstream(memberships) << "person,team,allocation\npm4,C,0.5\npm4,E,0.5\n";
    REQUIRE(run(db.flag() + " import " + teams + " " + memberships).exit_code == 0);
    const auto j = run(db.flag() + " ratios --format json").json();
    std::map<std::string, std::string> status;
    for (const auto& row : j["rows"]) status[row["team"].get<std::string>()] = row["status"].get<std::string>();
    CHECK(status["E"] == "no_makers");
    CHECK(status["F"] == "empty");
    CHECK_THAT(run(db.flag() + " ratios").out, Catch::Contains("no makers"));
    const auto page = db.dir() + "/report.html";
    REQUIRE(run(db.flag() + " report --out '" + page + "'").exit_code == 0);
    const auto html = read_text(page);
    const auto bar_width = [&](const std::string& status_name) {
        const auto at = html.find("data-status=\"" + status_name + "\"");
        REQUIRE(at != std::string::npos);
        const auto w = html.find("width=\"", at) + 7;
        return std::stod(html.substr(w, html.find('"', w) - w));
    };
    CHECK(bar_width("empty") < 2);     // nothing to draw, not a full hatched bar
    CHECK(bar_width("no_makers") < 2); // a ratio of 0
    CHECK(bar_width("no_pm") > 100);   // makers without a PM stay a full hatched bar
}

TEST_CASE("ratios --product and --status narrow the rows, say so, and keep the org's totals") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + fixture("ratios")).exit_code == 0);
    const auto r = run(db.flag() + " ratios --by team --product P1 --format json");
    REQUIRE(r.exit_code == 0);
    const auto j = r.json();
    std::vector<std::string> teams;
    for (const auto& row : j["rows"]) teams.push_back(row["team"]);
    std::sort(teams.begin(), teams.end());
    CHECK(teams == std::vector<std::string>{"A", "B"});
    CHECK(j["filter"] == nlohmann::json{{"product", "P1"}});
    CHECK(j["org"]["ratio"].get<double>() == Approx(4.4286)); // the whole org's
    const auto over = run(db.flag() + " ratios --by team --product P1 --status over");
    REQUIRE(over.exit_code == 0);
    CHECK_THAT(over.out, Catch::Contains("1 of 4 rows: product P1, status over"));
    const auto bad = run(db.flag() + " ratios --by pm --product P1");
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.err, Catch::Contains("--segment and --product go with --by team, product or segment"));
    CHECK(run(db.flag() + " ratios --product nope").exit_code == 2);
}

TEST_CASE("roster --team lists the people behind a team's makers, with their allocation") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + fixture("ratios")).exit_code == 0);
    const auto r = run(db.flag() + " roster --team A --format json");
    REQUIRE(r.exit_code == 0);
    const auto j = r.json();
    CHECK(j["team"] == "A");
    double makers = 0;
    for (const auto& row : j["rows"]) {
        CHECK(row["team"] == "A");
        if (row["family"] == "maker") makers += row["fte"].get<double>() * row["allocation"].get<double>();
    }
    const auto ratios = run(db.flag() + " ratios --format json").json();
    CHECK(makers == Approx(find_row(ratios["rows"], "team", "A")["makers"].get<double>())); // 3.0 by hand
    const auto pms = run(db.flag() + " roster --family pm --format csv");
    REQUIRE(pms.exit_code == 0);
    CHECK_THAT(pms.out, Catch::StartsWith("person,name,title,family,fte,team,allocation,manager"));
    CHECK(pms.out.find(",maker,") == std::string::npos);
    const auto bad = run(db.flag() + " roster --team Z");
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.err, Catch::Contains("--team 'Z': no such id"));
    CHECK(run(db.flag() + " roster --family nobody").exit_code == 2);
}
