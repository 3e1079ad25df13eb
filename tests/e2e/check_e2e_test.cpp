// orgplan check on a fixture export with every kind of gap, worked out by hand (tests/fixtures/gaps/README.md).
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <string>

#include "run.hpp"

using namespace orgplan::e2e;

TEST_CASE("check lists every gap of the fixture export with its size, examples, the answers it moves and its fix") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + fixture("gaps")).exit_code == 0);
    const auto r = run(db.flag() + " check --format json");
    REQUIRE(r.exit_code == 0);
    const auto j = r.json();
    std::map<std::string, nlohmann::json> gap;
    for (const auto& row : j["rows"]) gap[row["gap"].get<std::string>()] = row;
    const std::map<std::string, std::pair<int, std::string>> expected = {
        {"pm-experience", {2, "pm1, pm2"}},  {"no-manager", {2, "ceo, orph"}}, {"makers-no-team", {1, "m3"}},
        {"teams-no-pm", {1, "t3"}},          {"pms-no-coverage", {1, "pm2"}},  {"leader-as-full-pm", {1, "lead"}},
        {"unmatched-titles", {1, "x1"}},     {"family-column-vs-rules", {1, "sec"}},
        {"cost-estimated", {1, "m2"}},       {"location-missing", {1, "pm2"}}};
    CHECK(j["gap_count"] == expected.size());
    for (const auto& [id, want] : expected) {
        INFO(id);
        REQUIRE(gap.count(id));
        CHECK(gap[id]["records"] == want.first);
        CHECK(gap[id]["examples"] == want.second);
        CHECK_FALSE(gap[id]["affects"].get<std::string>().empty());
        CHECK_FALSE(gap[id]["fix"].get<std::string>().empty());
    }
    CHECK_THAT(gap["no-manager"]["what"].get<std::string>(), Catch::Contains("1 of them heading a separate part"));
    CHECK_THAT(gap["teams-no-pm"]["what"].get<std::string>(), Catch::Contains("1 PM covering nothing"));
    CHECK_THAT(gap["family-column-vs-rules"]["what"].get<std::string>(),
               Catch::Contains("'Security Engineer' other by the column, maker by the rules"));
    // Every format; the table says how many kinds.
    CHECK_THAT(run(db.flag() + " check").out, Catch::Contains("10 kinds of gap in 11 people and 3 teams"));
    CHECK(run(db.flag() + " check --format csv").exit_code == 0);
    // The same list heads the report, right after the summary.
    const auto page = db.dir() + "/report.html";
    REQUIRE(run(db.flag() + " report --out '" + page + "'").exit_code == 0);
    const auto html = read_text(page);
    const auto gaps = html.find("<section id=\"gaps\">");
    REQUIRE(gaps != std::string::npos);
    CHECK(gaps < html.find("<section id=\"teams\">"));
    CHECK(html.find("2 people without a manager in the data", gaps) != std::string::npos);
    CHECK(html.find("1 PM or product leader without a location", gaps) != std::string::npos);
}

TEST_CASE("check on complete data says so, and needs a database") {
    TempDb db;
    const auto people = db.dir() + "/people.csv", teams = db.dir() + "/teams.csv", cover = db.dir() + "/assignments.csv";
    std::ofstream(people) << "id,name,title,manager,team,pm_years,location,cost\n"
                             "v1,Vera,VP Product,,,12,Berlin,200000\n"
                             "p1,Paz,Product Manager,v1,,4,Berlin,150000\n"
                             "d1,Dev,Software Engineer,v1,t1,,,100000\n";
    std::ofstream(teams) << "id,name\nt1,Team One\n";
    std::ofstream(cover) << "pm,kind,target\np1,team,t1\n";
    REQUIRE(run(db.flag() + " import " + people + " " + teams + " " + cover).exit_code == 0);
    const auto j = run(db.flag() + " check --format json").json();
    CHECK(j["gap_count"] == 0);
    CHECK(j["rows"].empty());
    CHECK_THAT(run(db.flag() + " check").out, Catch::Contains("no gaps found in 3 people and 1 team"));
    // Answers then carry an empty list and no note.
    for (const auto* answer : {"ratios", "hire", "mentoring plan", "diagnose", "portfolio"}) {
        INFO(answer);
        const auto r = run(db.flag() + " " + answer + " --format json");
        CHECK(r.json()["gaps"] == nlohmann::json::array());
        CHECK(r.err.find("note:") == std::string::npos);
    }
    TempDb none;
    CHECK(run(none.flag() + " check").exit_code == 3);
}

TEST_CASE("answers carry the gaps they rest on in JSON and say so on stderr, and unknown PM experience is counted apart") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + fixture("gaps")).exit_code == 0);
    const auto ids = [](const nlohmann::json& gaps) {
        std::vector<std::string> out;
        for (const auto& g : gaps) out.push_back(g["id"].get<std::string>());
        return out;
    };
    // No pm_years column: pm1 and pm2 are neither novices nor mentors, and the plan says so.
    const auto mentoring = run(db.flag() + " mentoring plan --format json");
    REQUIRE(mentoring.exit_code == 0);
    const auto m = mentoring.json();
    CHECK(m["novices"] == 0);
    CHECK(m["experience_unknown"] == nlohmann::json::array({"pm1", "pm2"}));
    CHECK(ids(m["gaps"]) == std::vector<std::string>{"pm-experience", "no-manager", "leader-as-full-pm",
                                                     "location-missing"});
    CHECK(m["gaps"][0]["records"] == 2);
    CHECK_THAT(mentoring.err, Catch::Contains("note: this answer rests on 4 gaps in the data: pm-experience (2)"));
    CHECK_THAT(run(db.flag() + " mentoring plan").out,
               Catch::Contains("2 PMs have no pm_years, so are neither matched as novices nor counted as mentors"));
    // diagnose finds no novice to coach, and says why in an info finding.
    const auto d = run(db.flag() + " diagnose --check novice-coaching --format json").json();
    REQUIRE(d["rows"].size() == 1);
    CHECK(d["rows"][0]["severity"] == "info");
    CHECK_THAT(d["rows"][0]["evidence"].get<std::string>(), Catch::Contains("2 PMs have no years of PM experience"));
    CHECK(ids(d["gaps"])[0] == "pm-experience");
    // ratios: the gaps of its own kinds; piped CSV stays data only, the note goes to stderr.
    const auto csv = run(db.flag() + " ratios --format csv");
    REQUIRE(csv.exit_code == 0);
    CHECK(csv.out.find("note") == std::string::npos);
    CHECK_THAT(csv.err, Catch::Contains("pms-no-coverage (1), leader-as-full-pm (1), unmatched-titles (1)"));
    const auto ratio_gaps = run(db.flag() + " ratios --format json").json()["gaps"];
    CHECK(ids(ratio_gaps) == std::vector<std::string>{"pms-no-coverage", "leader-as-full-pm", "unmatched-titles"});
    // The team ratios load no makers, yet say what check says: pm2 covers nothing while t3, with makers, has no PM.
    std::map<std::string, std::string> said_by_check;
    const auto checked = run(db.flag() + " check --format json").json();
    for (const auto& g : checked["rows"])
        said_by_check[g["gap"].get<std::string>()] = g["what"].get<std::string>();
    for (const auto& g : ratio_gaps) CHECK(g["what"] == said_by_check[g["id"].get<std::string>()]);
    CHECK_THAT(ratio_gaps[0]["what"].get<std::string>(), Catch::EndsWith("while 1 team has no PM"));
    // hire leaves m3 out and says which gaps its count rests on.
    CHECK(ids(run(db.flag() + " hire --format json").json()["gaps"]) ==
          std::vector<std::string>{"pm-experience", "makers-no-team", "teams-no-pm", "leader-as-full-pm",
                                   "unmatched-titles", "cost-estimated"});
}
