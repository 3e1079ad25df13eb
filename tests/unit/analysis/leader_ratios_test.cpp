#include <catch2/catch.hpp>

#include "orgplan/analysis/ratios.hpp"
#include "ratios_fixture.hpp"

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("leader ratios include every PM below the leader") {
    const auto r = compute_ratios(fixture_org(), "leader", 10, 3);
    const double pm1 = 3.0 * 0.5 / 0.7 + 2.0, pm2 = 3.0 * 0.2 / 0.7 + 4.5;
    CHECK(row(r, "L1").makers == Approx(pm1 + pm2));
    CHECK(row(r, "L1").pms == Approx(1.5));
    CHECK(row(r, "L1").spread == 2);
    CHECK(row(r, "L2").makers == Approx(pm1 + pm2 + 4.0));
    CHECK(row(r, "L2").pms == Approx(2.5));
    CHECK(row(r, "L2").spread == 4);
}

TEST_CASE("by leader, a team with makers and no PM falls to the leader above its makers, product or unit") {
    Org org;
    const auto person = [&](const std::string& id, Family f, const std::string& manager, const std::string& unit = "") {
        Person p;
        p.id = p.name = id;
        p.family = f;
        p.manager_id = manager;
        p.unit = unit;
        org.people.push_back(p);
    };
    // ceo > L1 > L2 > pmA (covers A of product P1); L3 leads unit Growth. Makers: a1 in A; b1 in B (P1, under an
    // engineering manager, no leader above); c1 in C (reports to L1); d1 in D (unit Growth); e1 in E (nothing).
    person("ceo", Family::other, "");
    person("L1", Family::product_leader, "ceo");
    person("L2", Family::product_leader, "L1");
    person("L3", Family::product_leader, "ceo", "Growth");
    person("pmA", Family::pm, "L2");
    person("em", Family::eng_manager, "ceo");
    person("a1", Family::maker, "em");
    person("b1", Family::maker, "em");
    person("c1", Family::maker, "L1");
    person("d1", Family::maker, "em");
    person("e1", Family::maker, "em");
    org.teams = {{"A", "A", "", "P1", "", ""}, {"B", "B", "", "P1", "", ""}, {"C", "C", "", "P2", "", ""},
                 {"D", "D", "", "", "", "Growth"}, {"E", "E", "", "", "", ""}};
    org.products = {{"P1", "P1", ProductStatus::active, ""}, {"P2", "P2", ProductStatus::active, ""}};
    for (const auto& [m, t] : std::vector<std::pair<std::string, std::string>>{
             {"a1", "A"}, {"b1", "B"}, {"c1", "C"}, {"d1", "D"}, {"e1", "E"}})
        org.memberships.push_back({m, t, 1});
    org.assignments = {{"pmA", TargetKind::team, "A", 1}};
    const auto r = compute_ratios(org, "leader", 10, 3);
    // L2: pmA's team A (1 maker, 1 PM FTE) and B through its product: 2 makers.
    CHECK(row(r, "L2").makers == Approx(2));
    CHECK(row(r, "L2").pms == Approx(1));
    CHECK(row(r, "L2").uncovered_teams == std::vector<std::string>{"B"});
    // L1 is above L2 (A and B) and above c1 (C): 3 makers for 1 PM FTE.
    CHECK(row(r, "L1").makers == Approx(3));
    CHECK(row(r, "L1").uncovered_teams == std::vector<std::string>{"B", "C"});
    // L3 leads the unit of D: its makers and no PM at all.
    CHECK(row(r, "L3").makers == Approx(1));
    CHECK(row(r, "L3").status == RatioStatus::no_pm);
    CHECK(r.unowned_teams == std::vector<std::string>{"E"});
}
