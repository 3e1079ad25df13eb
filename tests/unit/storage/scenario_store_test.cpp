#include <catch2/catch.hpp>

#include "../fixture.hpp"
#include "orgplan/planning/scenario.hpp"
#include "orgplan/storage/scenario_store.hpp"

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("a scenario's version grows with every write, and a change sends an approved one back to draft") {
    auto db = fixture_database();
    create_scenario(db.sql(), "s", kCurrentScenario, "ann");
    auto info = scenario_info(db.sql(), "s");
    REQUIRE(info);
    CHECK(info->owner == "ann");
    CHECK(info->status == ScenarioStatus::draft);
    CHECK(info->version == 1);
    set_scenario_status(db.sql(), "s", ScenarioStatus::approved);
    CHECK(scenario_info(db.sql(), "s")->version == 2);
    auto s = load_scenario(db.sql(), "s");
    CHECK(s.status == ScenarioStatus::approved);
    set_fte(s, "m1", 0.5);
    s.steps.push_back({nlohmann::json{{"set-fte", "m1=0.5"}}, s.changes.back(), "ann", "2026-12-05T10:00:00Z", 0});
    save_scenario(db.sql(), s);
    const auto saved = load_scenario(db.sql(), "s");
    CHECK(saved.status == ScenarioStatus::draft);
    CHECK(saved.version == 3);
    CHECK(saved.steps.back().version == 3); // the version the step was saved with
    mark_scenario_merged(db.sql(), "s");
    CHECK(scenario_info(db.sql(), "s")->status == ScenarioStatus::merged);
    CHECK_FALSE(scenario_info(db.sql(), "nothing"));
    CHECK_THROWS_AS(set_scenario_status(db.sql(), "nothing", ScenarioStatus::draft), Error);
}

TEST_CASE("the scenario as it was created is its base, without its changes") {
    auto db = fixture_database();
    create_scenario(db.sql(), "s", kCurrentScenario, "ann");
    auto s = load_scenario(db.sql(), "s");
    set_fte(s, "m1", 0.5);
    save_scenario(db.sql(), s);
    const auto start = load_scenario_start(db.sql(), "s");
    CHECK(start.changes.empty());
    for (const auto& p : start.org.people)
        if (p.id == "m1") CHECK(p.fte == 1.0);
    CHECK(start.owner == "ann");
}
