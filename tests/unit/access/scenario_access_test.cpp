#include <catch2/catch.hpp>

#include "orgplan/access/scenario_access.hpp"

using namespace orgplan;

namespace {

ScenarioFacts facts(ScenarioStatus status, std::vector<std::string> approvers = {}) {
    ScenarioFacts f;
    f.name = "grow";
    f.owner = "pat";
    f.status = status;
    f.shares = {{"vic", false}, {"eve", true}};
    if (status == ScenarioStatus::in_review) f.submitted_by = "eve";
    f.approvers = std::move(approvers);
    return f;
}

bool may(const ScenarioFacts& f, const std::string& user, Role role, ScenarioAct act, bool require = true) {
    return scenario_refusal(f, user, role, act, require).empty();
}

} // namespace

TEST_CASE("a scenario is seen by its owner, those it is shared with, its reviewers and hr") {
    const auto draft = facts(ScenarioStatus::draft);
    CHECK(may(draft, "pat", Role::planner, ScenarioAct::view));
    CHECK(may(draft, "vic", Role::viewer, ScenarioAct::view));
    CHECK(may(draft, "hana", Role::hr, ScenarioAct::view));
    CHECK_FALSE(may(draft, "olga", Role::planner, ScenarioAct::view));
    CHECK(scenario_refusal(draft, "olga", Role::planner, ScenarioAct::view, true) ==
          "scenario grow is not shared with olga");
    // In review, the approvers it asks see it.
    CHECK(may(facts(ScenarioStatus::in_review, {"olga"}), "olga", Role::planner, ScenarioAct::view));
}

TEST_CASE("only editors change a scenario, a viewer share opens it only") {
    const auto draft = facts(ScenarioStatus::draft);
    CHECK(may(draft, "pat", Role::planner, ScenarioAct::edit));
    CHECK(may(draft, "eve", Role::planner, ScenarioAct::edit));
    CHECK_FALSE(may(draft, "vic", Role::planner, ScenarioAct::edit));
    // Shared for editing, but the role does not plan.
    auto viewer_editor = draft;
    viewer_editor.shares.push_back({"wes", true});
    CHECK_FALSE(may(viewer_editor, "wes", Role::viewer, ScenarioAct::edit));
    CHECK_FALSE(may(facts(ScenarioStatus::merged), "pat", Role::planner, ScenarioAct::edit));
    CHECK(may(draft, "pat", Role::planner, ScenarioAct::share));
    CHECK_FALSE(may(draft, "eve", Role::planner, ScenarioAct::share));
}

TEST_CASE("the author never approves, approvers are the named users or else hr and admin") {
    const auto review = facts(ScenarioStatus::in_review);
    CHECK_FALSE(may(review, "pat", Role::admin, ScenarioAct::review)); // the owner, even an admin
    CHECK_FALSE(may(review, "eve", Role::hr, ScenarioAct::review));    // who submitted
    CHECK(may(review, "hana", Role::hr, ScenarioAct::review));
    CHECK_FALSE(may(review, "olga", Role::planner, ScenarioAct::review));
    const auto named = facts(ScenarioStatus::in_review, {"olga"});
    CHECK(may(named, "olga", Role::planner, ScenarioAct::review));
    CHECK_FALSE(may(named, "hana", Role::hr, ScenarioAct::review));
    CHECK_FALSE(may(facts(ScenarioStatus::draft), "hana", Role::hr, ScenarioAct::review));
}

TEST_CASE("only an approved scenario is merged where approval is required") {
    CHECK_FALSE(may(facts(ScenarioStatus::draft), "hana", Role::hr, ScenarioAct::merge));
    CHECK(scenario_refusal(facts(ScenarioStatus::in_review), "pat", Role::planner, ScenarioAct::merge, true)
              .find("only an approved scenario is merged") != std::string::npos);
    CHECK(may(facts(ScenarioStatus::approved), "pat", Role::planner, ScenarioAct::merge));
    CHECK_FALSE(may(facts(ScenarioStatus::approved), "vic", Role::viewer, ScenarioAct::merge));
    // Without the requirement, hr merges a draft; a planner still needs the approval.
    CHECK(may(facts(ScenarioStatus::draft), "hana", Role::hr, ScenarioAct::merge, false));
    CHECK_FALSE(may(facts(ScenarioStatus::draft), "pat", Role::planner, ScenarioAct::merge, false));
    CHECK_FALSE(may(facts(ScenarioStatus::merged), "hana", Role::hr, ScenarioAct::merge, false));
}

TEST_CASE("the facts of a review come from its last submission") {
    ScenarioInfo info;
    info.name = "grow";
    info.owner = "pat";
    info.status = ScenarioStatus::in_review;
    const auto f = scenario_facts(info, {}, {{"t1", "pat", "submit", "", {"olga"}},
                                             {"t2", "hana", "reject", "no", {}},
                                             {"t3", "eve", "submit", "again", {}}});
    CHECK(f.submitted_by == "eve");
    CHECK(f.approvers.empty());
}
