#include "orgplan/access/scenario_access.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "orgplan/model/enums.hpp"

namespace orgplan {
namespace {

bool contains(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// Whether `user` is asked to review the open submission: named, or (none named) of a role that approves. Never
// whoever made the scenario or asked for the review.
bool is_reviewer(const ScenarioFacts& f, const std::string& user, Role role) {
    if (f.status != ScenarioStatus::in_review || user == f.owner || user == f.submitted_by) return false;
    return f.approvers.empty() ? role_may(role, Action::approve_scenarios) : contains(f.approvers, user);
}

} // namespace

ScenarioFacts scenario_facts(const ScenarioInfo& info, std::vector<ScenarioShare> shares,
                             const std::vector<ReviewEntry>& reviews) {
    ScenarioFacts f;
    f.name = info.name;
    f.owner = info.owner;
    f.status = info.status;
    f.shares = std::move(shares);
    for (auto it = reviews.rbegin(); it != reviews.rend(); ++it)
        if (it->action == "submit") {
            f.submitted_by = it->user;
            f.approvers = it->approvers;
            break;
        }
    return f;
}

std::string scenario_refusal(const ScenarioFacts& f, const std::string& user, Role role, ScenarioAct act,
                             bool require_approval) {
    const bool whole_org = role_may(role, Action::edit_org); // hr and admin see and change every scenario
    const bool owner = user == f.owner;
    const auto share = std::find_if(f.shares.begin(), f.shares.end(), [&](const auto& s) { return s.user == user; });
    const bool shared = share != f.shares.end(), editor = owner || whole_org || (shared && share->edit);
    const bool reviewer = is_reviewer(f, user, role);
    const bool viewer = editor || shared || reviewer;
    if (!viewer) return fmt::format("scenario {} is not shared with {}", f.name, user);
    const auto status = std::string(to_string(f.status));
    switch (act) {
    case ScenarioAct::view: return "";
    case ScenarioAct::edit:
        if (!editor || !role_may(role, Action::plan_scenarios))
            return fmt::format("{} may open scenario {} but not change it; its owner {} can share it for editing",
                               user, f.name, f.owner);
        if (f.status == ScenarioStatus::merged) return fmt::format("scenario {} is merged; copy it to plan on", f.name);
        return "";
    case ScenarioAct::share:
    case ScenarioAct::remove:
        if (!owner && role != Role::admin)
            return fmt::format("only the owner of scenario {} ({}) or an admin may {} it", f.name, f.owner,
                               act == ScenarioAct::share ? "share" : "delete");
        return "";
    case ScenarioAct::submit:
        if (!editor || !role_may(role, Action::plan_scenarios))
            return fmt::format("{} may not submit scenario {}: only those who may change it", user, f.name);
        if (f.status != ScenarioStatus::draft && f.status != ScenarioStatus::rejected &&
            f.status != ScenarioStatus::in_review)
            return fmt::format("scenario {} is {}; only a draft or a rejected scenario is submitted", f.name, status);
        return "";
    case ScenarioAct::review:
        if (f.status != ScenarioStatus::in_review)
            return fmt::format("scenario {} is {}, not in review", f.name, status);
        if (user == f.owner || user == f.submitted_by)
            return fmt::format("{} made or submitted scenario {} and may not approve or reject it; another "
                               "approver must", user, f.name);
        if (!reviewer)
            return f.approvers.empty()
                       ? fmt::format("{} ({}) may not approve scenarios; hr and admin users do", user, to_string(role))
                       : fmt::format("the review of scenario {} asks {}", f.name, fmt::join(f.approvers, ", "));
        return "";
    case ScenarioAct::merge:
        if (f.status == ScenarioStatus::merged) return fmt::format("scenario {} is merged already", f.name);
        if (f.status == ScenarioStatus::approved ? !editor : !(whole_org && !require_approval))
            return f.status == ScenarioStatus::approved || !require_approval
                       ? fmt::format("{} may not merge scenario {} into the org", user, f.name)
                       : fmt::format("scenario {} is {}: only an approved scenario is merged (setting "
                                     "scenario.require_approval); submit it for review",
                                     f.name, status);
        return "";
    }
    return "an action without a rule is refused";
}

} // namespace orgplan
