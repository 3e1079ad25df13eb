#include <catch2/catch.hpp>

#include "../fixture.hpp"
#include "orgplan/planning/scenario_steps.hpp"
#include "orgplan/storage/scenario_store.hpp"

using namespace orgplan;
using namespace orgplan::test;
using nlohmann::json;

namespace {

// The ratios fixture with scenario "s" of ann.
Database fixture_db() {
    auto db = fixture_database();
    create_scenario(db, "s", kCurrentScenario, "ann");
    return db;
}

const CheckMix any_mix = [](const std::string&) {};

void apply(Scenario& s, const json& options) {
    for (const auto& step : split_steps(options)) apply_step(s, step, any_mix, "ann", "2026-12-05T10:00:00Z");
}

const Person& person(const Scenario& s, const std::string& id) {
    for (const auto& p : s.org.people)
        if (p.id == id) return p;
    throw Error("no " + id);
}

std::vector<std::string> teams_of(const Scenario& s, const std::string& id) {
    std::vector<std::string> out;
    for (const auto& m : s.org.memberships)
        if (m.person_id == id) out.push_back(m.team_id);
    return out;
}

} // namespace

TEST_CASE("apply's options split into one step per change, companions kept with their change") {
    const auto steps = split_steps({{"move-pm", "pm3"}, {"to", "team:D"}, {"share", 0.5},
                                    {"add-makers", {"A=2", "B=-1"}}, {"quarter", "2027-Q2"}, {"set", "ratio.threshold=8"}});
    REQUIRE(steps.size() == 4);
    CHECK(steps[0] == json{{"move-pm", "pm3"}, {"to", "team:D"}, {"share", 0.5}});
    CHECK(steps[1] == json{{"add-makers", "A=2"}, {"quarter", "2027-Q2"}});
    CHECK(steps[2] == json{{"add-makers", "B=-1"}, {"quarter", "2027-Q2"}});
    CHECK(steps[3] == json{{"set", "ratio.threshold=8"}});
    CHECK_THROWS_WITH(split_steps({{"teleport", "x"}}), Catch::Contains("no option --teleport"));
    CHECK_THROWS_WITH(split_steps({{"to", "team:D"}}), Catch::Contains("--to goes with --move-pm"));
    CHECK_THROWS_WITH(split_steps({{"mix", {"a", "b"}}}), Catch::Contains("--mix takes one value"));
    CHECK_THROWS_AS(split_steps(json::object()), StepFormatError);
    CHECK_THROWS_AS(split_steps(json::array()), StepFormatError);
}

TEST_CASE("steps are recorded with who made them, and written wrongly they say how to write them") {
    auto db = fixture_db();
    auto s = load_scenario(db, "s");
    apply(s, {{"set-fte", "m1=0.5"}});
    REQUIRE(s.steps.size() == 1);
    CHECK(s.steps[0].options == json{{"set-fte", "m1=0.5"}});
    CHECK(s.steps[0].text == "FTE of m1 0.5 (was 1)");
    CHECK(s.steps[0].by == "ann");
    CHECK(person(s, "m1").fte == 0.5);
    CHECK_THROWS_AS(apply(s, {{"set-fte", "m1"}}), StepFormatError);
    CHECK_THROWS_AS(apply(s, {{"set-fte", "m1=2"}}), StepFormatError);
    CHECK_THROWS_AS(apply(s, {{"move-pm", "pm3"}, {"to", "squad:x"}}), StepFormatError);
    CHECK_THROWS_AS(apply(s, {{"set", "no.such=1"}}), StepFormatError);
    CHECK_THROWS_AS(apply(s, {{"set-fte", "nobody=0.5"}}), Error);
    const auto saved_from = s.version;
    save_scenario(db, s);
    const auto again = load_scenario(db, "s");
    CHECK(s.version == again.version); // the saved scenario is brought up to date
    CHECK(s.steps[0].version == again.version);
    REQUIRE(again.steps.size() == 1);
    CHECK(again.steps[0].at == "2026-12-05T10:00:00Z");
    CHECK(again.version == saved_from + 1);
}

TEST_CASE("people move to another manager or team, never under themselves, and allocations stay within 1") {
    auto db = fixture_db();
    auto s = load_scenario(db, "s");
    apply(s, {{"move-person", "pm1"}, {"to-manager", "L2"}});
    CHECK(person(s, "pm1").manager_id == "L2");
    // L1 reports to L2: L2 cannot report to L1's report... nor to anyone below.
    CHECK_THROWS_WITH(apply(s, {{"move-person", "L2"}, {"to-manager", "L1"}}), Catch::Contains("reports to"));
    CHECK_THROWS_AS(apply(s, {{"move-person", "L2"}, {"to-manager", "L2"}}), Error);
    apply(s, {{"move-person", "m3"}, {"to-team", "B"}});
    CHECK(teams_of(s, "m3") == std::vector<std::string>{"B"});
    CHECK_THROWS_WITH(apply(s, {{"allocate", "m5=C:0.5"}}), Catch::Contains("over 1")); // all of m5 is in B
    apply(s, {{"allocate", "m5=B:0.5"}});
    apply(s, {{"allocate", "m5=C:0.5"}});
    CHECK_THROWS_WITH(apply(s, {{"allocate", "m5=D:0.5"}}), Catch::Contains("over 1"));
    apply(s, {{"allocate", "m5=B:0"}});
    CHECK(teams_of(s, "m5") == std::vector<std::string>{"C"});
    CHECK(s.steps.back().text == "m5 leaves team B");
}

TEST_CASE("positions open, close and plan departures in a scenario") {
    auto db = fixture_db();
    auto s = load_scenario(db, "s");
    apply(s, {{"open-role", "D"}, {"family", "pm"}, {"fte", 0.5}, {"quarter", "2027-Q1"}});
    REQUIRE(s.org.positions.size() == 1);
    const auto open = s.org.positions[0];
    CHECK(open.family == Family::pm);
    CHECK(open.fte == 0.5);
    CHECK(open.quarter == "2027-Q1");
    apply(s, {{"depart", "m9"}});
    REQUIRE(s.org.positions.size() == 2);
    CHECK(s.org.positions[1].person_id == "m9");
    CHECK(s.org.positions[1].team_id == "C");
    CHECK_THROWS_WITH(apply(s, {{"depart", "m9"}}), Catch::Contains("planned departure already"));
    apply(s, {{"close-position", open.id}});
    CHECK(s.org.positions.size() == 1);
    CHECK_THROWS_AS(apply(s, {{"close-position", open.id}}), Error);
    CHECK_THROWS_AS(apply(s, {{"open-role", "D"}, {"family", "wizard"}}), StepFormatError);
}

TEST_CASE("undo makes the scenario again from its base without the change, or says which change needs it") {
    auto db = fixture_db();
    auto s = load_scenario(db, "s");
    apply(s, {{"add-team", "E"}, {"name", "Team E"}});
    apply(s, {{"set-fte", "m1=0.5"}});
    apply(s, {{"move-person", "m2"}, {"to-team", "E"}});
    save_scenario(db, s);
    const auto stored = load_scenario(db, "s");

    const auto without_fte = without_step(stored, load_scenario_start(db, "s"), 1, any_mix);
    CHECK(person(without_fte, "m1").fte == 1);
    CHECK(teams_of(without_fte, "m2") == std::vector<std::string>{"E"});
    REQUIRE(without_fte.steps.size() == 2);
    CHECK(without_fte.steps[1].options == json{{"move-person", "m2"}, {"to-team", "E"}});
    CHECK(without_fte.owner == "ann");

    // Moving m2 into team E needs the team.
    CHECK_THROWS_WITH(without_step(stored, load_scenario_start(db, "s"), 0, any_mix),
                      Catch::Contains("change 3 ('move m2 to team E') depends on change 1"));
    CHECK_THROWS_WITH(without_step(stored, load_scenario_start(db, "s"), 7, any_mix),
                      Catch::Contains("no change 8"));
    // Undoing the last step gives what the scenario was before it.
    const auto without_move = without_step(stored, load_scenario_start(db, "s"), 2, any_mix);
    CHECK(teams_of(without_move, "m2") == std::vector<std::string>{"A"});
}

TEST_CASE("a step names the people and teams it touches") {
    using Subjects = std::vector<std::pair<std::string, std::string>>;
    CHECK(step_subjects({{"move-person", "a"}, {"to-manager", "b"}, {"to-team", "t"}}) ==
          Subjects{{"person", "a"}, {"person", "b"}, {"team", "t"}});
    CHECK(step_subjects({{"allocate", "a=t:0.5"}}) == Subjects{{"person", "a"}, {"team", "t"}});
    CHECK(step_subjects({{"move-pm", "p"}, {"to", "team:t"}}) == Subjects{{"person", "p"}, {"team", "t"}});
    CHECK(step_subjects({{"add-makers", "t=3"}}) == Subjects{{"team", "t"}});
    CHECK(step_subjects({{"set", "ratio.threshold=8"}}).empty());
}
