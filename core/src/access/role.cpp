#include "orgplan/access/role.hpp"

#include "orgplan/base/error.hpp"

namespace orgplan {

std::string_view to_string(Role role) {
    switch (role) {
    case Role::viewer: return "viewer";
    case Role::planner: return "planner";
    case Role::hr: return "hr";
    case Role::admin: return "admin";
    }
    return "viewer";
}

Role parse_role(std::string_view name) {
    for (const auto role : {Role::viewer, Role::planner, Role::hr, Role::admin})
        if (to_string(role) == name) return role;
    throw Error("unknown role '" + std::string(name) + "': use viewer, planner, hr or admin");
}

bool role_may(Role role, Action action) {
    switch (action) {
    case Action::read_answers: return true;
    case Action::see_group_costs:
    case Action::plan_scenarios: return role != Role::viewer;
    case Action::see_personal_fields:
    case Action::approve_scenarios:
    case Action::edit_org:
    case Action::read_change_log: return role == Role::hr || role == Role::admin;
    case Action::manage_users: return role == Role::admin;
    }
    return false; // an action added without a rule is refused
}

} // namespace orgplan
