// Who may do what with a scenario: its owner, those it is shared with, its approvers, and the roles that see and
// change the whole org. The one place that answers it; the server asks for every scenario request.
#pragma once

#include <string>
#include <vector>

#include "orgplan/access/role.hpp"
#include "orgplan/model/scenario.hpp"
#include "orgplan/storage/scenario_review_store.hpp"

namespace orgplan {

/// What is known of a scenario that decides who may act on it.
struct ScenarioFacts {
    std::string name, owner;
    ScenarioStatus status = ScenarioStatus::draft;
    std::vector<ScenarioShare> shares;
    std::string submitted_by;           ///< of the open submission; empty when it is not in review
    std::vector<std::string> approvers; ///< named by the open submission; empty: anyone whose role approves
};
/// The facts from the review's record: who submitted last and whom it asked.
ScenarioFacts scenario_facts(const ScenarioInfo& info, std::vector<ScenarioShare> shares,
                             const std::vector<ReviewEntry>& reviews);

enum class ScenarioAct {
    view,   ///< open it: changes, impact, chart
    edit,   ///< apply and undo changes
    share,  ///< share it with others or take a share back
    submit, ///< ask for review, or withdraw the request
    review, ///< approve or reject
    merge,  ///< merge into the live org
    remove, ///< delete it
};

/// Empty when `user` with `role` may do `act` on the scenario; else why not, for people ("only its owner ...").
/// `require_approval`: only an approved scenario is merged (setting scenario.require_approval).
std::string scenario_refusal(const ScenarioFacts& facts, const std::string& user, Role role, ScenarioAct act,
                             bool require_approval);

} // namespace orgplan
