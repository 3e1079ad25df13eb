#include <catch2/catch.hpp>

#include "../org_builder.hpp"
#include "orgplan/access/scenario_view.hpp"

using namespace orgplan;
using namespace orgplan::test;

namespace {

// The live org: a leader L with PM p1 and maker m1 in team t1; outside the view, x1 (a maker in team t2).
Org live_org() {
    Org o;
    o.people = {person("L", Family::product_leader), person("p1", Family::pm, 1, "L"), person("m1", Family::maker, 1, "L"),
                person("x1", Family::maker)};
    o.people[2].cost = 150000;
    o.teams = {{"t1", "T1", "", "", "", ""}, {"t2", "T2", "", "", "", ""}};
    o.memberships = {{"m1", "t1", 1}, {"x1", "t2", 1}};
    o.assignments = {{"p1", TargetKind::team, "t1", 1}};
    return o;
}

// The caller's view: L's part, with costs as group means.
Org view_org() {
    auto v = live_org();
    v.people.pop_back();
    v.teams.pop_back();
    v.memberships.pop_back();
    v.people[2].cost = 120000;
    return v;
}

const Person* find(const Org& o, const std::string& id) {
    for (const auto& p : o.people)
        if (p.id == id) return &p;
    return nullptr;
}

} // namespace

TEST_CASE("a scenario seen through a view keeps the scenario's structure and the view's fields") {
    auto scenario = live_org();
    scenario.people[2].fte = 0.5;               // a change the scenario made
    scenario.people[1].manager_id = "x1";       // to a manager outside the view
    scenario.teams.push_back({"t3", "T3", "", "", "", ""}); // a team the scenario added
    scenario.memberships.push_back({"m1", "t3", 0});
    scenario.positions.push_back({});
    scenario.positions.back().id = "s:t3:open-1";
    scenario.positions.back().team_id = "t3";
    const auto seen = scenario_as_seen(scenario, live_org(), view_org());
    CHECK(seen.people.size() == 3);
    CHECK(find(seen, "x1") == nullptr);
    CHECK(find(seen, "m1")->fte == 0.5);
    CHECK(find(seen, "m1")->cost == 120000); // the view's group mean, never the person's own
    CHECK(find(seen, "p1")->manager_id.empty());
    CHECK(seen.teams.size() == 2); // t1 and the added t3; t2 is outside
    CHECK(seen.memberships.size() == 2);
    CHECK(seen.positions.size() == 1);
    CHECK(seen.assignments.size() == 1);
}
