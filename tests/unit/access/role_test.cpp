#include <catch2/catch.hpp>

#include "orgplan/access/role.hpp"
#include "orgplan/base/error.hpp"

using namespace orgplan;

TEST_CASE("roles: each role may what it says, and no more") {
    for (const auto role : {Role::viewer, Role::planner, Role::hr, Role::admin}) CHECK(role_may(role, Action::read_answers));
    CHECK_FALSE(role_may(Role::viewer, Action::see_group_costs));
    CHECK_FALSE(role_may(Role::viewer, Action::see_personal_fields));
    CHECK_FALSE(role_may(Role::viewer, Action::plan_scenarios));
    CHECK(role_may(Role::planner, Action::see_group_costs));
    CHECK(role_may(Role::planner, Action::plan_scenarios));
    CHECK_FALSE(role_may(Role::planner, Action::see_personal_fields));
    CHECK_FALSE(role_may(Role::planner, Action::edit_org));
    CHECK(role_may(Role::hr, Action::see_personal_fields));
    CHECK(role_may(Role::hr, Action::edit_org));
    CHECK(role_may(Role::hr, Action::read_change_log));
    CHECK_FALSE(role_may(Role::hr, Action::manage_users));
    CHECK(role_may(Role::admin, Action::manage_users));
}

TEST_CASE("roles: names read back, and an unknown one lists the four") {
    for (const auto role : {Role::viewer, Role::planner, Role::hr, Role::admin})
        CHECK(parse_role(to_string(role)) == role);
    CHECK_THROWS_WITH(parse_role("boss"), Catch::Contains("viewer, planner, hr or admin"));
    CHECK_THROWS_AS(parse_role("Admin"), Error);
}
