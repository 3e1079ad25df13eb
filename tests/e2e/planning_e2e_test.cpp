#include <catch2/catch.hpp>

#include <cstdlib>

#include <fstream>

#include <map>

#include "run.hpp"

using namespace orgplan::e2e;

namespace {
struct DemoDb : TempDb {
    DemoDb() { REQUIRE(run(flag() + " import " + data("demo")).exit_code == 0); }
};
} // namespace

TEST_CASE("mentoring plan covers the demo's novices, and a saved plan drives the coaching diagnostic") {
    DemoDb db;
    const auto j = run(db.flag() + " mentoring plan --format json").json();
    CHECK(j["novices"] == 7);
    CHECK(j["uncovered"].empty());
    CHECK(j["rows"].size() == 7);
    CHECK(j["saved"] == false);
    CHECK_THAT(j["recommendation"].get<std::string>(), Catch::Contains("reassign"));
    // Without a saved plan, the per-leader capacity check finds a shortfall in one group.
    CHECK(run(db.flag() + " diagnose --check novice-coaching --format json").json()["rows"].size() == 1);
    REQUIRE(run(db.flag() + " mentoring plan --save").exit_code == 0);
    CHECK(run(db.flag() + " mentoring show --format json").json()["rows"].size() == 7);
    CHECK(run(db.flag() + " diagnose --check novice-coaching --format json").json()["rows"].empty());
}

TEST_CASE("mentoring plan recommends hiring seniors when capacity runs out") {
    DemoDb db;
    REQUIRE(run(db.flag() + " config set coaching.novice_hours 3").exit_code == 0);
    const auto j = run(db.flag() + " mentoring plan --format json").json();
    CHECK_FALSE(j["uncovered"].empty());
    CHECK_THAT(j["recommendation"].get<std::string>(), Catch::Contains("seasoned senior"));
}

TEST_CASE("mentoring plan refuses more candidates than coaching.most_pairs allows, naming what fits, and saves nothing") {
    DemoDb db;
    REQUIRE(run(db.flag() + " config set coaching.most_pairs 20").exit_code == 0);
    const auto r = run(db.flag() + " mentoring plan --save --candidates 100000");
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("for each of 7 novices") && Catch::Contains("more than coaching.most_pairs (20)") &&
                          Catch::Contains("ask for at most 2 candidates"));
    CHECK(r.out.empty());
    CHECK(run(db.flag() + " mentoring show --format json").json()["rows"].empty());
    CHECK(run(db.flag() + " mentoring plan --candidates 2 --format json").json()["rows"].size() == 7);
}

TEST_CASE("plan projects quarters with hires by origin, and the simulation is reproducible by seed") {
    DemoDb db;
    const auto j = run(db.flag() + " plan --quarters 6 --growth 0.03 --format json").json();
    CHECK(j["rows"].size() == 6);
    CHECK(j["mix"] == "balanced");
    CHECK(j["rows"][0]["makers"].get<double>() == Approx(222.6 * 1.03).epsilon(0.001));
    const double total = j["hires_total"]["senior"].get<double>() + j["hires_total"]["transfer"].get<double>() +
                         j["hires_total"]["newcomer"].get<double>();
    CHECK(total > 5);
    const auto a = run(db.flag() + " plan --simulate 3000 --seed 42 --format csv");
    const auto b = run(db.flag() + " plan --simulate 3000 --seed 42 --format csv");
    const auto c = run(db.flag() + " plan --simulate 3000 --seed 43 --format csv");
    REQUIRE(a.exit_code == 0);
    CHECK_THAT(a.out, Catch::Contains("p_within_target,pm_p10,pm_p50,pm_p90,ratio_p10,ratio_p50,ratio_p90"));
    CHECK(a.out == b.out);
    CHECK(a.out != c.out);
    const auto senior = run(db.flag() + " plan --mix senior-heavy --format json").json();
    CHECK(senior["hires_total"]["newcomer"] == 0.0);
}

TEST_CASE("plan reads per-team growth and names bad rows") {
    DemoDb db;
    const auto good = db.dir() + "/growth.csv";
    const auto bad = db.dir() + "/bad-growth.csv";
    REQUIRE(run("--version && printf 'team,growth\\nana-query,0.5\\n' > '" + good + "'").exit_code == 0);
    REQUIRE(run("--version && printf 'team,growth\\nana-query,fast\\nnope,0.1\\n' > '" + bad + "'").exit_code == 0);
    const auto flat = run(db.flag() + " plan --quarters 1 --format json").json();
    const auto grown = run(db.flag() + " plan --quarters 1 --format json --growth-file '" + good + "'").json();
    CHECK(grown["rows"][0]["makers"].get<double>() == Approx(flat["rows"][0]["makers"].get<double>() + 6.0));
    const auto r = run(db.flag() + " plan --growth-file '" + bad + "'");
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("bad-growth.csv:2: field 'growth'"));
    CHECK_THAT(r.err, Catch::Contains("bad-growth.csv:3: field 'team': unknown team 'nope'"));
}

TEST_CASE("scenarios copy the org, take changes without touching it, and diff against it") {
    DemoDb db;
    REQUIRE(run(db.flag() + " scenario create fix").exit_code == 0);
    CHECK(run(db.flag() + " scenario create fix").exit_code == 3); // name taken
    CHECK(run(db.flag() + " scenario create current").exit_code == 3);
    REQUIRE(run(db.flag() + " scenario apply fix --move-pm E0020 --to team:mid-integrations").exit_code == 0);
    REQUIRE(run(db.flag() + " scenario apply fix --add-team new-squad --makers 12").exit_code == 0);
    REQUIRE(run(db.flag() + " scenario apply fix --set ratio.threshold=12 --mix senior-heavy").exit_code == 0);
    CHECK(run(db.flag() + " scenario apply fix --move-pm E0100 --to team:ana-query").exit_code == 3); // a maker
    CHECK(run(db.flag() + " scenario apply fix --move-pm E0020 --to squad:x").exit_code == 2);
    CHECK(run(db.flag() + " scenario apply fix --mix random").exit_code == 3);
    const auto shown = run(db.flag() + " scenario show fix --format json").json();
    CHECK(shown["mix"] == "senior-heavy");
    // One row per step; the new team's makers are part of its step.
    REQUIRE(shown["rows"].size() == 4);
    CHECK(shown["rows"][1]["change"] == "add team new-squad; +12 makers in team new-squad (planned positions)");
    CHECK(shown["rows"][0]["number"] == 1);
    CHECK(!shown["rows"][0]["by"].get<std::string>().empty());
    CHECK(shown["status"] == "draft");
    // The live org is untouched.
    CHECK(run(db.flag() + " ratios --format json").json()["teams_without_pm"].size() == 5);

    const auto diff = run(db.flag() + " scenario diff current fix --format json").json();
    std::map<std::string, std::pair<double, double>> m;
    for (const auto& row : diff["metrics"]) m[row["metric"]] = {row["a"].get<double>(), row["b"].get<double>()};
    CHECK(m["maker FTE"].second == Approx(m["maker FTE"].first + 12));
    CHECK(m["teams with no PM"].first == 5);
    CHECK(m["teams with no PM"].second == 5); // mid-integrations covered, new-squad uncovered
    bool resolved = false, added = false;
    for (const auto& f : diff["findings"]) {
        resolved |= f["change"] == "resolved" && f["subject"] == "mid-integrations";
        added |= f["change"] == "new" && f["subject"] == "new-squad";
    }
    CHECK(resolved);
    CHECK(added);
    // Moving E0020 to a team takes the only PM time of an initiative and an account: the diff says so.
    REQUIRE(diff["coverage"].size() == 2);
    CHECK(diff["coverage"][0] == nlohmann::json{{"change", "lost"}, {"kind", "account"}, {"target", "acc-initech"},
                                               {"pm_fte_a", 0.5}, {"pm_fte_b", 0.0}, {"pms_a", "E0020"},
                                               {"pms_b", ""}});
    CHECK(diff["coverage"][1]["target"] == "ini-eu");
    CHECK_THAT(run(db.flag() + " scenario diff current fix").out,
               Catch::Contains("coverage that changes") && Catch::Contains("lost    initiative  ini-eu"));
    REQUIRE(run(db.flag() + " scenario delete fix").exit_code == 0);
    CHECK(run(db.flag() + " scenario list --format json").json()["rows"].empty());
    CHECK(run(db.flag() + " scenario diff current fix").exit_code == 3);
}

TEST_CASE("bad numbers on the command line and in settings are refused with the range, before any work") {
    DemoDb db;
    for (const auto* bad : {"nan", "inf", "0", "-1"}) {
        const auto r = run(db.flag() + " config set ratio.threshold " + bad);
        CHECK(r.exit_code == 3);
        CHECK_THAT(r.err, Catch::Contains("ratio.threshold") && Catch::Contains("from 1 to 1000"));
    }
    CHECK(run(db.flag() + " config get ratio.threshold").out == "10\n");
    for (const auto* cmd : {" ratios --threshold nan", " ratios --threshold 0", " align --compare --threshold inf",
                            " plan --growth -1.5", " plan --growth nan", " plan --delay-probability nan",
                            " hire --count nan", " diagnose --hires inf"}) {
        const auto r = run(db.flag() + cmd);
        INFO(cmd);
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
    }
    const auto big = run(db.flag() + " plan --simulate 10000000 --quarters 80");
    CHECK(big.exit_code == 2);
    CHECK_THAT(big.err, Catch::Contains("trial-quarters") && Catch::Contains("GB"));
}

TEST_CASE("scenario apply --set refuses NaN and out-of-range values, and the scenario stays loadable") {
    DemoDb db;
    REQUIRE(run(db.flag() + " scenario create s1").exit_code == 0);
    for (const auto* bad : {"nan", "inf", "0"}) {
        const auto r = run(db.flag() + " scenario apply s1 --set ratio.threshold=" + bad);
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, Catch::Contains("ratio.threshold"));
    }
    CHECK(run(db.flag() + " scenario apply s1 --add-makers bill-payments=1e300").exit_code == 2);
    CHECK(run(db.flag() + " scenario show s1").exit_code == 0);
    CHECK(run(db.flag() + " scenario diff current s1").exit_code == 0);
}

TEST_CASE("plugin parameters must be finite numbers in their range") {
    DemoDb db;
    const auto r = run(db.flag() + " hire --mix balanced --param senior=nan --strict-plugins");
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("parameter 'senior' must be a number from 0.00 to 1.00"));
}

TEST_CASE("scenario merge applies a scenario's changes to the org in one transaction, once") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + data("demo")).exit_code == 0);
    REQUIRE(run(db.flag() + " scenario create fix").exit_code == 0);
    REQUIRE(run(db.flag() + " scenario apply fix --move-pm E0020 --to team:mid-integrations --add-makers "
                            "ana-query=-2 --set ratio.threshold=9").exit_code == 0);
    const auto people = run(db.flag() + " spans --format json").json()["org"]["people"];
    // "-2 makers" plans two departures: positions, not employees removed, so no --yes is needed.
    auto r = run(db.flag() + " scenario merge fix");
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("3 records written, 0 removed, 1 settings")); // E0020's assignments, 2 positions
    CHECK_THAT(r.out, Catch::Contains("planned departure of 1 maker FTE in team ana-query (fix:ana-query:leave-1)"));
    CHECK_THAT(r.out, !Catch::Contains("removed 2: "));
    CHECK(run(db.flag() + " spans --format json").json()["org"]["people"] == people);
    const auto after = run(db.flag() + " ratios --format json").json();
    CHECK(after["threshold"] == 9.0);
    CHECK(after["teams_without_pm"].size() == 4); // mid-integrations is covered now
    const auto team_makers = [&](const nlohmann::json& j) {
        for (const auto& row : j["rows"])
            if (row["team"] == "ana-query") return row["makers"].get<double>();
        return -1.0;
    };
    CHECK(team_makers(run(db.flag() + " ratios --planned --format json").json()) ==
          Approx(team_makers(after) - 2));
    const auto positions = run(db.flag() + " positions --format json").json();
    CHECK(positions["rows"].size() == 2);
    CHECK(positions["departing_maker_fte"] == 2.0);
    REQUIRE(run(db.flag() + " positions close fix:ana-query:leave-1 --status cancelled").exit_code == 0);
    CHECK(run(db.flag() + " positions --format json").json()["rows"].size() == 1);
    CHECK(run(db.flag() + " positions --all --format json").json()["rows"].size() == 2);
    CHECK(team_makers(run(db.flag() + " ratios --planned --format json").json()) ==
          Approx(team_makers(after) - 1));
    CHECK(run(db.flag() + " positions close nope").exit_code == 3);
    // plan counts the one still open from its quarter (none given: the first) only when asked.
    const auto plain = run(db.flag() + " plan --format json").json();
    const auto planned = run(db.flag() + " plan --planned --format json").json();
    CHECK(planned["planned_included"] == true);
    CHECK(planned["rows"][0]["makers"].get<double>() == Approx(plain["rows"][0]["makers"].get<double>() - 1));
    CHECK_THAT(run(db.flag() + " plan").out, Catch::Contains("open positions are not counted; --planned counts them"));
    const auto e20 = run(db.flag() + " person export E0020").json();
    REQUIRE(e20["org"]["assignments"].size() == 1);
    CHECK(e20["org"]["assignments"][0]["target"] == "mid-integrations");
    r = run(db.flag() + " scenario merge fix");
    CHECK(r.exit_code != 0);
    CHECK_THAT(r.err, Catch::Contains("was merged at"));
    CHECK_THAT(run(db.flag() + " log --limit 1").out, Catch::Contains("positions close"));
}

TEST_CASE("a scenario that removes employees (as older versions made them) merges only with --yes") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + data("demo")).exit_code == 0);
    REQUIRE(run(db.flag() + " scenario create old").exit_code == 0);
    // What "-2 makers" stored before positions existed: two makers of ana-query gone from the scenario's org.
    // (Quoted for the shell's double quotes.)
    const std::string drop =
        R"(UPDATE scenario SET delta = '{\"people\": [{\"id\": \"E0072\", \"record\": null}, {\"id\": \"E0073\", )"
        R"(\"record\": null}], \"memberships\": [{\"id\": \"E0072\", \"record\": null}, {\"id\": \"E0073\", )"
        R"(\"record\": null}]}' WHERE name = 'old')";
    REQUIRE(std::system(("sqlite3 '" + db.path() + "' \"" + drop + "\"").c_str()) == 0);
    const auto before = read_text(db.path());
    auto r = run(db.flag() + " scenario merge old");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("would remove 2 people from the org") && Catch::Contains("nothing was merged") &&
                          Catch::Contains("--yes") && Catch::Contains("E0072 Grace Haddad"));
    CHECK(read_text(db.path()) == before);
    r = run(db.flag() + " scenario merge old --yes");
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("0 records written, 4 removed") && Catch::Contains("removed 2: "));
}

TEST_CASE("scenario merge refuses records both sides changed, listing them, unless --theirs or --ours") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + data("demo")).exit_code == 0);
    for (const char* name : {"a", "b", "c"}) {
        REQUIRE(run(db.flag() + " scenario create " + name).exit_code == 0);
        REQUIRE(run(db.flag() + " scenario apply " + name + " --move-pm E0020 --to team:plat-observe").exit_code == 0);
    }
    // A later import moves the same PM elsewhere.
    const auto file = db.dir() + "/moves.csv";
    std::ofstream(file) << "pm,kind,target,share\nE0020,team,ana-query,1\n";
    REQUIRE(run(db.flag() + " import --kind assignments '" + file + "'").exit_code == 0);
    const auto before = read_text(db.path());
    auto r = run(db.flag() + " scenario merge a");
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("both changed 1 record") && Catch::Contains("assignments of E0020") &&
                          Catch::Contains("--theirs") && Catch::Contains("nothing was merged"));
    CHECK(read_text(db.path()) == before);
    REQUIRE(run(db.flag() + " scenario merge b --ours").exit_code == 0);
    CHECK(run(db.flag() + " person export E0020").json()["org"]["assignments"][0]["target"] == "ana-query");
    REQUIRE(run(db.flag() + " scenario merge c --theirs").exit_code == 0);
    CHECK(run(db.flag() + " person export E0020").json()["org"]["assignments"][0]["target"] == "plat-observe");
    CHECK(run(db.flag() + " scenario merge a --theirs --ours").exit_code == 2);
}

TEST_CASE("portfolio shows people and money per product, what winding-down products take and what retiring frees") {
    DemoDb db;
    auto r = run(db.flag() + " portfolio --format json");
    REQUIRE(r.exit_code == 0);
    auto j = r.json();
    CHECK(j["rows"][0]["product"] == "p-analytics"); // most cost first
    CHECK(j["winding_down"]["maker_fte"] == Approx(4.0));
    CHECK(j["total_cost"].get<double>() > 0);
    double shares = 0;
    for (const auto& row : j["rows"]) shares += row["cost_share"].get<double>();
    CHECK(shares == Approx(1.0).margin(0.001)); // each share is rounded to 4 decimals
    r = run(db.flag() + " portfolio --what-if-retire p-legacy --save-scenario no-legacy --format json");
    REQUIRE(r.exit_code == 0);
    j = r.json();
    REQUIRE(j["what_if"].size() == 3);
    CHECK(j["what_if"][0]["change"] == Approx(-4.0));
    CHECK(j["what_if"][1]["retired"].get<double>() < j["what_if"][1]["now"].get<double>());
    const auto diff = run(db.flag() + " scenario diff current no-legacy --format json");
    REQUIRE(diff.exit_code == 0);
    CHECK(run(db.flag() + " portfolio --what-if-retire p-nowhere").exit_code != 0);
    CHECK(run(db.flag() + " portfolio --by colour").exit_code == 2);
}

TEST_CASE("hire and plan leave makers in no team out unless asked, and say how many") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + fixture("ratios")).exit_code == 0);
    // 30 makers in no team (an export's gap, or contractors): hand-computed, the fixture's 15.5 maker FTE in teams
    // need no hire beyond 3.5 PM FTE at 10:1; with the 30, ceil(45.5 / 10 - 3.5) = 2.
    const auto people = db.dir() + "/people.csv";
    {
        std::ofstream out(people);
        out << "id,name,title\n";
        for (int i = 0; i < 30; ++i) out << "x" << i << ",Extra " << i << ",Software Engineer\n";
    }
    REQUIRE(run(db.flag() + " import " + people).exit_code == 0);
    auto j = run(db.flag() + " hire --format json").json();
    CHECK(j["count"] == 0);
    CHECK(j["unassigned_makers"] == 30);
    CHECK(j["unassigned_included"] == false);
    auto r = run(db.flag() + " hire");
    CHECK_THAT(r.out, Catch::Contains("left out 30.0 maker FTE in no team; --include-unassigned counts them"));
    j = run(db.flag() + " hire --include-unassigned --format json").json();
    CHECK(j["count"] == 2);
    CHECK(j["unassigned_included"] == true);
    const auto without = run(db.flag() + " plan --quarters 1 --format json").json();
    const auto with = run(db.flag() + " plan --quarters 1 --include-unassigned --format json").json();
    CHECK(without["unassigned_makers"] == 30);
    CHECK(without["rows"][0]["makers"].get<double>() == Approx(15.5));
    CHECK(with["rows"][0]["makers"].get<double>() == Approx(45.5));
    CHECK_THAT(run(db.flag() + " plan --quarters 1").out, Catch::Contains("left out 30.0 maker FTE in no team"));
}

TEST_CASE("whole hires and quarters print as whole numbers") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + data("demo")).exit_code == 0);
    // balanced is 40% seniors, 40% transfers, 20% newcomers: 5 hires are 2, 2 and 1.
    const auto rows = csv_records(run(db.flag() + " hire --count 5 --mix balanced --format csv").out);
    REQUIRE(rows.size() == 2);
    CHECK(rows[1][1] == "2");
    CHECK(rows[1][2] == "2");
    CHECK(rows[1][3] == "1");
    CHECK(rows[1][8].find('.') == std::string::npos); // full strength in quarters
}

TEST_CASE("a scenario carries the interrupt log and the task forces: unchanged, it diffs to no change") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + data("demo")).exit_code == 0);
    REQUIRE(run(db.flag() + " scenario create same").exit_code == 0);
    const auto j = run(db.flag() + " scenario diff current same --format json").json();
    REQUIRE(j.contains("findings"));
    CHECK(j["findings"].empty()); // before, the scenario lacked the log and "resolved" interrupt-overload
    for (const auto& m : j["metrics"]) CHECK(m["change"].get<double>() == Approx(0));
    // The scenario stores what it changes: nothing. The log and task forces are the org's.
    CHECK(sqlite_value(db.path(), "SELECT org_json || '|' || delta FROM scenario WHERE name = 'same'") == "|{}");
    // Erasing a requester removes their interrupts and seats, and the rows the base kept of them.
    REQUIRE(run(db.flag() + " person erase E0289 --yes").exit_code == 0);
    CHECK(sqlite_value(db.path(), "SELECT org_json || '|' || delta FROM scenario WHERE name = 'same'") == "|{}");
    CHECK(sqlite_value(db.path(), "SELECT count(*) FROM base_person WHERE id = 'E0289' OR manager_id = 'E0289'") == "0");
}

TEST_CASE("scenario merge names the people it adds and moves") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + data("demo")).exit_code == 0);
    REQUIRE(run(db.flag() + " scenario create grow").exit_code == 0);
    REQUIRE(run(db.flag() + " scenario apply grow --add-makers ana-query=2 --move-pm E0020 --to "
                            "team:mid-integrations").exit_code == 0);
    const auto r = run(db.flag() + " scenario merge grow");
    REQUIRE(r.exit_code == 0); // nobody leaves: no --yes needed
    CHECK_THAT(r.out, Catch::Contains("changed or moved 1: E0020"));
    CHECK_THAT(r.out, Catch::Contains("planned 2 positions") && Catch::Contains("open role of 1 maker FTE in team ana-query"));
    CHECK_THAT(r.out, !Catch::Contains("new maker"));
}

TEST_CASE("scenario merge and undo answer in JSON too") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + data("demo")).exit_code == 0);
    REQUIRE(run(db.flag() + " scenario create fix").exit_code == 0);
    REQUIRE(run(db.flag() + " scenario apply fix --move-pm E0020 --to team:mid-integrations --set-fte E0011=0.5")
                .exit_code == 0);
    const auto undone = run(db.flag() + " scenario undo fix 2 --format json").json();
    CHECK(undone["change"] == "FTE of E0011 0.5 (was 0.8)");
    CHECK(run(db.flag() + " scenario undo fix 5").exit_code == 3); // no change 5
    CHECK(run(db.flag() + " scenario undo fix x").exit_code == 2);
    const auto merged = run(db.flag() + " scenario merge fix --format json").json();
    CHECK(merged["action"] == "merge");
    CHECK(merged["written"] == 1);
    CHECK(merged["people_moved"] == nlohmann::json::array({"E0020"}));
    CHECK(run(db.flag() + " scenario list --format json").json()["rows"][0]["status"] == "merged");
}
