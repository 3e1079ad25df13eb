#include <catch2/catch.hpp>

#include "../builtin_plugins.hpp"

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("investment-on-retired fires for makers on retired or unsupported products above the setting") {
    OrgBuilder b;
    b.product("old", ProductStatus::retired).product("live").team("t-old", "old").makers("t-old", 2);
    b.team("t-live", "live").makers("t-live", 5);
    const auto f = run_check("investment-on-retired", b.org);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subject == "old");
    CHECK(f[0].severity == sdk::Severity::error);
    CHECK_THAT(f[0].evidence, Catch::Contains("2.0 maker FTE work on retired product old"));
    Settings tolerant;
    tolerant.set("portfolio.retired_makers_max", 2);
    CHECK(run_check("investment-on-retired", b.org, tolerant).empty());
}

TEST_CASE("fragmented-product fires for a product over more teams than the setting with no product PM") {
    OrgBuilder b;
    b.product("big");
    for (const auto* t : {"a", "b", "c", "d"}) b.team(t, "big").makers(t, 2);
    b.pm("p1").pm("p2").assign("p1", TargetKind::team, "a").assign("p2", TargetKind::team, "b");
    const auto f = run_check("fragmented-product", b.org);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subject == "big");
    CHECK_THAT(f[0].evidence, Catch::Contains("split over 4 teams") && Catch::Contains("2 PMs cover parts of it"));
    b.pm("owner").assign("owner", TargetKind::product, "big");
    CHECK(run_check("fragmented-product", b.org).empty()); // a PM owns the whole product
    OrgBuilder c;
    c.product("small");
    for (const auto* t : {"a", "b", "c"}) c.team(t, "small").makers(t, 2);
    CHECK(run_check("fragmented-product", c.org).empty());
}

TEST_CASE("orphan-goal fires for goals of products no PM covers") {
    OrgBuilder b;
    b.product("lonely").product("cared").team("t1", "lonely").makers("t1", 3).team("t2", "cared").makers("t2", 3);
    b.pm("p1").assign("p1", TargetKind::team, "t2");
    auto g = goal("g1", "sales", "Grow lonely", "revenue", MetricKind::revenue);
    g.product_ids = {"lonely"};
    auto h = goal("g2", "marketing", "Grow cared", "signups", MetricKind::outcome);
    h.product_ids = {"cared"};
    b.goal(g).goal(h);
    const auto f = run_check("orphan-goal", b.org);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subject == "g1");
    CHECK_THAT(f[0].evidence, Catch::Contains("about product lonely, which no PM covers"));
    b.assign("p1", TargetKind::team, "t1", 0.5);
    b.org.assignments[0].share = 0.5;
    CHECK(run_check("orphan-goal", b.org).empty());
}
