#include <catch2/catch.hpp>

#include "../builtin_plugins.hpp"
#include "orgplan/base/error.hpp"

using namespace orgplan;
using namespace orgplan::test;

namespace {
double count_of(const sdk::HiringPlan& p, Origin o) {
    for (const auto& g : p.groups)
        if (g.origin == o) return g.count;
    return -1;
}
} // namespace

TEST_CASE("the built-in mixes split whole hires by their documented shares") {
    const Org org;
    const auto balanced = hire("balanced", org, 10);
    CHECK(count_of(balanced, Origin::external_senior) == 4);
    CHECK(count_of(balanced, Origin::internal_transfer) == 4);
    CHECK(count_of(balanced, Origin::newcomer) == 2);
    const auto senior = hire("senior-heavy", org, 5);
    CHECK(count_of(senior, Origin::external_senior) == 4);
    CHECK(count_of(senior, Origin::internal_transfer) == 1);
    CHECK(count_of(senior, Origin::newcomer) == 0);
    const auto growth = hire("growth", org, 5);
    CHECK(count_of(growth, Origin::newcomer) == 3);
    const auto internal = hire("internal-first", org, 10);
    CHECK(count_of(internal, Origin::internal_transfer) == 7);
}

TEST_CASE("a mix has relative cost and mentoring load from the settings") {
    const auto plan = hire("balanced", Org{}, 10);
    CHECK(plan.total_cost == Approx(4 * 1.0 + 4 * 0.8 + 2 * 0.6));
    CHECK(plan.coaching_need_hours == Approx(6.0));  // transfers and newcomers are novices: 1 h each
    CHECK(plan.coaching_give_hours == Approx(8.0));  // seniors: 2 h each
    Settings s;
    s.set("coaching.novice_hours", 2);
    CHECK(hire("balanced", Org{}, 10, {}, s).coaching_need_hours == Approx(12.0));
}

TEST_CASE("costs follow the org's PM salaries when known") {
    OrgBuilder b;
    b.pm("a").pm("b").pm("c");
    b.org.people[0].cost = 100;
    b.org.people[1].cost = 200;
    b.org.people[2].cost = 300;
    const auto plan = hire("senior-heavy", b.org, 1);
    CHECK(plan.total_cost == Approx(200.0)); // one senior at the median PM cost
}

TEST_CASE("parameters override the shares and bad ones are reported") {
    const auto plan = hire("balanced", Org{}, 4, {{"senior", "1"}, {"transfer", "0"}, {"newcomer", "1"}});
    CHECK(count_of(plan, Origin::external_senior) == 2);
    CHECK(count_of(plan, Origin::newcomer) == 2);
    REQUIRE_THROWS_WITH(hire("balanced", Org{}, 4, {{"senior", "lots"}}), Catch::Contains("parameter 'senior'"));
}
