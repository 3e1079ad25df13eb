// Interrupts and task forces through the real binary: import and its errors, the interrupts answer, ratios net of
// interrupts, task force proposals saved and listed, and the two diagnostics. Numbers from
// tests/fixtures/interrupts/README.md.
#include <catch2/catch.hpp>

#include <fstream>

#include "run.hpp"

using namespace orgplan::e2e;

namespace {

const std::string kOrg = fixture("interrupts");

const nlohmann::json& row_of(const nlohmann::json& rows, const std::string& key, const std::string& id) {
    for (const auto& row : rows)
        if (row[key] == id) return row;
    FAIL("no row " << id);
    throw;
}

void write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

} // namespace

TEST_CASE("orgplan interrupts gives each PM's share of their time and the month's share of PM time") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + kOrg).exit_code == 0);
    const auto j = run(db.flag() + " interrupts --format json").json();
    CHECK(j["from"] == "2026-02-01");
    CHECK(j["to"] == "2026-02-28");
    CHECK(j["interrupts"] == 5);
    CHECK(j["hours"] == Approx(91));
    CHECK(j["unattributed_hours"] == Approx(5));
    CHECK(j["pm_capacity_hours"] == Approx(240));
    const auto rows = j["rows"];
    CHECK(row_of(rows, "pm", "pa")["share"] == Approx(0.4375));
    CHECK(row_of(rows, "pm", "pa")["unplanned_share"] == Approx(0.4));
    CHECK(row_of(rows, "pm", "pa")["top_requester"] == "Sam Seller (s1)");
    CHECK(row_of(rows, "pm", "pb")["share"] == Approx(0.2));
    CHECK(j["months"][0]["share"] == Approx(86.0 / 240).margin(1e-4)); // JSON keeps four decimals

    const auto by_function = run(db.flag() + " interrupts --by function --format json").json();
    CHECK(row_of(by_function["rows"], "function", "sales")["hours"] == Approx(45));
    CHECK(row_of(by_function["rows"], "function", "customer")["hours"] == Approx(10));
    const auto table = run(db.flag() + " interrupts --by requester");
    CHECK(table.exit_code == 0);
    CHECK_THAT(table.out, Catch::Contains("Dana Cole") && Catch::Contains("per month:") &&
                              Catch::Contains("5.0 hours hit teams or products no PM covers"));
    const auto half = run(db.flag() + " interrupts --from 2026-02-01 --to 2026-02-07 --format json").json();
    CHECK(half["interrupts"] == 1);
    CHECK(row_of(half["rows"], "pm", "pa")["share"] == Approx(1.0)); // 40 hours in the first week
    const auto bad = run(db.flag() + " interrupts --by colour");
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.err, Catch::Contains("group interrupts by requester, function, pm, team, product or kind"));
}

TEST_CASE("ratios net of interrupts take the time interrupts took out of each PM's FTE") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + kOrg).exit_code == 0);
    // Team A: pa's 1.0 and pb's product share spread over P's makers, all in A: 0.5 x 0.5 = 0.25 -> 8 / 1.25.
    CHECK(row_of(run(db.flag() + " ratios --format json").json()["rows"], "team", "A")["ratio"] == Approx(6.4));
    // pa keeps 1 - 0.4375 = 0.5625, pb 0.5 x (1 - 0.2) = 0.4 of which 0.2 on P: 8 / 0.7625.
    const auto net = run(db.flag() + " ratios --net-of-interrupts --format json").json();
    CHECK(row_of(net["rows"], "team", "A")["ratio"] == Approx(8 / 0.7625).margin(1e-4));
    CHECK(net["net_of_interrupts"]["pm_fte_taken"] == Approx(0.4375 + 0.1));
    const auto text = run(db.flag() + " ratios --net-of-interrupts");
    CHECK_THAT(text.out, Catch::Contains("net of interrupts from 2026-02-01 to 2026-02-28: 0.54 PM FTE taken out"));
    CHECK(run(db.flag() + " ratios --from 2026-02-01").exit_code == 2);
}

TEST_CASE("an answer as of a date counts the interrupts logged up to that date") {
    TempDb db;
    REQUIRE(run(db.flag() + " import --as-of 2026-02-11 " + kOrg).exit_code == 0);
    // Up to 11 February: pa 64 of 160 hours (0.4), pb 10 of 80 (0.125 of 0.5 FTE): 0.4625 PM FTE taken out.
    const auto then = run(db.flag() + " ratios --as-of 2026-02-11 --net-of-interrupts --format json").json();
    CHECK(then["net_of_interrupts"]["pm_fte_taken"] == Approx(0.4625));
    const auto now = run(db.flag() + " ratios --net-of-interrupts --format json").json();
    CHECK(now["net_of_interrupts"]["pm_fte_taken"] == Approx(0.5375));
}

TEST_CASE("interrupt-overload fires for the PM above 20% and names who asked") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + kOrg).exit_code == 0);
    const auto j = run(db.flag() + " diagnose --format json").json();
    std::vector<std::string> subjects;
    for (const auto& f : j["rows"])
        if (f["check"] == "interrupt-overload") subjects.push_back(f["subject"]);
    CHECK(subjects == std::vector<std::string>{"pa"});
    const auto text = run(db.flag() + " diagnose");
    CHECK_THAT(text.out, Catch::Contains("Sam Seller (s1) 40.0 h, Cora Chief (ceo) 24.0 h"));
}

TEST_CASE("bad interrupt rows are located errors and leave the database as it was") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + kOrg).exit_code == 0);
    const auto bad = db.dir() + "/interrupts.csv";
    write(bad, "date,requester,requester_name,requester_function,pm,team,product,hours,kind,planned\n"
               "2026-02-30,s1,,,pa,,,1,other,no\n"
               "2026-03-01,nobody,,,pa,,,1,other,no\n"
               "2026-03-01,,Dana,,pa,,,1,other,no\n"
               "2026-03-01,s1,,,s1,,,1,other,no\n"
               "2026-03-01,s1,,,,,,1,other,no\n"
               "2026-03-01,s1,,,pa,Z,,0,coffee,maybe\n");
    const auto before = read_text(db.path());
    const auto r = run(db.flag() + " import " + bad);
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("interrupts.csv:2: field 'date': '2026-02-30' is not a date"));
    CHECK_THAT(r.err, Catch::Contains("interrupts.csv:3: field 'requester': unknown person 'nobody'"));
    CHECK_THAT(r.err, Catch::Contains("interrupts.csv:4: field 'requester': is empty; give the requester's person id"));
    CHECK_THAT(r.err, Catch::Contains("interrupts.csv:5: field 'pm': 's1' is in family other, not pm"));
    CHECK_THAT(r.err, Catch::Contains("interrupts.csv:6: field 'pm': no pm, team or product is given"));
    CHECK_THAT(r.err, Catch::Contains("interrupts.csv:7: field 'hours': '0' is not a number of hours"));
    CHECK_THAT(r.err, Catch::Contains("interrupts.csv:7: field 'kind': 'coffee' is not one of executive_request"));
    CHECK_THAT(r.err, Catch::Contains("interrupts.csv:7: field 'planned': 'maybe' is not yes or no"));
    CHECK(read_text(db.path()) == before);
}

TEST_CASE("the same interrupt log imported twice is stored once, --replace keeps the log unless it brings one") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + kOrg).exit_code == 0);
    REQUIRE(run(db.flag() + " import " + kOrg + "/interrupts.csv").exit_code == 0);
    CHECK(sqlite_value(db.path(), "SELECT count(*) FROM interrupt") == "5");
    // Two identical calls on one day stay two.
    const auto twice = db.dir() + "/more_interrupts.csv";
    write(twice, "date,requester,pm,hours\n2026-02-03,s1,pb,1\n2026-02-03,s1,pb,1\n");
    REQUIRE(run(db.flag() + " import " + twice).exit_code == 0);
    REQUIRE(run(db.flag() + " import " + twice).exit_code == 0);
    CHECK(sqlite_value(db.path(), "SELECT count(*) FROM interrupt") == "7");
    // An org re-imported from nothing keeps the log; one that brings a log replaces it.
    const auto org_only = kOrg + "/people.csv " + kOrg + "/teams.csv " + kOrg + "/products.csv " + kOrg +
                          "/assignments.csv";
    REQUIRE(run(db.flag() + " import --replace " + org_only).exit_code == 0);
    CHECK(sqlite_value(db.path(), "SELECT count(*) FROM interrupt") == "7");
    REQUIRE(run(db.flag() + " import --replace " + kOrg).exit_code == 0);
    CHECK(sqlite_value(db.path(), "SELECT count(*) FROM interrupt") == "5");
}

TEST_CASE("a task force is proposed with reasons, saved, listed, shown, counted and deleted") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + kOrg).exit_code == 0);
    const auto p = run(db.flag() + " taskforce propose p-growth --topic 'Growth of P' --products P --size 2-3 "
                                   "--format json");
    REQUIRE(p.exit_code == 0);
    const auto j = p.json();
    CHECK(j["saved"] == false);
    CHECK(j["working"] == 3); // engineering m4 (Senior), product pa (Senior), then m0
    CHECK(j["rows"][0]["person"] == "m4");
    CHECK(j["rows"][1]["person"] == "pa");
    CHECK(j["rows"][2]["person"] == "m0");
    CHECK(run(db.flag() + " taskforce list --format csv").out == "name,topic,working,review,products,created\r\n");

    REQUIRE(run(db.flag() + " taskforce propose p-growth --topic 'Growth of P' --products P --size 2-3 --save")
                .exit_code == 0);
    for (const char* name : {"a", "b", "c"})
        REQUIRE(run(db.flag() + " taskforce save " + name + " --members m4,pa --reviewers ceo").exit_code == 0);
    const auto list = run(db.flag() + " taskforce list --format json").json();
    REQUIRE(list["rows"].size() == 4);
    CHECK(list["rows"][3]["name"] == "p-growth");
    CHECK(list["rows"][3]["products"] == "P");
    const auto show = run(db.flag() + " taskforce show p-growth");
    CHECK_THAT(show.out, Catch::Contains("Mo Four") && Catch::Contains("works in Team A (P)"));
    const auto load = run(db.flag() + " taskforce load --format json").json();
    CHECK(row_of(load["rows"], "person", "m4")["seats"] == 4);
    CHECK(row_of(load["rows"], "person", "m4")["status"] == "OVER");
    const auto diagnose = run(db.flag() + " diagnose --format json").json();
    std::vector<std::string> overloaded;
    for (const auto& f : diagnose["rows"])
        if (f["check"] == "committee-overload") overloaded.push_back(f["subject"]);
    CHECK(overloaded == std::vector<std::string>{"m4", "pa"});
    // m4 and pa are on four task forces: a new proposal passes them over.
    const auto next = run(db.flag() + " taskforce propose next --topic Next --products P --size 1-3 --format json").json();
    CHECK(next["passed_over"].size() == 2);

    CHECK(run(db.flag() + " taskforce delete a").exit_code == 0);
    CHECK(run(db.flag() + " taskforce delete a").exit_code == 2);
    CHECK(run(db.flag() + " taskforce show a").exit_code == 2);
    CHECK(run(db.flag() + " taskforce propose x --products P").exit_code == 2); // no topic
    const auto unknown = run(db.flag() + " taskforce propose x --topic X --products Z");
    CHECK(unknown.exit_code == 2);
    CHECK_THAT(unknown.err, Catch::Contains("unknown product 'Z'; products are P, Q"));
    CHECK(run(db.flag() + " taskforce save x --members nobody").exit_code == 2);
    CHECK(sqlite_value(db.path(), "SELECT count(*) FROM task_force") == "3");
}

TEST_CASE("task force seniority comes from an editable word list, a topic alone gets the seated functions' heads") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + data("demo")).exit_code == 0);
    const auto sales_first = [&](const std::string& extra) {
        const auto j = run(db.flag() + " taskforce propose tf --topic pricing --functions sales --size 1 --format json" +
                           extra).json();
        REQUIRE(j["rows"].size() >= 1);
        return j["rows"][0]["reason"].get<std::string>();
    };
    // Built in: a representative is an entry role, so an Account Executive leads sales.
    CHECK_THAT(sales_first(""), Catch::Contains("(Account Executive)"));
    // Edited: a list that ranks representatives high puts one first.
    const auto words = db.dir() + "/words.csv";
    std::ofstream(words) << "word,rank\nrepresentative,6\n";
    CHECK_THAT(sales_first(" --seniority '" + words + "'"), Catch::Contains("(Sales Development Representative)"));
    CHECK_THAT(sales_first(""), Catch::Contains("(Account Executive)")); // nothing stored
    std::ofstream(words) << "word,rank\nrepresentative,high\n";
    const auto bad = run(db.flag() + " taskforce propose tf --topic pricing --seniority '" + words + "'");
    CHECK(bad.exit_code == 3);
    CHECK_THAT(bad.err, Catch::Contains("words.csv:2: field 'rank'"));
    // A topic alone: the review audience is the heads of the functions the working group seats.
    const auto j = run(db.flag() + " taskforce propose tf --topic pricing --format json").json();
    CHECK(j["review"].get<int>() >= 3);
    for (const auto& row : j["rows"])
        if (row["role"] == "review") CHECK_THAT(row["reason"].get<std::string>(), Catch::Contains("head of"));
}
