#include "orgplan/access/scenario_view.hpp"

#include <unordered_map>
#include <unordered_set>

#include "orgplan/model/targets.hpp"

namespace orgplan {
namespace {

template <typename Records>
std::unordered_set<std::string> ids_of(const Records& records) {
    std::unordered_set<std::string> out;
    for (const auto& r : records) out.insert(r.id);
    return out;
}

// The scenario's records of a kind that the view has.
template <typename Records>
Records kept(const Records& scenario, const std::unordered_set<std::string>& ids) {
    Records out;
    for (const auto& r : scenario)
        if (ids.count(r.id)) out.push_back(r);
    return out;
}

} // namespace

Org scenario_as_seen(const Org& scenario, const Org& live, const Org& view) {
    Org out;
    std::unordered_map<std::string, const Person*> seen;
    for (const auto& p : view.people) seen[p.id] = &p;
    for (auto p : scenario.people) {
        const auto it = seen.find(p.id);
        if (it == seen.end()) continue;
        const auto& v = *it->second;
        p.email = v.email;
        p.location = v.location;
        p.pm_years = v.pm_years;
        p.cost = v.cost;
        p.cost_center = v.cost_center;
        if (!seen.count(p.manager_id)) p.manager_id.clear();
        out.people.push_back(std::move(p));
    }
    auto teams = ids_of(view.teams);
    const auto live_teams = ids_of(live.teams);
    for (const auto& t : scenario.teams)
        if (!live_teams.count(t.id)) teams.insert(t.id); // added by the scenario
    out.teams = kept(scenario.teams, teams);
    out.products = kept(scenario.products, ids_of(view.products));
    out.segments = kept(scenario.segments, ids_of(view.segments));
    out.initiatives = kept(scenario.initiatives, ids_of(view.initiatives));
    out.accounts = kept(scenario.accounts, ids_of(view.accounts));
    for (auto& t : out.teams) {
        if (!has_target(out, TargetKind::product, t.product_id)) t.product_id.clear();
        if (!has_target(out, TargetKind::segment, t.segment_id)) t.segment_id.clear();
    }
    for (const auto& m : scenario.memberships)
        if (seen.count(m.person_id) && teams.count(m.team_id)) out.memberships.push_back(m);
    for (const auto& a : scenario.assignments)
        if (seen.count(a.pm_id) && has_target(out, a.kind, a.target_id)) out.assignments.push_back(a);
    for (const auto& p : scenario.positions)
        if (p.person_id.empty() ? teams.count(p.team_id) > 0 : seen.count(p.person_id) > 0) out.positions.push_back(p);
    out.goals = view.goals;
    out.interrupts = view.interrupts;
    out.task_forces = view.task_forces;
    return out;
}

} // namespace orgplan
