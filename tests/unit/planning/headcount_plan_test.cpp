#include <catch2/catch.hpp>

#include <cmath>

#include "orgplan/planning/headcount_plan.hpp"

using namespace orgplan;

namespace {
PlanInput simple() {
    PlanInput in;
    in.quarters = 4;
    in.team_makers = {100};
    in.team_growth = {0.0};
    in.pm_fte = 8;
    in.pm_count = 8;
    in.threshold = 10;
    in.pm_attrition = 0;
    in.maker_attrition = 0;
    in.hires[0] = {1.0, 0, 0, 100, false}; // seniors only, start at once, no ramp-up
    return in;
}
} // namespace

TEST_CASE("with instant hires and no attrition the plan hires exactly to the threshold") {
    const auto rows = project_headcount(simple());
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].hires_opened[0] == 2);
    CHECK(rows[0].pm_effective == Approx(10));
    CHECK(rows[0].ratio == Approx(10));
    CHECK(rows[0].added_yearly_cost == Approx(200));
    CHECK(rows[1].hires_opened[0] == 0);
    CHECK(rows[3].ratio == Approx(10));
}

TEST_CASE("lead time and ramp-up delay the effect of hires, which are opened for future makers") {
    auto in = simple();
    in.team_growth = {0.10};
    in.hires[0] = {1.0, 1, 1, 100, false}; // start next quarter, half a PM for one quarter
    const auto rows = project_headcount(in);
    // Horizon 2 quarters: roles for 100 * 1.1^3 = 133.1 makers -> 14 PMs, 6 opened in Q1.
    CHECK(rows[0].hires_opened[0] == 6);
    CHECK(rows[0].arrivals == 0);
    CHECK(rows[0].pm_effective == Approx(8));
    CHECK(rows[1].arrivals == 6);
    CHECK(rows[1].pm_effective == Approx(8 + 3));
    // Q2 opens 1 more for 100 * 1.1^4 = 146.4 makers; it starts in Q3 at half a PM.
    CHECK(rows[1].hires_opened[0] == 1);
    CHECK(rows[2].pm_effective == Approx(14.5));
}

TEST_CASE("mixed hires follow the mix cumulatively and novices raise the coaching need") {
    auto in = simple();
    in.team_makers = {200};
    in.hires[0] = {0.5, 0, 0, 100, false};
    in.hires[2] = {0.5, 0, 0, 60, true};
    in.novice_hours = 1;
    in.senior_hours = 2;
    const auto rows = project_headcount(in);
    CHECK(rows[0].hires_opened[0] + rows[0].hires_opened[2] == 12);
    CHECK(rows[0].hires_opened[0] == 6);
    CHECK(rows[0].coaching_need == Approx(6));
    CHECK(rows[0].coaching_capacity == Approx(12));
}

TEST_CASE("attrition removes PMs and new roles replace them") {
    auto in = simple();
    in.pm_fte = 10;
    in.pm_count = 10;
    in.pm_attrition = 0.5;
    const auto rows = project_headcount(in);
    const double quarterly = 1 - std::pow(0.5, 0.25);
    CHECK(rows[0].pm_attrition == Approx(10 * quarterly));
    CHECK(rows[0].hires_opened[0] == 2); // ceil(10 - 8.41)
}

TEST_CASE("the simulation is reproducible by seed and independent of threads") {
    auto in = simple();
    in.pm_attrition = 0.2;
    in.hires[0] = {1.0, 1, 1, 100, false};
    const auto a = simulate_headcount(in, 500, 7, 0.3, 1);
    const auto b = simulate_headcount(in, 500, 7, 0.3, 2);
    const auto c = simulate_headcount(in, 500, 8, 0.3, 2);
    REQUIRE(a.size() == 4);
    bool differs = false;
    for (std::size_t q = 0; q < a.size(); ++q) {
        CHECK(a[q].within_target == b[q].within_target);
        CHECK(a[q].pm_p50 == b[q].pm_p50);
        CHECK(a[q].ratio_p90 == b[q].ratio_p90);
        differs |= a[q].within_target != c[q].within_target || a[q].ratio_p50 != c[q].ratio_p50;
        CHECK(a[q].pm_p10 <= a[q].pm_p50);
        CHECK(a[q].pm_p50 <= a[q].pm_p90);
    }
    CHECK(differs);
}

TEST_CASE("without randomness the simulation agrees with the projection") {
    const auto in = simple();
    const auto risk = simulate_headcount(in, 50, 1, 0.0);
    const auto rows = project_headcount(in);
    for (std::size_t q = 0; q < risk.size(); ++q) {
        CHECK(risk[q].within_target == 1.0);
        CHECK(risk[q].pm_p50 == Approx(rows[q].pm_headcount));
        CHECK(risk[q].ratio_p50 == Approx(rows[q].ratio));
    }
}

TEST_CASE("hire delays lower the chance of meeting the target") {
    auto in = simple();
    in.hires[0] = {1.0, 1, 0, 100, false};
    const auto sure = simulate_headcount(in, 2000, 3, 0.0);
    const auto late = simulate_headcount(in, 2000, 3, 0.6);
    CHECK(sure[1].within_target == 1.0);
    // Both Q1 hires must start on time in Q2: 0.4 * 0.4 = 0.16.
    CHECK(late[1].within_target == Approx(0.16).margin(0.03));
}

TEST_CASE("the simulation of a large org keeps the projection's expected headcount") {
    // 100,000 PMs leaving at 20% a year, no hiring: the median after each quarter is the projection's expected
    // headcount to within a few PMs (the spread of a binomial of this size is about 60).
    PlanInput in;
    in.quarters = 4;
    in.team_makers = {100000};
    in.team_growth = {0.0};
    in.pm_fte = 100000;
    in.pm_count = 100000;
    in.threshold = 1e9; // nothing to hire
    in.pm_attrition = 0.2;
    in.hires[0] = {1.0, 0, 0, 100, false};
    const auto risk = simulate_headcount(in, 400, 5, 0.0);
    const auto rows = project_headcount(in);
    REQUIRE(risk.size() == rows.size());
    for (std::size_t q = 0; q < risk.size(); ++q) {
        CHECK(risk[q].pm_p50 == Approx(rows[q].pm_headcount).margin(20));
        CHECK(risk[q].pm_p10 < risk[q].pm_p50);
        CHECK(risk[q].pm_p90 > risk[q].pm_p50);
        CHECK(risk[q].pm_p90 - risk[q].pm_p10 < 400);
    }
    CHECK(rows.back().pm_headcount == Approx(80000).epsilon(0.001));
}
