#include <catch2/catch.hpp>

#include "../builtin_plugins.hpp"

using namespace orgplan;
using namespace orgplan::test;


TEST_CASE("ratio-overload fires above the threshold only") {
    OrgBuilder b;
    b.team("hot").makers("hot", 12).team("fine").makers("fine", 10).pm("p1").pm("p2");
    b.assign("p1", TargetKind::team, "hot").assign("p2", TargetKind::team, "fine");
    const auto f = run_check("ratio-overload", b.org);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subject == "hot");
    CHECK(f[0].severity == sdk::Severity::warning);
    CHECK_THAT(f[0].evidence, Catch::Contains("12.0:1"));
    Settings loose;
    loose.set("ratio.threshold", 12);
    CHECK(run_check("ratio-overload", b.org, loose).empty());
}

TEST_CASE("no-pm fires for teams with makers and no PM time") {
    OrgBuilder b;
    b.team("orphan").makers("orphan", 4).team("covered").makers("covered", 4).team("empty").pm("p1");
    b.assign("p1", TargetKind::team, "covered");
    const auto f = run_check("no-pm", b.org);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subject == "orphan");
    CHECK(f[0].severity == sdk::Severity::error);
    b.assign("p1", TargetKind::team, "orphan", 0.0001);
    b.org.assignments[0].share = 0.9;
    CHECK(run_check("no-pm", b.org).empty());
}

TEST_CASE("pm-spread fires above the spread limit") {
    OrgBuilder b;
    for (const auto* t : {"a", "b", "c", "d"}) b.team(t).makers(t, 2);
    b.pm("p1");
    for (const auto* t : {"a", "b", "c"}) b.assign("p1", TargetKind::team, t, 0.25);
    CHECK(run_check("pm-spread", b.org).empty());
    b.assign("p1", TargetKind::team, "d", 0.25);
    const auto f = run_check("pm-spread", b.org);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subject == "p1");
}

TEST_CASE("novice-coaching counts leader and senior hours against novices") {
    OrgBuilder b;
    b.leader("lead"); // 5 h by default
    for (int i = 0; i < 5; ++i) b.pm("n" + std::to_string(i), 1, Origin::newcomer, "lead");
    CHECK(run_check("novice-coaching", b.org).empty());
    b.pm("t1", 9, Origin::internal_transfer, "lead"); // transfers are novices as PMs whatever their years
    auto f = run_check("novice-coaching", b.org);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subject == "lead");
    CHECK_THAT(f[0].evidence, Catch::Contains("6 novice PMs") && Catch::Contains("1 novices go without"));
    CHECK_THAT(f[0].recommendation, Catch::Contains("hire 1 seasoned senior"));
    b.pm("senior", 8, Origin::external_senior, "lead"); // +2 h
    CHECK(run_check("novice-coaching", b.org).empty());
}

TEST_CASE("novice-coaching flags novices with no leader above them") {
    OrgBuilder b;
    b.pm("alone", 0.5, Origin::newcomer);
    const auto f = run_check("novice-coaching", b.org);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subject == "alone");
}

TEST_CASE("leader-coaching-load compares direct novice reports with the leader's hours") {
    OrgBuilder b;
    b.leader("lead", 2.0).pm("n1", 1, Origin::newcomer, "lead").pm("n2", 1, Origin::newcomer, "lead");
    CHECK(run_check("leader-coaching-load", b.org).empty());
    b.pm("n3", 1, Origin::newcomer, "lead");
    const auto f = run_check("leader-coaching-load", b.org);
    REQUIRE(f.size() == 1);
    CHECK_THAT(f[0].evidence, Catch::Contains("3.0 h/week against a capacity of 2.0"));
}

TEST_CASE("hiring-mentoring fires when a plan needs more coaching than is spare") {
    OrgBuilder b;
    b.leader("lead", 3.0).pm("n1", 1, Origin::newcomer, "lead");
    CHECK(run_check("hiring-mentoring", b.org).empty()); // no plan, no finding
    const auto growth = hire("growth", b.org, 5); // 1 senior, 1 transfer, 3 newcomers: needs 4 h, gives 2 h
    CHECK(run_check("hiring-mentoring", b.org, {}, growth).empty()); // spare 2 h covers the net 2 h
    const auto more = hire("growth", b.org, 10); // 2/2/6: needs 8 h, gives 4 h, net 4 > spare 2
    const auto f = run_check("hiring-mentoring", b.org, {}, more);
    REQUIRE(f.size() == 1);
    CHECK_THAT(f[0].recommendation, Catch::Contains("hire 1 more seasoned seniors"));
}

TEST_CASE("custom-work-conflict needs both the services incentive and the product goal") {
    OrgBuilder b;
    b.goal(goal("svc", "services", "Grow custom development", "custom work billed", MetricKind::revenue, true));
    CHECK(run_check("custom-work-conflict", b.org).empty());
    b.goal(goal("prod", "product", "Cut specials from the roadmap", "share of roadmap on specials", MetricKind::outcome));
    const auto f = run_check("custom-work-conflict", b.org);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subject == "svc");
    b.org.goals[0].incentive = false;
    CHECK(run_check("custom-work-conflict", b.org).empty());
}

TEST_CASE("quota-relief-unsupported fires for retired or unsupported products only") {
    OrgBuilder b;
    b.product("old", ProductStatus::retired).product("new", ProductStatus::active);
    auto g = goal("s1", "sales", "Renewals", "bookings", MetricKind::revenue, true);
    g.product_ids = {"new"};
    b.goal(g);
    CHECK(run_check("quota-relief-unsupported", b.org).empty());
    b.org.goals[0].product_ids = {"old"};
    const auto f = run_check("quota-relief-unsupported", b.org);
    REQUIRE(f.size() == 1);
    CHECK_THAT(f[0].evidence, Catch::Contains("retired"));
}

TEST_CASE("support-activity-metric fires on activity metrics, error with an incentive") {
    OrgBuilder b;
    b.goal(goal("sup", "support", "Resolve issues", "first-contact resolution", MetricKind::outcome, true));
    CHECK(run_check("support-activity-metric", b.org).empty());
    b.goal(goal("sup2", "support", "Short calls", "average call duration", MetricKind::activity, true));
    const auto f = run_check("support-activity-metric", b.org);
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == sdk::Severity::error);
}

TEST_CASE("funnel-without-quality fires on volume targets with no quality goal") {
    OrgBuilder b;
    b.goal(goal("mql", "marketing", "More leads", "MQLs per month", MetricKind::output, true));
    b.goal(goal("win", "sales", "Win rate", "conversion of leads to deals", MetricKind::outcome, true));
    const auto f = run_check("funnel-without-quality", b.org);
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == sdk::Severity::warning);
    b.goal(goal("q", "marketing", "Better leads", "sales-accepted lead rate", MetricKind::outcome));
    CHECK(run_check("funnel-without-quality", b.org).empty());
}

TEST_CASE("output-only-okr fires when every key result is output") {
    OrgBuilder b;
    auto kr1 = goal("k1", "engineering", "Ship features", "features shipped", MetricKind::output);
    auto kr2 = goal("k2", "engineering", "Hit dates", "releases on time", MetricKind::output);
    kr1.objective = kr2.objective = "Ship it";
    b.goal(kr1).goal(kr2);
    const auto f = run_check("output-only-okr", b.org);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subject == "Ship it");
    auto kr3 = goal("k3", "engineering", "Adoption", "weekly users of new features", MetricKind::outcome);
    kr3.objective = "Ship it";
    b.goal(kr3);
    CHECK(run_check("output-only-okr", b.org).empty());
}

TEST_CASE("no-counter-metric fires for a North Star without one") {
    OrgBuilder b;
    auto ns = goal("ns", "product", "North Star", "weekly active teams", MetricKind::outcome);
    ns.north_star = true;
    b.goal(ns);
    const auto f = run_check("no-counter-metric", b.org);
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == sdk::Severity::warning);
    b.org.goals[0].counter_metric = "support tickets per team";
    CHECK(run_check("no-counter-metric", b.org).empty());
}

// ---- the org's shape ------------------------------------------------------------------------------------
