#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "orgplan/error.hpp"
#include "orgplan/ratios.hpp"
#include "orgplan/scenario.hpp"
#include "orgplan/text.hpp"

using namespace orgplan;
using namespace orgplan::test;

namespace {
Database fixture_db() {
    Database db(":memory:");
    import_paths(db, {fixture("ratios")});
    return db;
}
} // namespace

TEST_CASE("a scenario is a copy: changing it leaves the live org alone") {
    auto db = fixture_db();
    create_scenario(db.sql(), "s", kCurrentScenario);
    auto s = load_scenario(db.sql(), "s");
    move_pm(s, "pm3", TargetKind::team, "D", 1.0);
    save_scenario(db.sql(), s);
    const auto reloaded = load_scenario(db.sql(), "s");
    CHECK(reloaded.changes == std::vector<std::string>{"move PM pm3 to team D (1)"});
    const auto live = load_scenario(db.sql(), kCurrentScenario);
    CHECK(compute_ratios(live.org, "team", 10, 3).teams_without_pm == std::vector<std::string>{"D"});
    CHECK(compute_ratios(reloaded.org, "team", 10, 3).teams_without_pm.empty());
}

TEST_CASE("moving a PM replaces their assignments and membership coverage") {
    auto db = fixture_db();
    create_scenario(db.sql(), "s", kCurrentScenario);
    auto s = load_scenario(db.sql(), "s");
    move_pm(s, "pm4", TargetKind::product, "P1", 0.5); // pm4 covered team C by membership
    const auto r = compute_ratios(s.org, "team", 10, 3);
    for (const auto& row : r.rows)
        if (row.id == "C") CHECK(row.pms == Approx(0.5)); // only pm1's half is left on C
    REQUIRE_THROWS_WITH(move_pm(s, "m1", TargetKind::team, "A", 1), Catch::Contains("not a PM"));
    REQUIRE_THROWS_WITH(move_pm(s, "pm1", TargetKind::team, "Z", 1), Catch::Contains("unknown team 'Z'"));
    REQUIRE_THROWS_AS(move_pm(s, "pm1", TargetKind::team, "A", 1.5), Error);
}

TEST_CASE("teams and makers can be added and removed in a scenario") {
    auto db = fixture_db();
    create_scenario(db.sql(), "s", kCurrentScenario);
    auto s = load_scenario(db.sql(), "s");
    add_team(s, "E", "Team E", 4, "P2", "");
    change_makers(s, "C", -2);
    const auto r = compute_ratios(s.org, "team", 10, 3);
    for (const auto& row : r.rows) {
        if (row.id == "E") CHECK(row.makers == Approx(4));
        if (row.id == "C") CHECK(row.makers == Approx(4));
    }
    CHECK(r.unallocated_makers == Approx(0)); // removed makers leave the org
    REQUIRE_THROWS_WITH(change_makers(s, "D", -5), Catch::Contains("only 2 makers"));
    REQUIRE_THROWS_WITH(add_team(s, "E", "", 1, "", ""), Catch::Contains("exists already"));
    REQUIRE_THROWS_WITH(add_team(s, "F", "", 1, "nope", ""), Catch::Contains("unknown product"));
}

TEST_CASE("scenario names are checked and unknown ones are listed") {
    auto db = fixture_db();
    REQUIRE_THROWS_AS(create_scenario(db.sql(), kCurrentScenario, kCurrentScenario), Error);
    create_scenario(db.sql(), "a", kCurrentScenario);
    REQUIRE_THROWS_WITH(create_scenario(db.sql(), "a", kCurrentScenario), Catch::Contains("exists already"));
    REQUIRE_THROWS_WITH(load_scenario(db.sql(), "b"), Catch::Contains("known: current, a"));
    create_scenario(db.sql(), "b", "a");
    CHECK(load_scenario(db.sql(), "b").changes == std::vector<std::string>{"copied from scenario a"});
    delete_scenario(db.sql(), "a");
    CHECK(list_scenarios(db.sql()).size() == 1);
}

TEST_CASE("scenario settings and mix travel with it") {
    auto db = fixture_db();
    create_scenario(db.sql(), "s", kCurrentScenario);
    auto s = load_scenario(db.sql(), "s");
    set_setting(s, "ratio.threshold", 7);
    set_mix(s, "growth");
    save_scenario(db.sql(), s);
    const auto back = load_scenario(db.sql(), "s");
    CHECK(back.settings.get("ratio.threshold") == 7);
    CHECK(back.mix == "growth");
    REQUIRE_THROWS_AS(set_setting(s, "ratio.treshold", 7), Error);
}

TEST_CASE("removing makers takes the newest generated ones, counting -new-10 after -new-9") {
    auto db = fixture_db();
    create_scenario(db.sql(), "s", kCurrentScenario);
    auto s = load_scenario(db.sql(), "s");
    change_makers(s, "D", 12);
    change_makers(s, "D", -3);
    std::vector<std::string> left;
    for (const auto& p : s.org.people)
        if (p.id.rfind("D-new-", 0) == 0) left.push_back(p.id);
    std::sort(left.begin(), left.end(), [](const auto& a, const auto& b) { return text::natural_less(a, b); });
    REQUIRE(left.size() == 9);
    CHECK(left.back() == "D-new-9");
}
