#include <catch2/catch.hpp>

#include "../fixture.hpp"
#include "orgplan/planning/scenario.hpp"
#include "orgplan/storage/scenario_store.hpp"

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("a scenario's version grows with every write, and a change sends an approved one back to draft") {
    auto db = fixture_database();
    create_scenario(db, "s", kCurrentScenario, "ann");
    auto info = scenario_info(db, "s");
    REQUIRE(info);
    CHECK(info->owner == "ann");
    CHECK(info->status == ScenarioStatus::draft);
    CHECK(info->version == 1);
    set_scenario_status(db, "s", ScenarioStatus::approved);
    CHECK(scenario_info(db, "s")->version == 2);
    auto s = load_scenario(db, "s");
    CHECK(s.status == ScenarioStatus::approved);
    set_fte(s, "m1", 0.5);
    s.steps.push_back({nlohmann::json{{"set-fte", "m1=0.5"}}, s.changes.back(), "ann", "2026-12-05T10:00:00Z", 0});
    save_scenario(db, s);
    const auto saved = load_scenario(db, "s");
    CHECK(saved.status == ScenarioStatus::draft);
    CHECK(saved.version == 3);
    CHECK(saved.steps.back().version == 3); // the version the step was saved with
    mark_scenario_merged(db, "s");
    CHECK(scenario_info(db, "s")->status == ScenarioStatus::merged);
    CHECK_FALSE(scenario_info(db, "nothing"));
    CHECK_THROWS_AS(set_scenario_status(db, "nothing", ScenarioStatus::draft), Error);
}

TEST_CASE("the scenario as it was created is its base, without its changes") {
    auto db = fixture_database();
    create_scenario(db, "s", kCurrentScenario, "ann");
    auto s = load_scenario(db, "s");
    set_fte(s, "m1", 0.5);
    save_scenario(db, s);
    const auto start = load_scenario_start(db, "s");
    CHECK(start.changes.empty());
    for (const auto& p : start.org.people)
        if (p.id == "m1") CHECK(p.fte == 1.0);
    CHECK(start.owner == "ann");
}
