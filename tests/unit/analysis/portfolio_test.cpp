#include <catch2/catch.hpp>

#include "orgplan/base/error.hpp"
#include "orgplan/analysis/portfolio.hpp"
#include "orgplan/analysis/ratios.hpp"
#include "../org_builder.hpp"

using namespace orgplan;

namespace {

// Someone with a yearly cost, or none (the portfolio estimates it).
Person person(const std::string& id, Family family, double fte, std::optional<double> cost) {
    auto p = test::person(id, family, fte);
    p.cost = cost;
    return p;
}

// Hand-computed: P1 (active, segment S) has teams T1 and T2, P2 (retired) T3, T4 has no product.
//   makers: m1 (cost 100) T1 1.0; m2 (no cost: default 50, FTE 0.5) T2; m3 (cost 200) T1 0.5 and T3 0.5;
//   m4 (cost 80) T4.  p1 (cost 300) covers product P1, spread by makers: T1 1.5 / T2 0.5 -> 0.75 / 0.25.
//   P1: makers 2.0, PM 1.0, cost 100 + 25 + 100 + 300 = 525 (25 estimated); P2: makers 0.5, cost 100; (none): 80.
Org fixture() {
    Org org;
    org.segments = {{"S", "S"}};
    org.products = {{"P1", "One", ProductStatus::active, "S"}, {"P2", "Two", ProductStatus::retired, ""}};
    org.teams = {{"T1", "T1", "", "P1", "", ""}, {"T2", "T2", "", "P1", "", ""}, {"T3", "T3", "", "P2", "", ""},
                 {"T4", "T4", "", "", "", ""}};
    org.people = {person("m1", Family::maker, 1, 100), person("m2", Family::maker, 0.5, std::nullopt),
                  person("m3", Family::maker, 1, 200), person("m4", Family::maker, 1, 80),
                  person("p1", Family::pm, 1, 300)};
    org.memberships = {{"m1", "T1", 1}, {"m2", "T2", 1}, {"m3", "T1", 0.5}, {"m3", "T3", 0.5}, {"m4", "T4", 1}};
    org.assignments = {{"p1", TargetKind::product, "P1", 1}};
    org.accounts = {{"a1", "A1", "S"}};
    Goal outcome, output, other;
    outcome.id = "g1";
    outcome.product_ids = {"P1"};
    output.id = "g2";
    output.metric_kind = MetricKind::output;
    output.product_ids = {"P1"};
    other.id = "g3";
    other.product_ids = {"P2"};
    org.goals = {outcome, output, other};
    return org;
}

Settings defaults() {
    Settings s;
    s.set("cost.default_maker", 50);
    return s;
}

const PortfolioRow& row(const Portfolio& p, const std::string& id) {
    for (const auto& r : p.rows)
        if (r.id == id) return r;
    FAIL("no row " << id);
    throw;
}

} // namespace

TEST_CASE("portfolio: people, cost, ratio and goals per product, hand-computed") {
    const auto p = compute_portfolio(fixture(), defaults(), "product");
    REQUIRE(p.rows.size() == 3);
    CHECK(p.rows[0].id == "P1"); // most cost first
    const auto& one = row(p, "P1");
    CHECK(one.teams == 2);
    CHECK(one.maker_fte == Approx(2.0));
    CHECK(one.pm_fte == Approx(1.0));
    CHECK(*one.ratio == Approx(2.0));
    CHECK(one.cost == Approx(525));
    CHECK(one.estimated_cost == Approx(25));
    CHECK(one.goals == 2);
    CHECK(one.outcome_goals == 1);
    CHECK(one.output_goals == 1);
    CHECK(one.accounts == std::vector<std::string>{"a1"});
    CHECK(one.status == "active");
    CHECK(row(p, "P2").cost == Approx(100));
    CHECK_FALSE(row(p, "P2").ratio);
    CHECK(row(p, "(none)").cost == Approx(80));
    CHECK(p.total_cost == Approx(705));
    CHECK(one.cost_share == Approx(525.0 / 705));
    CHECK(p.winding_down_makers == Approx(0.5));
    CHECK(p.winding_down_cost == Approx(100));
}

TEST_CASE("portfolio groups by status and segment, and refuses other groupings") {
    const auto by_status = compute_portfolio(fixture(), defaults(), "status");
    CHECK(row(by_status, "active").cost == Approx(525));
    CHECK(row(by_status, "retired").maker_fte == Approx(0.5));
    const auto by_segment = compute_portfolio(fixture(), defaults(), "segment");
    CHECK(row(by_segment, "S").teams == 2);
    CHECK(row(by_segment, "(none)").teams == 2); // P2's team and the team without a product
    CHECK_THROWS_AS(compute_portfolio(fixture(), defaults(), "colour"), Error);
    // One pass states the winding-down cost under every grouping, the same figure as the status rows add up to.
    const auto by_product = compute_portfolio(fixture(), defaults(), "product");
    CHECK(by_status.winding_down_cost == Approx(100));
    CHECK(by_product.winding_down_cost == by_status.winding_down_cost);
    CHECK(by_segment.winding_down_cost == by_status.winding_down_cost);
    CHECK(row(by_status, "retired").cost == by_status.winding_down_cost);
}

TEST_CASE("retiring a product releases its makers' time there, and only that") {
    const auto org = fixture();
    const auto after = without_products_makers(org, {"P2"});
    CHECK(after.people.size() == org.people.size()); // m3 keeps half their time, in T1: 0.5 FTE, all of it there
    const auto r = compute_ratios(after, "org", 10, 3);
    CHECK(r.org_makers == Approx(3.5 - 0.5));
    const auto after_p = compute_portfolio(after, defaults(), "product");
    CHECK(after_p.total_cost == Approx(605));
    CHECK(row(after_p, "P1").maker_fte == Approx(2.0)); // T1 keeps m3's half
    const auto gone = without_products_makers(org, {"P1"});
    CHECK(gone.people.size() == org.people.size() - 2); // m1 and m2 had all their time in P1
    CHECK_THROWS_WITH(without_products_makers(org, {"P9"}), Catch::Contains("no product 'P9'"));
}
