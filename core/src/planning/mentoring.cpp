#include "orgplan/planning/mentoring.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <future>
#include <stdexcept>
#include <unordered_map>

#include <fmt/format.h>

#include "orgplan/analysis/coaching.hpp"
#include "matching_flow.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/base/number.hpp"
#include "orgplan/analysis/ratios.hpp"
#include "orgplan/analysis/shared_work.hpp"
#include "../base/view_map.hpp"

namespace orgplan {
namespace {

// What a PM works on, as small sorted id lists so shared products and segments are cheap to test.
struct Profile {
    std::vector<int> products, segments;
    int location = -1;
    int leader = -1; // nearest product leader (themselves for a leader), interned; -1 for none
};

// A run of sorted ids within a flat list.
struct Ids {
    const int* first;
    const int* last;
    const int* begin() const { return first; }
    const int* end() const { return last; }
};

bool intersects(Ids a, Ids b) {
    for (const int *i = a.first, *j = b.first; i != a.last && j != b.last;) {
        if (*i == *j) return true;
        *i < *j ? ++i : ++j;
    }
    return false;
}

// Small ids for the names profiles compare; the names are views into the org (or the caller's lists), which outlive
// the interner.
class Interner {
public:
    int id(std::string_view s) { return ids_.try_emplace(s, static_cast<int>(ids_.size())).first->second; }

private:
    ViewMap<int> ids_;
};

// The profiles of the org's people by their place in org.people; only possible mentors and novices have one set.
struct Profiles {
    std::vector<Profile> of;
    std::shared_ptr<const PeopleById> people;
    /// The place in org.people of a possible mentor or novice; throws std::out_of_range for an id not in the org.
    std::size_t place(const std::string& id) const {
        const auto at = static_cast<std::size_t>(people->position(id));
        if (at >= of.size()) throw std::out_of_range("no profile for " + id);
        return at;
    }
};

// Profiles of every possible mentor and novice: the products and segments each covers, their location and their
// nearest leader. Ids not in the org (an assignment of someone who left) get none.
Profiles work_profiles(const Org& org, const sdk::Coaching& groups, const std::vector<std::string>& free_seniors) {
    Interner products, segments, locations, leaders;
    const auto coverage = compute_coverage(org, org.assignments);
    const auto segment_of = effective_segments(org);
    Profiles profiles{std::vector<Profile>(org.people.size()), people_by_id(org)};
    std::vector<char> has(org.people.size(), 0);
    Profile ignored; // where the profile of an id not in the org goes
    const auto profile = [&](std::string_view id) -> Profile& {
        const auto at = profiles.people->position(id);
        if (at < 0) return ignored = Profile{};
        has[static_cast<std::size_t>(at)] = 1;
        return profiles.of[static_cast<std::size_t>(at)];
    };
    for (const auto& [pm, teams] : coverage.pm_team) {
        auto& prof = profile(pm);
        for (const auto& [t, fte] : teams) {
            const auto& team = org.teams[t];
            if (!team.product_id.empty()) prof.products.push_back(products.id(team.product_id));
            if (!segment_of[t].empty()) prof.segments.push_back(segments.id(segment_of[t]));
        }
    }
    for (const auto& a : org.assignments) {
        if (a.kind == TargetKind::product) profile(a.pm_id).products.push_back(products.id(a.target_id));
        if (a.kind == TargetKind::segment) profile(a.pm_id).segments.push_back(segments.id(a.target_id));
    }
    for (const auto& g : groups.groups) {
        const int leader = leaders.id(g.leader_id);
        profile(g.leader_id).leader = leader;
        for (const auto& n : g.novices) profile(n).leader = leader;
        for (const auto& s : g.seniors) profile(s).leader = leader;
    }
    for (const auto& s : free_seniors) profile(s);
    for (const auto& n : groups.novices_without_leader) profile(n);
    for (std::size_t i = 0; i < org.people.size(); ++i) {
        if (!has[i]) continue;
        auto& prof = profiles.of[i];
        if (!org.people[i].location.empty()) prof.location = locations.id(org.people[i].location);
        for (auto* v : {&prof.products, &prof.segments}) {
            std::sort(v->begin(), v->end());
            v->erase(std::unique(v->begin(), v->end()), v->end());
        }
    }
    return profiles;
}

// The two sides of the matching: mentors with their whole-novice slots, and novices.
struct Sides {
    std::vector<std::string> mentors, novices;
    std::vector<int> slots;
};

// Leaders and the seniors of their groups, then seniors with no leader above them (in a flat org they mentor all the
// same); each mentor's load starts in plan.mentors.
Sides matching_sides(const Org& org, const Settings& settings, const sdk::Coaching& groups,
                     const std::vector<std::string>& free_seniors, MentoringPlan& plan) {
    const auto people = people_by_id(org);
    Sides sides;
    const auto add_senior = [&](const std::string& id) {
        sides.mentors.push_back(id);
        plan.mentors.push_back(
            {id, false, people->find(id)->coaching_hours.value_or(settings.get("coaching.senior_hours")), 0});
    };
    for (const auto& g : groups.groups) {
        sides.mentors.push_back(g.leader_id);
        plan.mentors.push_back({g.leader_id, true, g.leader_hours, 0});
        for (const auto& s : g.seniors) add_senior(s);
        sides.novices.insert(sides.novices.end(), g.novices.begin(), g.novices.end());
    }
    for (const auto& s : free_seniors) add_senior(s);
    sides.novices.insert(sides.novices.end(), groups.novices_without_leader.begin(), groups.novices_without_leader.end());
    for (const auto& m : plan.mentors)
        sides.slots.push_back(plan.novice_hours > 0
                                  ? static_cast<int>(std::floor(m.capacity_hours / plan.novice_hours + 1e-9))
                                  : static_cast<int>(sides.novices.size()));
    return sides;
}

// The profile of each mentor and novice by their place in Sides, looked up once and laid out flat: pools and pair
// costs read them millions of times, and a profile in a hash node with its lists elsewhere was a cache miss or three
// per read.
class SideProfiles {
public:
    struct Flat {
        std::size_t who; // their place in org.people: tells a novice from themselves among the mentors
        int location, leader;
        std::uint32_t products, segments, end; // their products and segments, in ids_
    };
    SideProfiles(const Profiles& profiles, const Sides& sides) {
        for (const auto& id : sides.mentors) mentors.push_back(flat(profiles, profiles.place(id)));
        for (const auto& id : sides.novices) novices.push_back(flat(profiles, profiles.place(id)));
    }
    Ids products(const Flat& p) const { return {ids_.data() + p.products, ids_.data() + p.segments}; }
    Ids segments(const Flat& p) const { return {ids_.data() + p.segments, ids_.data() + p.end}; }

    std::vector<Flat> mentors, novices;

private:
    Flat flat(const Profiles& profiles, std::size_t who) {
        const auto& p = profiles.of[who];
        Flat f{who, p.location, p.leader, static_cast<std::uint32_t>(ids_.size()), 0, 0};
        ids_.insert(ids_.end(), p.products.begin(), p.products.end());
        f.segments = static_cast<std::uint32_t>(ids_.size());
        ids_.insert(ids_.end(), p.segments.begin(), p.segments.end());
        f.end = static_cast<std::uint32_t>(ids_.size());
        return f;
    }
    std::vector<int> ids_;
};

// What pairing a mentor with a novice costs, and why it is cheaper than the base.
class PairCost {
public:
    PairCost(const SideProfiles& profiles, const PairingCosts& costs) : profiles_(profiles), costs_(costs) {}
    int operator()(std::size_t m, std::size_t n, std::vector<std::string>* why) const {
        const auto& pm = profiles_.mentors[m];
        const auto& pn = profiles_.novices[n];
        int c = costs_.base;
        auto credit = [&](bool shared, int amount, const char* label) {
            if (!shared) return;
            c -= amount;
            if (why) why->push_back(label);
        };
        credit(intersects(profiles_.products(pm), profiles_.products(pn)), costs_.product, "product");
        credit(intersects(profiles_.segments(pm), profiles_.segments(pn)), costs_.segment, "segment");
        credit(pm.location >= 0 && pm.location == pn.location, costs_.location, "location");
        credit(pn.leader >= 0 && pm.leader == pn.leader, costs_.leader, "leader");
        return std::max(0, c);
    }

private:
    const SideProfiles& profiles_;
    const PairingCosts& costs_;
};

// Mentors by what they share with a novice: the novice's leader, products, segments and location.
class MentorIndex {
public:
    MentorIndex(const SideProfiles& profiles, const Sides& sides) : profiles_(profiles) {
        for (std::size_t m = 0; m < sides.mentors.size(); ++m) {
            const auto& p = profiles.mentors[m];
            for (int x : profiles.products(p)) by_product_[x].push_back(m);
            for (int x : profiles.segments(p)) by_segment_[x].push_back(m);
            if (p.location >= 0) by_location_[p.location].push_back(m);
            if (p.leader >= 0) by_leader_[p.leader].push_back(m);
        }
    }
    // Up to `most` mentors sharing something with novice n, leader first, never the novice themselves. `seen` is the
    // caller's scratch, one zero per mentor (each thread asking has its own), left as it was given.
    std::vector<std::size_t> pool(std::size_t n, std::size_t most, std::vector<char>& seen) const {
        const auto& p = profiles_.novices[n];
        std::vector<std::size_t> pool;
        auto take = [&](const std::vector<std::size_t>& bucket) {
            for (auto m : bucket) {
                if (pool.size() >= most) return;
                if (!seen[m] && profiles_.mentors[m].who != p.who) { // one profile per person
                    seen[m] = 1;
                    pool.push_back(m);
                }
            }
        };
        if (p.leader >= 0)
            if (auto it = by_leader_.find(p.leader); it != by_leader_.end()) take(it->second);
        for (int x : profiles_.products(p))
            if (auto it = by_product_.find(x); it != by_product_.end()) take(it->second);
        for (int x : profiles_.segments(p))
            if (auto it = by_segment_.find(x); it != by_segment_.end()) take(it->second);
        if (p.location >= 0)
            if (auto it = by_location_.find(p.location); it != by_location_.end()) take(it->second);
        for (auto m : pool) seen[m] = 0;
        return pool;
    }

private:
    const SideProfiles& profiles_;
    std::unordered_map<int, std::vector<std::size_t>> by_product_, by_segment_, by_location_, by_leader_;
};

// Each novice's direct candidates for novices [begin, end): the `candidates` cheapest mentors of its pool by cost
// and then mentor, as keys with the cost in the high half and the mentor in the low (one compare orders by both;
// mentors are distinct, so the order is total), novice after novice; `counts` gets how many each has.
struct RankedCandidates {
    std::vector<std::uint64_t> keys;
    std::vector<std::uint32_t> counts;
};

// `out` comes reserved from the caller's thread: blocks a helper thread allocates stay in its own heap arena when
// freed, where the flow's arcs could not reuse them.
void rank_candidates(const PairCost& cost, const MentorIndex& index, std::size_t mentors, std::size_t candidates,
                     std::size_t begin, std::size_t end, RankedCandidates& out) {
    std::vector<char> seen(mentors, 0);
    std::vector<std::uint64_t> ranked;
    for (auto n = begin; n < end; ++n) {
        ranked.clear();
        for (auto m : index.pool(n, candidates * 4, seen))
            ranked.push_back(static_cast<std::uint64_t>(cost(m, n, nullptr)) << 32 | m);
        if (ranked.size() > candidates) {
            std::nth_element(ranked.begin(), ranked.begin() + static_cast<long>(candidates), ranked.end());
            ranked.resize(candidates);
        }
        std::sort(ranked.begin(), ranked.end());
        out.keys.insert(out.keys.end(), ranked.begin(), ranked.end());
        out.counts.push_back(static_cast<std::uint32_t>(ranked.size()));
    }
}

// Candidates of many novices are ranked on two threads, each half of the novices in order, so the graph gets the
// same edges in the same order as from one.
constexpr std::size_t kRankedOnTwoThreads = 20000;

std::vector<RankedCandidates> ranked_candidates(const PairCost& cost, const MentorIndex& index, const Sides& sides,
                                                std::size_t candidates) {
    const auto mentors = sides.mentors.size(), novices = sides.novices.size();
    const auto half = novices < kRankedOnTwoThreads ? novices : novices / 2;
    std::vector<RankedCandidates> parts(half < novices ? 2 : 1);
    for (std::size_t k = 0; k < parts.size(); ++k) {
        const auto size = k == 0 ? half : novices - half;
        parts[k].counts.reserve(size);
        parts[k].keys.reserve(size * std::min(candidates, mentors));
    }
    std::future<void> second;
    if (parts.size() == 2)
        second = std::async(std::launch::async, [&] {
            rank_candidates(cost, index, mentors, candidates, half, novices, parts[1]);
        });
    rank_candidates(cost, index, mentors, candidates, 0, half, parts[0]);
    if (second.valid()) second.get();
    return parts;
}

// Each novice weighs up to `candidates` mentors one by one, and each pair weighed is kept until the flow is solved: a
// bound on them keeps a large number of candidates from taking the machine (100,000 novices weighing 50,000 mentors
// each would be 5 billion pairs, a hundred gigabytes).
void refuse_too_many_pairs(const Sides& sides, std::size_t candidates, double most) {
    const auto novices = sides.novices.size(), each = std::min(candidates, sides.mentors.size());
    if (novices == 0 || static_cast<double>(each) * static_cast<double>(novices) <= most) return;
    const auto fits = static_cast<std::size_t>(most / static_cast<double>(novices));
    throw Error(fmt::format("weighing {} candidate mentors for each of {} novices is {} pairs, more than "
                            "coaching.most_pairs ({}); ask for at most {} candidates (the default is 48), or raise "
                            "the setting",
                            each, novices, each * novices, static_cast<std::size_t>(most),
                            std::max<std::size_t>(fits, 1)));
}

// The min-cost max-flow matching, as (mentor, novice) index pairs: each novice reaches its `candidates` cheapest
// mentors directly and every mentor through a hub at the base cost (see MatchingFlow).
std::vector<std::pair<int, int>> match(const Sides& sides, const PairCost& cost, const MentorIndex& index,
                                       std::size_t candidates, int base) {
    const int N = static_cast<int>(sides.novices.size());
    MatchingFlow flow(sides.slots, N, base);
    auto ranked = ranked_candidates(cost, index, sides, candidates);
    std::size_t edges = 0; // at most one a ranked candidate (a bound from --candidates could be 100,000 a novice)
    for (const auto& part : ranked) edges += part.keys.size();
    flow.reserve_edges(edges);
    auto part = ranked.begin();
    std::size_t count = 0, key = 0;
    for (int n = 0; n < N; ++n) {
        while (count == part->counts.size()) ++part, count = 0, key = 0; // on to the second thread's novices
        for (const auto end = key + part->counts[count++]; key < end; ++key) {
            const auto c = static_cast<int>(part->keys[key] >> 32);
            const auto m = static_cast<int>(part->keys[key] & 0xFFFFFFFFu);
            if (c < base) flow.add_edge(m, n, c);
        }
    }
    std::vector<RankedCandidates>().swap(ranked); // the graph has them
    return flow.solve();
}

// What the leader should do: hire seniors when novices are left uncovered, else how the pairing stands.
std::string recommendation(const MentoringPlan& plan, const Settings& settings) {
    if (!plan.uncovered.empty()) {
        const double gap = plan.uncovered.size() * plan.novice_hours;
        const auto seniors =
            checked_count(std::ceil(gap / settings.get("coaching.senior_hours") - 1e-9), 1e7, "seniors to hire");
        return fmt::format(
            "hire {} seasoned senior PM{} instead of newcomers: {} novice{} ({:.1f} h/week) cannot be coached with "
            "today's leaders and seniors",
            seniors, seniors == 1 ? "" : "s", plan.uncovered.size(), plan.uncovered.size() == 1 ? "" : "s", gap);
    }
    std::size_t outside = 0;
    for (const auto& p : plan.pairings)
        if (std::find(p.why.begin(), p.why.end(), "leader") == p.why.end()) ++outside;
    return plan.novices == 0 ? "no novice PMs: nothing to do"
           : outside == 0    ? "every novice is coached within their own leader's group"
                             : fmt::format("reassign mentoring as listed: every novice is covered, {} of them by a "
                                           "mentor outside their own leader's group",
                                           outside);
}

} // namespace

MentoringPlan plan_mentoring(const Org& org, const Settings& settings, std::size_t candidates,
                             const PairingCosts& costs) {
    MentoringPlan plan;
    plan.novice_hours = settings.get("coaching.novice_hours");
    const auto coaching = coaching_sides(org, settings);
    const auto& groups = coaching.groups;
    const auto& free_seniors = coaching.leaderless_seniors;
    const auto sides = matching_sides(org, settings, groups, free_seniors, plan);
    plan.novices = sides.novices.size();
    plan.experience_unknown = groups.experience_unknown;
    // The org-wide profiles go once laid out side by side (a profile for every person, 18 MB at 150,000 PMs).
    refuse_too_many_pairs(sides, candidates, settings.get("coaching.most_pairs"));
    const SideProfiles side_profiles(work_profiles(org, groups, free_seniors), sides);
    const PairCost cost(side_profiles, costs);
    const MentorIndex index(side_profiles, sides);

    std::vector<char> covered(sides.novices.size(), 0);
    for (const auto& [m, n] : match(sides, cost, index, candidates, costs.base)) {
        Pairing pr{sides.mentors[m], sides.novices[n], plan.novice_hours, 0, {}};
        pr.cost = cost(m, n, &pr.why);
        plan.total_cost += pr.cost;
        plan.mentors[m].used_hours += plan.novice_hours;
        covered[n] = 1;
        plan.pairings.push_back(std::move(pr));
    }
    for (std::size_t k = 0; k < sides.novices.size(); ++k)
        if (!covered[k]) plan.uncovered.push_back(sides.novices[k]);
    std::sort(plan.pairings.begin(), plan.pairings.end(), [](const Pairing& a, const Pairing& b) {
        return a.mentor_id != b.mentor_id ? a.mentor_id < b.mentor_id : a.novice_id < b.novice_id;
    });
    std::stable_sort(plan.mentors.begin(), plan.mentors.end(),
                     [](const MentorLoad& a, const MentorLoad& b) { return a.used_hours > b.used_hours; });
    std::sort(plan.uncovered.begin(), plan.uncovered.end());
    plan.recommendation = recommendation(plan, settings);
    return plan;
}

} // namespace orgplan
