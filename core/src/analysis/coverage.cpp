#include "orgplan/analysis/coverage.hpp"

#include <algorithm>
#include <mutex>
#include <optional>

#include "orgplan/analysis/shared_work.hpp"
#include "orgplan/model/membership_people.hpp"
#include "../base/id_places.hpp"
#include "../base/view_map.hpp"

namespace orgplan {
namespace {

constexpr double kTiny = 1e-12;

IdPlaces index_by_id(const std::vector<Team>& teams) {
    return IdPlaces(teams.size(), [&](std::size_t i) -> std::string_view { return teams[i].id; });
}

// PMs and product leaders (player-coaches), in people order.
std::vector<std::size_t> coverers_of(const Org& org) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < org.people.size(); ++i)
        if (org.people[i].family == Family::pm || org.people[i].family == Family::product_leader) out.push_back(i);
    return out;
}

} // namespace

std::vector<std::string> effective_segments(const Org& org) {
    std::unordered_map<std::string, std::string> product_segment;
    for (const auto& p : org.products) product_segment[p.id] = p.segment_id;
    std::vector<std::string> out;
    out.reserve(org.teams.size());
    for (const auto& t : org.teams) {
        if (!t.segment_id.empty() || t.product_id.empty())
            out.push_back(t.segment_id);
        else
            out.push_back(product_segment[t.product_id]);
    }
    return out;
}

namespace {

// The teams of each product or segment and their maker FTE, found by id. Keys are views: they must outlive it.
class SpreadTargets {
public:
    struct Group {
        std::vector<std::size_t> teams;
        double weight = 0;                // Σ maker FTE of the teams
        std::size_t index = 0;            // among all groups (see finish)
        std::vector<double> makers_order; // the teams' maker FTE, ascending

        // A PM's share of `fte` over the whole group, on team t.
        double share_of(double fte, std::size_t t, const std::vector<double>& team_makers) const {
            return weight > kTiny ? fte * team_makers[t] / weight : fte / teams.size();
        }
        // How many of the teams `fte` spread over the group reaches (more than kTiny each): the share grows with a
        // team's makers, so the first team reached in ascending order says it.
        std::size_t reached(double fte) const {
            if (weight <= kTiny) return fte / teams.size() > kTiny ? teams.size() : 0;
            const auto first = std::partition_point(makers_order.begin(), makers_order.end(),
                                                    [&](double m) { return !(fte * m / weight > kTiny); });
            return static_cast<std::size_t>(makers_order.end() - first);
        }
    };
    void add(std::string_view key, std::size_t team, double makers) {
        auto& g = groups_[key];
        g.teams.push_back(team);
        g.weight += makers;
    }
    // Numbers the groups from `first` on and sorts each one's makers; returns the next free number. No add() after.
    std::size_t finish(std::size_t first, const std::vector<double>& team_makers) {
        for (auto it = groups_.begin(); it != groups_.end(); ++it) {
            auto& g = it.value();
            g.index = first++;
            for (auto t : g.teams) g.makers_order.push_back(team_makers[t]);
            std::sort(g.makers_order.begin(), g.makers_order.end());
        }
        return first;
    }
    const Group* find(std::string_view key) const {
        auto it = groups_.find(key);
        return it == groups_.end() || it->second.teams.empty() ? nullptr : &it->second;
    }
    // Calls `visit(group)` for each group.
    template <typename Visit>
    void each(Visit visit) const {
        for (const auto& [key, g] : groups_) visit(g);
    }

private:
    ViewMap<Group> groups_;
};

// Items grouped by the person they belong to (SIZE_MAX: none), each person's in their original order.
class PersonGroups {
public:
    PersonGroups(std::size_t people, const std::vector<std::size_t>& person_of) : start_(people + 1, 0) {
        for (auto p : person_of)
            if (p != SIZE_MAX) ++start_[p + 1];
        for (std::size_t p = 0; p < people; ++p) start_[p + 1] += start_[p];
        items_.resize(start_[people]);
        auto next = start_;
        for (std::size_t k = 0; k < person_of.size(); ++k)
            if (person_of[k] != SIZE_MAX) items_[next[person_of[k]]++] = k;
    }
    struct Range {
        const std::size_t* b;
        const std::size_t* e;
        const std::size_t* begin() const { return b; }
        const std::size_t* end() const { return e; }
    };
    Range of(std::size_t person) const { return {items_.data() + start_[person], items_.data() + start_[person + 1]}; }

private:
    std::vector<std::size_t> start_, items_;
};

// One PM's FTE per team, summed in a dense row and handed out as (team, FTE) in team order. A PM on a segment or
// many products reaches thousands of teams: a dense row is linear where growing and sorting a list of parts was
// the bulk of a large align --compare; the few teams of most PMs are sorted.
class TeamRow {
public:
    explicit TeamRow(std::size_t teams) : fte_(teams, 0.0), touched_(teams, 0) {}
    void add(std::size_t team, double fte) {
        if (!touched_[team]) {
            touched_[team] = 1;
            list_.push_back(team);
        }
        fte_[team] += fte;
    }
    // Adds the row to the teams' totals and empties it; returns how many teams got more than a trace of FTE.
    std::size_t drain(std::vector<double>& team_total) {
        std::size_t reached = 0;
        for (auto t : list_) {
            reached += fte_[t] > kTiny;
            team_total[t] += fte_[t];
            fte_[t] = 0;
            touched_[t] = 0;
        }
        list_.clear();
        return reached;
    }
    // The row's parts in team order, each also added to the team's total; the row is left empty.
    std::vector<std::pair<std::size_t, double>> take(std::vector<double>& team_total) {
        std::vector<std::pair<std::size_t, double>> parts;
        if (list_.empty()) return parts;
        if (std::is_sorted(list_.begin(), list_.end())) {
            // one team, one product or one segment: already in team order
        } else if (list_.size() * 16 > fte_.size()) {
            list_.clear();
            for (std::size_t t = 0; t < fte_.size(); ++t)
                if (touched_[t]) list_.push_back(t);
        } else {
            std::sort(list_.begin(), list_.end());
        }
        parts.reserve(list_.size());
        for (auto t : list_) {
            parts.emplace_back(t, fte_[t]);
            team_total[t] += fte_[t];
            fte_[t] = 0;
            touched_[t] = 0;
        }
        list_.clear();
        return parts;
    }

private:
    std::vector<double> fte_;
    std::vector<char> touched_;
    std::vector<std::size_t> list_;
};

} // namespace

// What coverage needs from the org alone: built once, so that many assignment lists (a comparison of principles)
// are each evaluated without matching a hundred thousand memberships to their people again.
struct CoverageBasis::Data {
    const Org& org;
    IdPlaces team_index;
    std::vector<std::size_t> coverers; // PMs and product leaders (player-coaches), in people order: who can cover
    std::vector<double> team_makers;
    double unallocated_makers = 0;
    double pm_fte_total = 0;
    std::vector<std::size_t> pm_memberships; // memberships of PMs, used for PMs with no assignment
    std::vector<std::size_t> pm_membership_person;

    // Products and segments as groups of teams: only for assignments that name them, or a proposal's score (a team
    // report of PMs covering their teams needs none), so made on first use; cover() may run on several threads.
    struct Groups {
        std::vector<std::string> segments; // each team's effective segment; by_segment's keys point here
        SpreadTargets by_product, by_segment;
        std::size_t count = 0; // products and segments together
    };
    const Groups& groups() const {
        std::call_once(groups_made_, [&] {
            groups_.segments = effective_segments(org);
            for (std::size_t i = 0; i < org.teams.size(); ++i) {
                const auto& product = org.teams[i].product_id;
                if (!product.empty()) groups_.by_product.add(product, i, team_makers[i]);
                if (!groups_.segments[i].empty()) groups_.by_segment.add(groups_.segments[i], i, team_makers[i]);
            }
            groups_.count = groups_.by_segment.finish(groups_.by_product.finish(0, team_makers), team_makers);
        });
        return groups_;
    }

    // Places in `coverers` by id, for assignments, which name PMs (and player-coach leaders) only: made on first use
    // (PMs covering the teams they are members of need none).
    const IdPlaces& pm_index() const {
        std::call_once(pm_index_made_, [&] {
            pm_index_.emplace(coverers.size(),
                              [&](std::size_t k) -> std::string_view { return org.people[coverers[k]].id; });
        });
        return *pm_index_;
    }

    Data(const Org& o, const MakerTotals* makers)
        : org(o), team_index(index_by_id(o.teams)), coverers(coverers_of(o)) {
        team_makers.assign(org.teams.size(), 0.0);
        if (makers) {
            for (const auto& [team, fte] : makers->team_fte)
                if (const auto t = team_index.find(team); t >= 0) team_makers[static_cast<std::size_t>(t)] = fte;
            unallocated_makers = makers->unallocated;
        }
        for (const auto i : coverers)
            if (org.people[i].family == Family::pm) pm_fte_total += org.people[i].fte;
        const auto member = person_of_memberships(org);
        std::vector<double> maker_allocated(org.people.size(), 0.0);
        for (std::size_t k = 0; k < org.memberships.size(); ++k) {
            if (member[k] < 0) continue;
            const auto& m = org.memberships[k];
            const auto& person = org.people[member[k]];
            if (person.family == Family::pm) {
                pm_memberships.push_back(k);
                pm_membership_person.push_back(static_cast<std::size_t>(member[k]));
            }
            if (person.family != Family::maker || makers) continue; // given totals already count every maker
            const auto t = team_index.find(m.team_id);
            if (t < 0) continue;
            team_makers[static_cast<std::size_t>(t)] += person.fte * m.allocation;
            maker_allocated[member[k]] += m.allocation;
        }
        if (!makers)
            for (std::size_t i = 0; i < org.people.size(); ++i)
                if (org.people[i].family == Family::maker)
                    unallocated_makers += org.people[i].fte * std::max(0.0, 1.0 - maker_allocated[i]);
    }

private:
    mutable std::once_flag groups_made_, pm_index_made_;
    mutable Groups groups_;
    mutable std::optional<IdPlaces> pm_index_;
};

CoverageBasis::CoverageBasis(const Org& org, const MakerTotals* makers) : d_(std::make_unique<Data>(org, makers)) {}
CoverageBasis::~CoverageBasis() = default;
const std::vector<std::string>& CoverageBasis::segments() const { return d_->groups().segments; }

namespace {

// A player-coach's share as PM counts in the PM FTE; a PM's share given to nothing is unassigned.
void account(const Person& pm, bool player_coach, double share_used, Coverage& c) {
    if (player_coach) {
        const double as_pm = pm.fte * std::min(1.0, share_used);
        c.pm_fte_total += as_pm;
        c.leader_pm_fte += as_pm;
    } else {
        c.pm_unassigned += pm.fte * std::max(0.0, 1.0 - share_used);
    }
}

// A PM whose assignments are all whole products, or all whole segments, each named once, when only the teams each
// PM reaches are counted (align --compare scores every principle's proposal so). Such a PM's FTE is added to each
// group's total, spread over its teams once after every PM (spread_groups): principles put thousands of PMs on
// products and segments of thousands of teams, and spreading each PM's share over every team was most of the work.
// How many teams the PM reaches comes from the group's makers in order. False, with nothing done, for any other PM.
bool spread_disjoint(const SpreadTargets& products, const SpreadTargets& segments, const Person& pm,
                     const std::vector<Assignment>& assignments, const PersonGroups::Range& mine,
                     double& share_used, std::vector<std::size_t>& teams_per_pm,
                     std::vector<const SpreadTargets::Group*>& groups, std::vector<double>& group_fte) {
    const auto kind = assignments[*mine.begin()].kind;
    if (kind != TargetKind::product && kind != TargetKind::segment) return false;
    const auto& targets = kind == TargetKind::product ? products : segments;
    groups.clear();
    for (auto k : mine) {
        const auto* group = assignments[k].kind == kind ? targets.find(assignments[k].target_id) : nullptr;
        if (!group) return false;
        groups.push_back(group);
    }
    if (groups.size() > 1) {
        auto sorted = groups;
        std::sort(sorted.begin(), sorted.end());
        if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) return false;
    }
    std::size_t reached = 0, g = 0;
    for (auto k : mine) {
        const auto& a = assignments[k];
        const auto* group = groups[g++];
        const double fte = pm.fte * a.share;
        share_used += a.share;
        group_fte[group->index] += fte;
        reached += group->reached(fte);
    }
    if (reached) teams_per_pm.push_back(reached);
    return true;
}

// Whether some assignment is to a whole product or segment.
bool names_groups(const std::vector<Assignment>& assignments) {
    return std::any_of(assignments.begin(), assignments.end(), [](const Assignment& a) {
        return a.kind == TargetKind::product || a.kind == TargetKind::segment;
    });
}

// Each group's FTE from spread_disjoint, over its teams as each PM's share would have gone.
void spread_groups(const SpreadTargets& targets, const std::vector<double>& group_fte, Coverage& c) {
    targets.each([&](const SpreadTargets::Group& g) {
        if (const double fte = group_fte[g.index]; fte != 0)
            for (auto t : g.teams) c.team_pm[t] += g.share_of(fte, t, c.team_makers);
    });
}

} // namespace

Coverage CoverageBasis::cover(const std::vector<Assignment>& assignments, std::vector<std::size_t>* teams_per_pm) const {
    const Data& d = *d_;
    const Org& org = d.org;
    Coverage c;
    c.team_makers = d.team_makers;
    c.team_pm.assign(org.teams.size(), 0.0);
    c.unallocated_makers = d.unallocated_makers;
    c.pm_fte_total = d.pm_fte_total;

    std::vector<bool> has_assignment(org.people.size(), false);
    std::vector<std::size_t> assigned_pm(assignments.size(), SIZE_MAX); // person index of each assignment's PM
    for (std::size_t i = 0; i < assignments.size(); ++i)
        if (const auto k = d.pm_index().find(assignments[i].pm_id); k >= 0) {
            assigned_pm[i] = d.coverers[static_cast<std::size_t>(k)];
            has_assignment[assigned_pm[i]] = true;
        }

    // Each PM's assignments (or, with none, memberships) together, in people order, summed into one dense row.
    const PersonGroups assignments_of(org.people.size(), assigned_pm);
    const PersonGroups memberships_of(org.people.size(), d.pm_membership_person);
    TeamRow row(org.teams.size());
    const auto* targets = teams_per_pm || names_groups(assignments) ? &d.groups() : nullptr;
    std::vector<const SpreadTargets::Group*> groups; // spread_disjoint's, kept between PMs
    std::vector<double> group_fte(teams_per_pm ? targets->count : 0, 0.0);
    // Only PMs and leaders can cover: the walk visits them alone, not every person's record.
    for (const auto i : d.coverers) {
        const Person& pm = org.people[i];
        const bool player_coach = pm.family == Family::product_leader && has_assignment[i];
        if (pm.family != Family::pm && !player_coach) continue;
        double share_used = 0;
        if (teams_per_pm && has_assignment[i] &&
            spread_disjoint(targets->by_product, targets->by_segment, pm, assignments, assignments_of.of(i), share_used,
                            *teams_per_pm, groups, group_fte)) {
            account(pm, player_coach, share_used, c);
            continue;
        }
        auto apply = [&](TargetKind kind, const std::string& target_id, double share) {
            const double fte = pm.fte * share;
            share_used += share;
            const SpreadTargets::Group* group = nullptr;
            if (kind == TargetKind::team) {
                if (const auto t = d.team_index.find(target_id); t >= 0) {
                    row.add(static_cast<std::size_t>(t), fte);
                    return;
                }
            } else if (kind == TargetKind::product) {
                group = targets->by_product.find(target_id);
            } else if (kind == TargetKind::segment) {
                group = targets->by_segment.find(target_id);
            }
            if (!group) {
                c.pm_org_level[pm.id] += fte;
                return;
            }
            for (auto t : group->teams) row.add(t, group->share_of(fte, t, c.team_makers));
        };
        if (has_assignment[i])
            for (auto k : assignments_of.of(i)) apply(assignments[k].kind, assignments[k].target_id, assignments[k].share);
        else // PMs with no assignment cover the teams they are members of, by allocation.
            for (auto k : memberships_of.of(i)) {
                const auto& m = org.memberships[d.pm_memberships[k]];
                apply(TargetKind::team, m.team_id, m.allocation);
            }
        account(pm, player_coach, share_used, c);
        // One entry per team and PM, in team order; a PM whose only assignments point nowhere does not appear.
        if (teams_per_pm) {
            if (const auto reached = row.drain(c.team_pm)) teams_per_pm->push_back(reached);
            continue;
        }
        auto parts = row.take(c.team_pm);
        if (!parts.empty()) c.pm_team.emplace_back(pm.id, std::move(parts));
    }
    if (teams_per_pm) {
        spread_groups(targets->by_product, group_fte, c);
        spread_groups(targets->by_segment, group_fte, c);
    }
    return c;
}

Coverage compute_coverage(const Org& org, const std::vector<Assignment>& assignments, const MakerTotals* makers) {
    if (!makers && &assignments == &org.assignments)
        if (auto shared = shared_coverage(org)) return std::move(*shared);
    return CoverageBasis(org, makers).cover(assignments);
}

} // namespace orgplan
