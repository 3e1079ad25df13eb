#include "orgplan/planning/mentoring.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "orgplan/analysis/coaching.hpp"
#include "orgplan/planning/min_cost_flow.hpp"
#include "orgplan/base/number.hpp"
#include "orgplan/analysis/ratios.hpp"

namespace orgplan {
namespace {

// What a PM works on, as small sorted id lists so shared products and segments are cheap to test.
struct Profile {
    std::vector<int> products, segments;
    int location = -1;
    std::string leader; // nearest product leader (themselves for a leader)
};

bool intersects(const std::vector<int>& a, const std::vector<int>& b) {
    for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
        if (a[i] == b[j]) return true;
        a[i] < b[j] ? ++i : ++j;
    }
    return false;
}

class Interner {
public:
    int id(const std::string& s) { return ids_.emplace(s, static_cast<int>(ids_.size())).first->second; }

private:
    std::unordered_map<std::string, int> ids_;
};

} // namespace

MentoringPlan plan_mentoring(const Org& org, const Settings& settings, std::size_t candidates,
                             const PairingCosts& costs) {
    MentoringPlan plan;
    plan.novice_hours = settings.get("coaching.novice_hours");
    const auto coverage = compute_coverage(org, org.assignments);

    // Profiles: products and segments each PM covers, their location and nearest leader.
    Interner products, segments, locations;
    const auto segment_of = effective_segments(org);
    std::unordered_map<std::string, Profile> profile;
    for (const auto& [pm, teams] : coverage.pm_team)
        for (const auto& [t, fte] : teams) {
            const auto& team = org.teams[t];
            auto& prof = profile[pm];
            if (!team.product_id.empty()) prof.products.push_back(products.id(team.product_id));
            if (!segment_of[t].empty()) prof.segments.push_back(segments.id(segment_of[t]));
        }
    for (const auto& a : org.assignments) {
        if (a.kind == TargetKind::product) profile[a.pm_id].products.push_back(products.id(a.target_id));
        if (a.kind == TargetKind::segment) profile[a.pm_id].segments.push_back(segments.id(a.target_id));
    }
    const auto groups = coaching_groups(org, settings);
    for (const auto& g : groups.groups) {
        profile[g.leader_id].leader = g.leader_id;
        for (const auto& n : g.novices) profile[n].leader = g.leader_id;
        for (const auto& s : g.seniors) profile[s].leader = g.leader_id;
    }
    // In a flat org seniors have no leader above them; they mentor all the same.
    const auto free_seniors = leaderless_seniors(org, settings);
    for (const auto& s : free_seniors) profile[s];
    for (const auto& n : groups.novices_without_leader) profile[n];
    std::unordered_map<std::string, const Person*> people;
    for (const auto& p : org.people) {
        people.emplace(p.id, &p);
        auto it = profile.find(p.id);
        if (it == profile.end()) continue;
        auto& prof = it->second;
        if (!p.location.empty()) prof.location = locations.id(p.location);
        for (auto* v : {&prof.products, &prof.segments}) {
            std::sort(v->begin(), v->end());
            v->erase(std::unique(v->begin(), v->end()), v->end());
        }
    }

    // Mentors and their whole-novice slots; novices.
    std::vector<std::string> mentor_ids, novice_ids;
    std::vector<int> slots;
    for (const auto& g : groups.groups) {
        mentor_ids.push_back(g.leader_id);
        plan.mentors.push_back({g.leader_id, true, g.leader_hours, 0});
        for (const auto& s : g.seniors) {
            mentor_ids.push_back(s);
            plan.mentors.push_back(
                {s, false, people.at(s)->coaching_hours.value_or(settings.get("coaching.senior_hours")), 0});
        }
        novice_ids.insert(novice_ids.end(), g.novices.begin(), g.novices.end());
    }
    for (const auto& s : free_seniors) {
        mentor_ids.push_back(s);
        plan.mentors.push_back({s, false, people.at(s)->coaching_hours.value_or(settings.get("coaching.senior_hours")), 0});
    }
    novice_ids.insert(novice_ids.end(), groups.novices_without_leader.begin(), groups.novices_without_leader.end());
    for (const auto& m : plan.mentors)
        slots.push_back(plan.novice_hours > 0 ? static_cast<int>(std::floor(m.capacity_hours / plan.novice_hours + 1e-9))
                                              : static_cast<int>(novice_ids.size()));
    plan.novices = novice_ids.size();
    plan.experience_unknown = groups.experience_unknown;

    auto cost_of = [&](std::size_t m, std::size_t n, std::vector<std::string>* why) {
        const auto& pm = profile[mentor_ids[m]];
        const auto& pn = profile[novice_ids[n]];
        int c = costs.base;
        auto credit = [&](bool shared, int amount, const char* label) {
            if (!shared) return;
            c -= amount;
            if (why) why->push_back(label);
        };
        credit(intersects(pm.products, pn.products), costs.product, "product");
        credit(intersects(pm.segments, pn.segments), costs.segment, "segment");
        credit(pm.location >= 0 && pm.location == pn.location, costs.location, "location");
        credit(!pn.leader.empty() && pm.leader == pn.leader, costs.leader, "leader");
        return std::max(0, c);
    };

    // Candidate mentors per novice: those sharing a product, segment, location or leader, best first.
    std::unordered_map<int, std::vector<std::size_t>> by_product, by_segment, by_location;
    std::unordered_map<std::string, std::vector<std::size_t>> by_leader;
    for (std::size_t m = 0; m < mentor_ids.size(); ++m) {
        const auto& p = profile[mentor_ids[m]];
        for (int x : p.products) by_product[x].push_back(m);
        for (int x : p.segments) by_segment[x].push_back(m);
        if (p.location >= 0) by_location[p.location].push_back(m);
        if (!p.leader.empty()) by_leader[p.leader].push_back(m);
    }

    // Nodes: source, mentors, a hub that reaches every novice at the base cost, novices, sink.
    const int M = static_cast<int>(mentor_ids.size()), N = static_cast<int>(novice_ids.size());
    const int source = 0, hub = M + 1, sink = M + N + 2;
    MinCostFlow flow(M + N + 3);
    std::vector<int> mentor_edge(M), hub_edge(M);
    for (int m = 0; m < M; ++m) {
        mentor_edge[m] = flow.add_edge(source, 1 + m, slots[m], 0);
        hub_edge[m] = flow.add_edge(1 + m, hub, slots[m], 0);
    }
    struct PairEdge {
        int edge, mentor, novice;
    };
    std::vector<PairEdge> pair_edges;
    std::vector<int> hub_to_novice(N);
    std::vector<char> seen(M, 0);
    for (int n = 0; n < N; ++n) {
        const auto& p = profile[novice_ids[n]];
        std::vector<std::size_t> pool;
        auto take = [&](const std::vector<std::size_t>& bucket) {
            for (auto m : bucket) {
                if (pool.size() >= candidates * 4) return;
                if (!seen[m] && mentor_ids[m] != novice_ids[n]) {
                    seen[m] = 1;
                    pool.push_back(m);
                }
            }
        };
        if (!p.leader.empty())
            if (auto it = by_leader.find(p.leader); it != by_leader.end()) take(it->second);
        for (int x : p.products)
            if (auto it = by_product.find(x); it != by_product.end()) take(it->second);
        for (int x : p.segments)
            if (auto it = by_segment.find(x); it != by_segment.end()) take(it->second);
        if (p.location >= 0)
            if (auto it = by_location.find(p.location); it != by_location.end()) take(it->second);
        for (auto m : pool) seen[m] = 0;
        std::vector<std::pair<int, std::size_t>> ranked;
        for (auto m : pool) ranked.push_back({cost_of(m, n, nullptr), m});
        std::sort(ranked.begin(), ranked.end());
        if (ranked.size() > candidates) ranked.resize(candidates);
        for (const auto& [c, m] : ranked)
            if (c < costs.base) pair_edges.push_back({flow.add_edge(1 + static_cast<int>(m), M + 2 + n, 1, c),
                                                      static_cast<int>(m), n});
        hub_to_novice[n] = flow.add_edge(hub, M + 2 + n, 1, costs.base);
        flow.add_edge(M + 2 + n, sink, 1, 0);
    }
    flow.solve(source, sink);

    // Read the pairings: direct edges, then hub flow matched mentor by mentor.
    std::vector<char> covered(N, 0);
    auto add_pair = [&](int m, int n) {
        Pairing pr{mentor_ids[m], novice_ids[n], plan.novice_hours, 0, {}};
        pr.cost = cost_of(m, n, &pr.why);
        plan.total_cost += pr.cost;
        plan.mentors[m].used_hours += plan.novice_hours;
        covered[n] = 1;
        plan.pairings.push_back(std::move(pr));
    };
    for (const auto& pe : pair_edges)
        if (flow.flow(pe.edge) > 0) add_pair(pe.mentor, pe.novice);
    int n = 0;
    for (int m = 0; m < M; ++m)
        for (auto f = flow.flow(hub_edge[m]); f > 0; --f) {
            while (n < N && flow.flow(hub_to_novice[n]) == 0) ++n;
            if (n == N) break;
            add_pair(m, n++);
        }
    for (int k = 0; k < N; ++k)
        if (!covered[k]) plan.uncovered.push_back(novice_ids[k]);
    std::sort(plan.pairings.begin(), plan.pairings.end(), [](const Pairing& a, const Pairing& b) {
        return a.mentor_id != b.mentor_id ? a.mentor_id < b.mentor_id : a.novice_id < b.novice_id;
    });
    std::stable_sort(plan.mentors.begin(), plan.mentors.end(),
                     [](const MentorLoad& a, const MentorLoad& b) { return a.used_hours > b.used_hours; });
    std::sort(plan.uncovered.begin(), plan.uncovered.end());

    if (!plan.uncovered.empty()) {
        const double gap = plan.uncovered.size() * plan.novice_hours;
        const auto seniors = checked_count(std::ceil(gap / settings.get("coaching.senior_hours") - 1e-9), 1e7, "seniors to hire");
        plan.recommendation = fmt::format(
            "hire {} seasoned senior PM{} instead of newcomers: {} novice{} ({:.1f} h/week) cannot be coached with "
            "today's leaders and seniors",
            seniors, seniors == 1 ? "" : "s", plan.uncovered.size(), plan.uncovered.size() == 1 ? "" : "s", gap);
    } else {
        std::size_t outside = 0;
        for (const auto& p : plan.pairings)
            if (std::find(p.why.begin(), p.why.end(), "leader") == p.why.end()) ++outside;
        plan.recommendation =
            plan.novices == 0 ? "no novice PMs: nothing to do"
            : outside == 0    ? "every novice is coached within their own leader's group"
                              : fmt::format("reassign mentoring as listed: every novice is covered, {} of them by a "
                                            "mentor outside their own leader's group",
                                            outside);
    }
    return plan;
}

} // namespace orgplan
