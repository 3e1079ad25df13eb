// Who may do what: the four roles of a shared org and the actions each allows. The one place that answers
// "may this role do this"; the server asks it for every request, the CLI's user commands check names against it.
#pragma once

#include <string>
#include <string_view>

namespace orgplan {

/// What a signed-in user is allowed to see and do, from least to most.
enum class Role {
    viewer,  ///< structure, ratios, spans, findings; no personal field beyond name, title, team and manager
    planner, ///< a viewer who also plans (scenarios) and sees costs as totals over groups of people
    hr,      ///< sees and edits everything in the org
    admin,   ///< hr, and manages users and tokens
};

/// What a request asks to do; each route names one.
enum class Action {
    read_answers,        ///< pages and read answers (every role)
    see_personal_fields, ///< email, location, experience, cost and cost center of each person
    see_group_costs,     ///< costs, as totals over groups of at least `serve.cost_group_min` people
    plan_scenarios,      ///< create and change scenarios
    approve_scenarios,   ///< approve or reject others' scenarios submitted for review without named approvers
    edit_org,            ///< change people and teams, import
    read_change_log,     ///< the change log (it quotes old and new values)
    manage_users,        ///< add, remove and change users and tokens
};

std::string_view to_string(Role role);
/// The role named `name`, or orgplan::Error listing the four roles.
Role parse_role(std::string_view name);
/// Whether `role` may do `action`.
bool role_may(Role role, Action action);

} // namespace orgplan
