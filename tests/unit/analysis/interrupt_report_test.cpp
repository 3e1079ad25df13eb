// Interrupts: whom each one hits, the share of working time they take, grouped and per month, the PM FTE left for
// ratios, and the interrupt-overload diagnostic. Numbers worked out by hand in the comments.
#include <catch2/catch.hpp>

#include "../builtin_plugins.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/analysis/interrupt_report.hpp"
#include "orgplan/analysis/ratios.hpp"

using namespace orgplan;
using orgplan::test::interrupt;
using orgplan::test::run_check;

namespace {

// Someone of `function` (sales, executive...): requesters are told apart by it.
Person person(const std::string& id, Family family, double fte, const std::string& function = "") {
    auto p = test::person(id, family, fte);
    p.function = function;
    return p;
}

// February 2026 has 28 days: four weeks of 40 hours, 160 hours for one FTE.
//   pa (FTE 1) covers team A (8 makers); pb (FTE 0.5) covers team B (share 0.5) and product P (share 0.5);
//   team C (product Q) has no PM.
//   1. s1 -> pa 40 h sales escalation          2. e1 -> pa 24 h executive request
//   3. Dana (customer) -> team B 10 h: pb      4. e1 -> product P 12 h planned: pa (A, share 1) and pb (B 0.5 +
//      P 0.5 = 1) split it 6 / 6                5. s1 -> team C 5 h: nobody covers it
//   pa: 70 h, 64 unplanned, of 160 -> 0.4375 and 0.4. pb: 16 h, 10 unplanned, of 80 -> 0.2 and 0.125.
//   PM team: 1.5 FTE -> 240 hours; 86 of the 91 hours hit a PM.
Org fixture() {
    Org org;
    org.products = {{"P", "Product P", ProductStatus::active, ""}, {"Q", "Product Q", ProductStatus::active, ""}};
    org.teams = {{"A", "Team A", "", "P", "", ""}, {"B", "Team B", "", "P", "", ""}, {"C", "Team C", "", "Q", "", ""}};
    org.people = {person("pa", Family::pm, 1), person("pb", Family::pm, 0.5), person("s1", Family::other, 1, "Sales"),
                  person("e1", Family::other, 1, "executive")};
    for (int i = 0; i < 8; ++i) {
        org.people.push_back(person("m" + std::to_string(i), Family::maker, 1));
        org.memberships.push_back({"m" + std::to_string(i), "A", 1});
    }
    org.assignments = {{"pa", TargetKind::team, "A", 1}, {"pb", TargetKind::team, "B", 0.5},
                       {"pb", TargetKind::product, "P", 0.5}};
    auto dana = interrupt("2026-02-11", "", "", "B", "", 10, InterruptKind::customer_call);
    dana.requester_name = "Dana";
    dana.requester_function = "customer";
    org.interrupts = {interrupt("2026-02-02", "s1", "pa", "", "", 40, InterruptKind::sales_escalation),
                      interrupt("2026-02-10", "e1", "pa", "", "", 24, InterruptKind::executive_request), dana,
                      interrupt("2026-02-12", "e1", "", "", "P", 12, InterruptKind::executive_request, true),
                      interrupt("2026-02-20", "s1", "", "C", "", 5, InterruptKind::sales_escalation)};
    return org;
}

const InterruptRow& row(const InterruptReport& r, const std::string& key) {
    for (const auto& x : r.rows)
        if (x.key == key) return x;
    FAIL("no row " << key);
    throw;
}

} // namespace

TEST_CASE("an interrupt hits the PM named, else the PMs of its team, else of its product, by their shares") {
    const auto org = fixture();
    const sdk::InterruptAttribution who(org);
    const auto to_pm = who.hits(org.interrupts[0]);
    REQUIRE(to_pm.size() == 1);
    CHECK(to_pm[0].pm_id == "pa");
    CHECK(to_pm[0].hours == Approx(40));
    const auto to_team = who.hits(org.interrupts[2]);
    REQUIRE(to_team.size() == 1);
    CHECK(to_team[0].pm_id == "pb");
    const auto to_product = who.hits(org.interrupts[3]);
    REQUIRE(to_product.size() == 2);
    CHECK(to_product[0].pm_id == "pa");
    CHECK(to_product[0].hours == Approx(6));
    CHECK(to_product[1].hours == Approx(6));
    CHECK(who.hits(org.interrupts[4]).empty());
}

TEST_CASE("the logged period is the whole months of the log") {
    auto org = fixture();
    auto p = sdk::logged_period(org.interrupts);
    CHECK(p.from == "2026-02-01");
    CHECK(p.to == "2026-02-28");
    CHECK(p.weeks() == Approx(4));
    org.interrupts.push_back(interrupt("2028-02-03", "s1", "pa", "", "", 1, InterruptKind::other));
    CHECK(sdk::logged_period(org.interrupts).to == "2028-02-29"); // a leap year
    CHECK(interrupt_period(fixture(), "2026-02-10", "").to == "2026-02-28");
    CHECK(interrupt_period(fixture(), "", "2026-02-14").from == "2026-02-01");
    CHECK_THROWS_WITH(interrupt_period(org, "2026-03-01", "2026-02-01"), Catch::Contains("ends (2026-02-01) before"));
    CHECK_THROWS_WITH(interrupt_period(org, "2026-02-30", ""), Catch::Contains("--from '2026-02-30' is not a date"));
}

TEST_CASE("each PM's load is their interrupt hours against their working time") {
    const auto org = fixture();
    const auto loads = sdk::pm_interrupt_loads(org, sdk::logged_period(org.interrupts), 40);
    REQUIRE(loads.size() == 2);
    CHECK(loads[0].pm_id == "pa");
    CHECK(loads[0].available_hours == Approx(160));
    CHECK(loads[0].share() == Approx(0.4375));
    CHECK(loads[0].unplanned_share() == Approx(0.4));
    CHECK(loads[0].top_requesters()[0].first == "s1 (s1)");
    CHECK(loads[0].top_requesters()[0].second == Approx(40));
    CHECK(loads[1].available_hours == Approx(80));
    CHECK(loads[1].share() == Approx(0.2));
    CHECK(loads[1].unplanned_share() == Approx(0.125));
    CHECK(loads[1].top_requesters()[0].first == "Dana (customer, outside the org)");
}

TEST_CASE("interrupts group by PM, requester, function and kind, with shares of PM time and a month trend") {
    const auto org = fixture();
    const auto period = sdk::logged_period(org.interrupts);
    const auto by_pm = interrupt_report(org, "pm", period, 40);
    CHECK(by_pm.count == 5);
    CHECK(by_pm.hours == Approx(91));
    CHECK(by_pm.unplanned_hours == Approx(79));
    CHECK(by_pm.unattributed_hours == Approx(5));
    CHECK(by_pm.pm_fte == Approx(1.5));
    CHECK(by_pm.pm_capacity_hours == Approx(240));
    CHECK(by_pm.rows[0].key == "pa"); // most hours first
    CHECK(row(by_pm, "pa").hours == Approx(70));
    CHECK(row(by_pm, "pa").share == Approx(0.4375));
    CHECK(row(by_pm, "pa").top_requester == "s1 (s1)");
    CHECK(row(by_pm, "pb").count == 2);
    CHECK(row(by_pm, "(none)").hours == Approx(5));
    REQUIRE(by_pm.months.size() == 1);
    CHECK(by_pm.months[0].month == "2026-02");
    CHECK(by_pm.months[0].share == Approx(86.0 / 240));

    const auto by_requester = interrupt_report(org, "requester", period, 40);
    CHECK(row(by_requester, "s1").hours == Approx(45));
    CHECK(row(by_requester, "s1").share == Approx(40.0 / 240)); // team C's 5 hours hit no PM
    CHECK(row(by_requester, "s1").function == "sales");
    CHECK(row(by_requester, "Dana (customer)").function == "customer");
    const auto by_function = interrupt_report(org, "function", period, 40);
    CHECK(row(by_function, "executive").hours == Approx(36));
    CHECK(row(by_function, "executive").unplanned_hours == Approx(24));
    const auto by_kind = interrupt_report(org, "kind", period, 40);
    CHECK(row(by_kind, "sales_escalation").count == 2);
    const auto by_product = interrupt_report(org, "product", period, 40);
    CHECK(row(by_product, "Q").hours == Approx(5)); // through team C
    CHECK(row(by_product, "P").label == "Product P");
    CHECK_THROWS_AS(interrupt_report(org, "colour", period, 40), Error);
}

TEST_CASE("a PM at 8:1 who spends 40% of the week on escalations shows as the 13:1 they live") {
    Org org;
    org.teams = {{"A", "A", "", "", "", ""}};
    org.people = {person("pa", Family::pm, 1)};
    for (int i = 0; i < 8; ++i) {
        org.people.push_back(person("m" + std::to_string(i), Family::maker, 1));
        org.memberships.push_back({"m" + std::to_string(i), "A", 1});
    }
    org.assignments = {{"pa", TargetKind::team, "A", 1}};
    org.interrupts = {interrupt("2026-02-02", "m0", "pa", "", "", 64, InterruptKind::sales_escalation)};
    CHECK(compute_ratios(org, "team", 10, 3).rows[0].ratio == Approx(8));
    CHECK(take_out_interrupts(org, sdk::logged_period(org.interrupts), 40) == Approx(0.4));
    CHECK(compute_ratios(org, "team", 10, 3).rows[0].ratio == Approx(8 / 0.6));
}

TEST_CASE("interrupt-overload fires for PMs above the share, naming the top requesters") {
    const auto org = fixture();
    const auto findings = run_check("interrupt-overload", org);
    REQUIRE(findings.size() == 1); // pa at 40% unplanned; pb at 12.5% stays quiet
    CHECK(findings[0].subject == "pa");
    CHECK_THAT(findings[0].evidence, Catch::Contains("40% of their time") && Catch::Contains("s1 (s1) 40.0 h, e1 (e1) 24.0 h"));
    Settings lenient;
    lenient.set("interrupts.overload_share", 0.4);
    CHECK(run_check("interrupt-overload", org, lenient).empty()); // 40% is not above 40%
    Settings strict;
    strict.set("interrupts.overload_share", 0.1);
    CHECK(run_check("interrupt-overload", org, strict).size() == 2);
}
