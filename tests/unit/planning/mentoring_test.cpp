#include <catch2/catch.hpp>

#include "../builtin_plugins.hpp"
#include "orgplan/analysis/coaching.hpp"
#include "orgplan/planning/mentoring.hpp"

using namespace orgplan;
using namespace orgplan::test;

namespace {
std::string mentor_of(const MentoringPlan& p, const std::string& novice) {
    for (const auto& x : p.pairings)
        if (x.novice_id == novice) return x.mentor_id;
    return "";
}
OrgBuilder two_mentors_two_novices() {
    // Seniors A (product P1, Berlin) and B (product P2); novice n1 works on both products and sits in Berlin,
    // novice n2 only on P1. Everyone reports to leader L, who has no coaching time.
    OrgBuilder b;
    b.product("P1").product("P2").team("T1", "P1").team("T2", "P2");
    b.leader("L", 0.0);
    b.pm("A", 8, Origin::external_senior, "L").pm("B", 8, Origin::external_senior, "L");
    b.pm("n1", 1, Origin::newcomer, "L").pm("n2", 1, Origin::newcomer, "L");
    b.assign("A", TargetKind::team, "T1").assign("B", TargetKind::team, "T2");
    b.assign("n1", TargetKind::team, "T1", 0.5).assign("n1", TargetKind::team, "T2", 0.5);
    b.assign("n2", TargetKind::team, "T1");
    for (auto& p : b.org.people) {
        if (p.id == "A" || p.id == "n1") p.location = "Berlin";
        if (p.id == "A" || p.id == "B") p.coaching_hours = 1.0; // one novice each
    }
    return b;
}
} // namespace

TEST_CASE("the mentoring plan finds the optimum where greedy matching does not") {
    // Costs: A-n1 = 10-4-3-1 = 2, B-n1 = 10-4-1 = 5, A-n2 = 5, B-n2 = 10-1 = 9.
    // Greedy gives n1 its best mentor A (2) and leaves n2 with B (9): 11. The optimum is 5 + 5 = 10.
    const auto plan = plan_mentoring(two_mentors_two_novices().org, Settings{});
    REQUIRE(plan.uncovered.empty());
    CHECK(mentor_of(plan, "n1") == "B");
    CHECK(mentor_of(plan, "n2") == "A");
    CHECK(plan.total_cost == 10);
}

TEST_CASE("mentor capacity is respected and the shortfall becomes a hiring recommendation") {
    auto b = two_mentors_two_novices();
    b.pm("n3", 0, Origin::newcomer, "L").pm("n4", 12, Origin::internal_transfer, "L"); // a transfer is a novice
    const auto plan = plan_mentoring(b.org, Settings{});
    CHECK(plan.novices == 4);
    CHECK(plan.pairings.size() == 2);
    CHECK(plan.uncovered.size() == 2);
    for (const auto& m : plan.mentors) CHECK(m.used_hours <= m.capacity_hours + 1e-9);
    // 2 novices x 1 h = 2 h; a senior gives 2 h.
    CHECK_THAT(plan.recommendation, Catch::Contains("hire 1 seasoned senior PM instead of newcomers"));
}

TEST_CASE("leaders coach with their own hours and settings change the need") {
    OrgBuilder b;
    b.leader("L", 3.0);
    for (int i = 0; i < 4; ++i) b.pm("n" + std::to_string(i), 1, Origin::newcomer, "L");
    auto plan = plan_mentoring(b.org, Settings{});
    CHECK(plan.pairings.size() == 3);
    CHECK(plan.uncovered.size() == 1);
    Settings half;
    half.set("coaching.novice_hours", 0.5);
    plan = plan_mentoring(b.org, half);
    CHECK(plan.uncovered.empty());
    CHECK(plan.recommendation == "every novice is coached within their own leader's group");
}

TEST_CASE("a few candidates per novice still cover everyone capacity allows") {
    auto b = two_mentors_two_novices();
    const auto plan = plan_mentoring(b.org, Settings{}, 1);
    CHECK(plan.uncovered.empty());
    CHECK(plan.pairings.size() == 2);
}

TEST_CASE("more pairs to weigh than coaching.most_pairs allows are refused, with the candidates that fit") {
    auto b = two_mentors_two_novices(); // 2 novices weighing 3 mentors each (A, B and the leader): 6 pairs
    Settings six, five;
    six.set("coaching.most_pairs", 6);
    five.set("coaching.most_pairs", 5);
    CHECK(plan_mentoring(b.org, six).pairings.size() == 2);
    CHECK_THROWS_WITH(plan_mentoring(b.org, five),
                      Catch::Contains("3 candidate mentors for each of 2 novices is 6 pairs, more than "
                                      "coaching.most_pairs (5); ask for at most 2 candidates"));
    CHECK(plan_mentoring(b.org, five, 2).pairings.size() == 2); // 2 candidates each: 4 pairs
}

TEST_CASE("in a flat org with no product leader, senior PMs mentor the novices instead of seniors being hired") {
    OrgBuilder b;
    b.product("P1").team("T1", "P1");
    b.pm("S", 8, Origin::external_senior, "").pm("n", 1, Origin::newcomer, "");
    b.assign("S", TargetKind::team, "T1", 0.5).assign("n", TargetKind::team, "T1", 0.5);
    const auto plan = plan_mentoring(b.org, Settings{});
    CHECK(plan.uncovered.empty());
    CHECK(mentor_of(plan, "n") == "S");
    CHECK_THAT(plan.recommendation, !Catch::Contains("hire"));
    const auto balance = coaching_balance(b.org, Settings{});
    CHECK(balance.capacity == 2);
    CHECK(balance.demand == 1);
}

TEST_CASE("twenty thousand novices: candidates ranked on two threads still reach each novice's own best mentor") {
    // 10,000 seniors without a leader, each alone in their city with room for two novices; two novices in each city.
    // Each novice's only candidate sharing anything is the senior of their city, so the one optimum pairs them so:
    // a candidate list given to the wrong novice (the second thread's half shifted) would pair across cities.
    OrgBuilder b;
    constexpr int kCities = 10000;
    for (int c = 0; c < kCities; ++c) {
        const auto city = std::to_string(c);
        b.pm("s" + city, 8, Origin::external_senior);
        b.pm("n" + city + "a", 1, Origin::newcomer).pm("n" + city + "b", 1, Origin::newcomer);
    }
    for (auto& p : b.org.people) {
        const std::string id = p.id;
        p.location = "city " + id.substr(1, id.find_first_not_of("0123456789", 1) - 1);
        if (p.id[0] == 's') p.coaching_hours = 2.0;
    }
    const auto plan = plan_mentoring(b.org, Settings{});
    CHECK(plan.novices == 2 * kCities);
    CHECK(plan.uncovered.empty());
    REQUIRE(plan.pairings.size() == 2 * kCities);
    std::size_t in_own_city = 0;
    for (const auto& p : plan.pairings)
        if (p.mentor_id.substr(1) == p.novice_id.substr(1, p.novice_id.size() - 2) &&
            std::find(p.why.begin(), p.why.end(), "location") != p.why.end())
            ++in_own_city;
    CHECK(in_own_city == 2 * kCities);
}
