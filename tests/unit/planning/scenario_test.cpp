#include <catch2/catch.hpp>

#include "../fixture.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/analysis/ratios.hpp"
#include "orgplan/planning/positions.hpp"
#include "orgplan/planning/scenario.hpp"
#include "orgplan/planning/scenario_steps.hpp"
#include "orgplan/storage/scenario_store.hpp"
#include "orgplan/base/text.hpp"

using namespace orgplan;
using namespace orgplan::test;


TEST_CASE("a scenario is a copy: changing it leaves the live org alone") {
    auto db = fixture_database();
    create_scenario(db, "s", kCurrentScenario);
    auto s = load_scenario(db, "s");
    move_pm(s, "pm3", TargetKind::team, "D", 1.0);
    save_scenario(db, s);
    const auto reloaded = load_scenario(db, "s");
    CHECK(reloaded.changes == std::vector<std::string>{"move PM pm3 to team D (1)"});
    const auto live = load_scenario(db, kCurrentScenario);
    CHECK(compute_ratios(live.org, "team", 10, 3).teams_without_pm == std::vector<std::string>{"D"});
    CHECK(compute_ratios(reloaded.org, "team", 10, 3).teams_without_pm.empty());
}

TEST_CASE("moving a PM replaces their assignments and membership coverage") {
    auto db = fixture_database();
    create_scenario(db, "s", kCurrentScenario);
    auto s = load_scenario(db, "s");
    move_pm(s, "pm4", TargetKind::product, "P1", 0.5); // pm4 covered team C by membership
    const auto r = compute_ratios(s.org, "team", 10, 3);
    for (const auto& row : r.rows)
        if (row.id == "C") CHECK(row.pms == Approx(0.5)); // only pm1's half is left on C
    REQUIRE_THROWS_WITH(move_pm(s, "m1", TargetKind::team, "A", 1), Catch::Contains("not a PM"));
    REQUIRE_THROWS_WITH(move_pm(s, "pm1", TargetKind::team, "Z", 1), Catch::Contains("unknown team 'Z'"));
    REQUIRE_THROWS_AS(move_pm(s, "pm1", TargetKind::team, "A", 1.5), Error);
}

TEST_CASE("makers a scenario adds or removes are planned positions, never people, and count only as planned") {
    auto db = fixture_database();
    create_scenario(db, "s", kCurrentScenario);
    auto s = load_scenario(db, "s");
    const auto people = s.org.people.size();
    add_team(s, "E", "Team E", 4, "P2", "");
    change_makers(s, "C", -2, "2027-Q3");
    CHECK(s.org.people.size() == people); // nobody invented, nobody removed
    REQUIRE(s.org.positions.size() == 6);
    CHECK(s.org.positions[0].id == "s:E:open-1");
    CHECK(s.org.positions[0].kind == PositionKind::open_role);
    CHECK(s.org.positions[0].source == "s");
    CHECK(s.org.positions[4].id == "s:C:leave-1");
    CHECK(s.org.positions[4].quarter == "2027-Q3");
    // Today's ratios see today's people; the planned org sees the positions.
    const auto today = compute_ratios(s.org, "team", 10, 3);
    const auto totals = planned_maker_totals(s.org, maker_totals(s.org));
    const auto planned = compute_ratios(s.org, "team", 10, 3, nullptr, &totals);
    for (const auto& row : today.rows) {
        if (row.id == "E") CHECK(row.makers == Approx(0));
        if (row.id == "C") CHECK(row.makers == Approx(6));
    }
    for (const auto& row : planned.rows) {
        if (row.id == "E") CHECK(row.makers == Approx(4));
        if (row.id == "C") CHECK(row.makers == Approx(4));
    }
    // The opposite change takes back the scenario's own positions first, newest first.
    change_makers(s, "E", -1);
    change_makers(s, "C", 1);
    REQUIRE(s.org.positions.size() == 4);
    CHECK(s.org.positions.back().id == "s:C:leave-1");
    REQUIRE_THROWS_WITH(change_makers(s, "D", -5), Catch::Contains("team D has 2 maker FTE"));
    REQUIRE_THROWS_WITH(change_makers(s, "D", 1, "soon"), Catch::Contains("is not YYYY-Qn"));
    REQUIRE_THROWS_WITH(add_team(s, "E", "", 1, "", ""), Catch::Contains("exists already"));
    REQUIRE_THROWS_WITH(add_team(s, "F", "", 1, "nope", ""), Catch::Contains("unknown product"));
    // Positions travel with the scenario.
    save_scenario(db, s);
    CHECK(load_scenario(db, "s").org.positions.size() == 4);
}

TEST_CASE("planned makers count in the plan from their quarter, past and unset quarters from the first") {
    Org org;
    org.positions = {{"a", PositionKind::open_role, "T", Family::maker, 1.0, "2027-Q2", "", PositionStatus::open, ""},
                     {"b", PositionKind::departure, "T", Family::maker, 0.5, "", "", PositionStatus::open, ""},
                     {"c", PositionKind::open_role, "T", Family::maker, 1.0, "2020-Q1", "", PositionStatus::open, ""},
                     {"d", PositionKind::open_role, "T", Family::pm, 1.0, "", "", PositionStatus::open, ""},
                     {"e", PositionKind::open_role, "T", Family::maker, 1.0, "", "", PositionStatus::filled, ""}};
    const auto changes = planned_maker_changes(org, "2026-12-04");
    REQUIRE(changes.size() == 3); // PM positions and closed ones do not count
    CHECK(changes[0].plan_quarter == 3); // 2026-Q4 is quarter 1
    CHECK(changes[0].fte == 1.0);
    CHECK(changes[1].plan_quarter == 1);
    CHECK(changes[1].fte == -0.5);
    CHECK(changes[2].plan_quarter == 1);
    CHECK(parse_quarter("Q3 2027")->index() == parse_quarter("2027-Q3")->index());
    CHECK_FALSE(parse_quarter("2027-Q5"));
    CHECK_FALSE(parse_quarter("27-Q1"));
}

TEST_CASE("scenario names are checked and unknown ones are listed") {
    auto db = fixture_database();
    REQUIRE_THROWS_AS(create_scenario(db, kCurrentScenario, kCurrentScenario), Error);
    create_scenario(db, "a", kCurrentScenario);
    REQUIRE_THROWS_WITH(create_scenario(db, "a", kCurrentScenario), Catch::Contains("exists already"));
    REQUIRE_THROWS_WITH(load_scenario(db, "b"), Catch::Contains("known: current, a"));
    auto a = load_scenario(db, "a");
    apply_step(a, {{"move-pm", "pm3"}, {"to", "team:D"}}, [](const std::string&) {}, "ann", "2026-12-05T10:00:00Z");
    save_scenario(db, a);
    create_scenario(db, "b", "a", "bo");
    // A copy keeps the steps it was made by (and the base), so each can still be undone in it.
    const auto b = load_scenario(db, "b");
    CHECK(b.changes == std::vector<std::string>{"move PM pm3 to team D (1)"});
    REQUIRE(b.steps.size() == 1);
    CHECK(b.steps[0].by == "ann");
    CHECK(b.owner == "bo");
    for (const auto* bad : {"a/b", "x:y", "50%", ""})
        CHECK_THROWS_AS(create_scenario(db, bad, kCurrentScenario), Error);
    delete_scenario(db, "a");
    CHECK(list_scenarios(db).size() == 1);
}

TEST_CASE("scenario settings and mix travel with it") {
    auto db = fixture_database();
    create_scenario(db, "s", kCurrentScenario);
    auto s = load_scenario(db, "s");
    set_setting(s, "ratio.threshold", 7);
    set_mix(s, "growth");
    save_scenario(db, s);
    const auto back = load_scenario(db, "s");
    CHECK(back.settings.get("ratio.threshold") == 7);
    CHECK(back.mix == "growth");
    REQUIRE_THROWS_AS(set_setting(s, "ratio.treshold", 7), Error);
}

