#include "orgplan/analysis/ratios.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <tsl/robin_map.h>

#include "orgplan/base/error.hpp"
#include "orgplan/base/text.hpp"

namespace orgplan {
namespace {

constexpr double kTiny = 1e-12;

// Views into the org's ids: a hundred thousand teams or PMs hashed without a node or a copy each.
using ViewIndex = tsl::robin_map<std::string_view, std::size_t>;

ViewIndex index_by_id(const std::vector<Team>& teams) {
    ViewIndex index;
    index.reserve(teams.size());
    for (std::size_t i = 0; i < teams.size(); ++i) index.emplace(teams[i].id, i);
    return index;
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

std::string_view to_string(RatioStatus s) {
    switch (s) {
    case RatioStatus::no_pm: return "no_pm";
    case RatioStatus::over: return "over";
    case RatioStatus::no_makers: return "no_makers";
    case RatioStatus::ok: return "ok";
    case RatioStatus::empty: return "empty";
    }
    return "?";
}

RatioStatus classify_ratio(double makers, double pms, double threshold) {
    if (pms <= kTiny) return makers > kTiny ? RatioStatus::no_pm : RatioStatus::empty;
    if (makers <= kTiny) return RatioStatus::no_makers; // a ratio of 0 is not "ok": the PM time serves no maker
    return makers / pms > threshold + 1e-9 ? RatioStatus::over : RatioStatus::ok;
}

namespace {

// The teams of each product or segment and their maker FTE, found by id. Keys are views: they must outlive it.
class SpreadTargets {
public:
    struct Group {
        std::vector<std::size_t> teams;
        double weight = 0; // Σ maker FTE of the teams
    };
    void add(const std::string& key, std::size_t team, double makers) {
        auto& g = groups_[key];
        g.teams.push_back(team);
        g.weight += makers;
    }
    const Group* find(const std::string& key) const {
        auto it = groups_.find(key);
        return it == groups_.end() || it->second.teams.empty() ? nullptr : &it->second;
    }

private:
    tsl::robin_map<std::string_view, Group> groups_;
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

// The person index of each membership (-1: no such person): a merge over both lists when they are sorted by person
// id (as load_org returns them), else through a full index.
std::vector<long> person_of_memberships(const Org& org) {
    std::vector<long> member(org.memberships.size(), -1);
    const bool sorted =
        std::is_sorted(org.people.begin(), org.people.end(), [](const Person& a, const Person& b) { return a.id < b.id; }) &&
        std::is_sorted(org.memberships.begin(), org.memberships.end(),
                       [](const Membership& a, const Membership& b) { return a.person_id < b.person_id; });
    if (sorted) {
        std::size_t p = 0;
        for (std::size_t m = 0; m < org.memberships.size(); ++m) {
            const auto& id = org.memberships[m].person_id;
            while (p < org.people.size() && org.people[p].id < id) ++p;
            if (p < org.people.size() && org.people[p].id == id) member[m] = static_cast<long>(p);
        }
    } else {
        ViewIndex person_index;
        person_index.reserve(org.people.size());
        for (std::size_t i = 0; i < org.people.size(); ++i) person_index.emplace(org.people[i].id, i);
        for (std::size_t m = 0; m < org.memberships.size(); ++m)
            if (auto it = person_index.find(org.memberships[m].person_id); it != person_index.end())
                member[m] = static_cast<long>(it->second);
    }
    return member;
}

} // namespace

// What coverage needs from the org alone: built once, so that many assignment lists (a comparison of principles)
// are each evaluated without matching a hundred thousand memberships to their people again.
struct CoverageBasis::Data {
    const Org& org;
    ViewIndex team_index;
    ViewIndex pm_index; // assignments name PMs (and player-coach leaders) only, so only they are hashed
    std::vector<double> team_makers;
    double unallocated_makers = 0;
    double pm_fte_total = 0;
    std::vector<std::size_t> pm_memberships; // memberships of PMs, used for PMs with no assignment
    std::vector<std::size_t> pm_membership_person;
    std::vector<std::string> segments; // each team's effective segment; by_segment's keys point here
    SpreadTargets by_product, by_segment;

    Data(const Org& o, const MakerTotals* makers) : org(o), team_index(index_by_id(o.teams)) {
        team_makers.assign(org.teams.size(), 0.0);
        if (makers) {
            for (const auto& [team, fte] : makers->team_fte)
                if (auto t = team_index.find(team); t != team_index.end()) team_makers[t->second] = fte;
            unallocated_makers = makers->unallocated;
        }
        for (std::size_t i = 0; i < org.people.size(); ++i)
            if (org.people[i].family == Family::pm) {
                pm_index.emplace(org.people[i].id, i);
                pm_fte_total += org.people[i].fte;
            } else if (org.people[i].family == Family::product_leader) {
                pm_index.emplace(org.people[i].id, i);
            }
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
            auto t = team_index.find(m.team_id);
            if (t == team_index.end()) continue;
            team_makers[t->second] += person.fte * m.allocation;
            maker_allocated[member[k]] += m.allocation;
        }
        if (!makers)
            for (std::size_t i = 0; i < org.people.size(); ++i)
                if (org.people[i].family == Family::maker)
                    unallocated_makers += org.people[i].fte * std::max(0.0, 1.0 - maker_allocated[i]);
        segments = effective_segments(org);
        for (std::size_t i = 0; i < org.teams.size(); ++i) {
            if (!org.teams[i].product_id.empty()) by_product.add(org.teams[i].product_id, i, team_makers[i]);
            if (!segments[i].empty()) by_segment.add(segments[i], i, team_makers[i]);
        }
    }
};

CoverageBasis::CoverageBasis(const Org& org, const MakerTotals* makers) : d_(std::make_unique<Data>(org, makers)) {}
CoverageBasis::~CoverageBasis() = default;
const std::vector<std::string>& CoverageBasis::segments() const { return d_->segments; }

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
        if (auto it = d.pm_index.find(assignments[i].pm_id); it != d.pm_index.end()) {
            assigned_pm[i] = it->second;
            has_assignment[it->second] = true;
        }

    // Each PM's assignments (or, with none, memberships) together, in people order, summed into one dense row.
    const PersonGroups assignments_of(org.people.size(), assigned_pm);
    const PersonGroups memberships_of(org.people.size(), d.pm_membership_person);
    TeamRow row(org.teams.size());
    for (std::size_t i = 0; i < org.people.size(); ++i) {
        const Person& pm = org.people[i];
        const bool player_coach = pm.family == Family::product_leader && has_assignment[i];
        if (pm.family != Family::pm && !player_coach) continue;
        double share_used = 0;
        auto apply = [&](TargetKind kind, const std::string& target_id, double share) {
            const double fte = pm.fte * share;
            share_used += share;
            const SpreadTargets::Group* group = nullptr;
            if (kind == TargetKind::team) {
                if (auto t = d.team_index.find(target_id); t != d.team_index.end()) {
                    row.add(t->second, fte);
                    return;
                }
            } else if (kind == TargetKind::product) {
                group = d.by_product.find(target_id);
            } else if (kind == TargetKind::segment) {
                group = d.by_segment.find(target_id);
            }
            if (!group) {
                c.pm_org_level[pm.id] += fte;
                return;
            }
            for (auto t : group->teams)
                row.add(t, group->weight > kTiny ? fte * c.team_makers[t] / group->weight : fte / group->teams.size());
        };
        if (has_assignment[i])
            for (auto k : assignments_of.of(i)) apply(assignments[k].kind, assignments[k].target_id, assignments[k].share);
        else // PMs with no assignment cover the teams they are members of, by allocation.
            for (auto k : memberships_of.of(i)) {
                const auto& m = org.memberships[d.pm_memberships[k]];
                apply(TargetKind::team, m.team_id, m.allocation);
            }
        if (player_coach) {
            const double as_pm = pm.fte * std::min(1.0, share_used);
            c.pm_fte_total += as_pm;
            c.leader_pm_fte += as_pm;
        } else {
            c.pm_unassigned += pm.fte * std::max(0.0, 1.0 - share_used);
        }
        // One entry per team and PM, in team order; a PM whose only assignments point nowhere does not appear.
        if (teams_per_pm) {
            if (const auto reached = row.drain(c.team_pm)) teams_per_pm->push_back(reached);
            continue;
        }
        auto parts = row.take(c.team_pm);
        if (!parts.empty()) c.pm_team.emplace_back(pm.id, std::move(parts));
    }
    return c;
}

Coverage compute_coverage(const Org& org, const std::vector<Assignment>& assignments, const MakerTotals* makers) {
    return CoverageBasis(org, makers).cover(assignments);
}

std::optional<double> RatioReport::org_ratio() const {
    if (org_pms <= kTiny) return std::nullopt;
    return org_makers / org_pms;
}

RatioReport compute_ratios(const Org& org, const std::string& by, double threshold, double max_spread,
                           const std::vector<Assignment>* assignments, const MakerTotals* makers) {
    static const std::set<std::string> levels = {"team", "product", "segment", "pm", "leader", "org"};
    if (!levels.count(by))
        throw Error("--by '" + by + "': use team, product, segment, pm, leader or org");
    const auto c = compute_coverage(org, assignments ? *assignments : org.assignments, makers);

    RatioReport r;
    r.by = by;
    r.threshold = threshold;
    r.max_spread = max_spread;
    // Both sides count the whole org: every PM's FTE, wherever assigned, over every maker's FTE, in a team or not.
    for (double m : c.team_makers) r.org_makers += m;
    r.org_makers += c.unallocated_makers;
    r.org_pms = c.pm_fte_total;
    for (const auto& [pm, fte] : c.pm_org_level) r.org_level_pm += fte;
    r.unassigned_pm = c.pm_unassigned;
    r.unallocated_makers = c.unallocated_makers;
    r.leader_pm = c.leader_pm_fte;

    // PMs covering each team (each PM once per team, in id order), for the team/product/segment rows and the
    // spread list.
    std::vector<std::vector<const std::string*>> team_pms(org.teams.size());
    for (const auto& [pm, teams] : c.pm_team) {
        std::size_t covered = 0;
        for (const auto& [t, fte] : teams)
            if (fte > kTiny) {
                team_pms[t].push_back(&pm);
                ++covered;
            }
        if (covered > max_spread) r.thin_pms.emplace_back(pm, covered);
    }
    for (auto& pms : team_pms)
        std::sort(pms.begin(), pms.end(), [](const std::string* a, const std::string* b) { return *a < *b; });
    std::sort(r.thin_pms.begin(), r.thin_pms.end(),
              [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    for (std::size_t t = 0; t < org.teams.size(); ++t)
        if (c.team_makers[t] > kTiny && c.team_pm[t] <= kTiny) r.teams_without_pm.push_back(org.teams[t].id);

    auto finish = [&](RatioRow row) {
        row.status = classify_ratio(row.makers, row.pms, threshold);
        if (row.pms > kTiny) row.ratio = row.makers / row.pms;
        r.rows.push_back(std::move(row));
    };

    // Groups teams under a key (product or segment) and sums them.
    auto grouped = [&](const std::vector<std::string>& key_of_team, const std::map<std::string, std::string>& names) {
        std::map<std::string, RatioRow> groups;
        std::map<std::string, std::set<std::string>> pms;
        for (std::size_t t = 0; t < org.teams.size(); ++t) {
            const auto& key = key_of_team[t];
            auto& g = groups[key];
            g.id = key.empty() ? "(none)" : key;
            auto n = names.find(key);
            g.name = n != names.end() ? n->second : (key.empty() ? "teams without one" : key);
            g.makers += c.team_makers[t];
            g.pms += c.team_pm[t];
            ++g.spread;
            for (const auto* pm : team_pms[t]) pms[key].insert(*pm);
        }
        for (auto& [key, g] : groups) {
            g.pm_ids.assign(pms[key].begin(), pms[key].end());
            finish(std::move(g));
        }
    };

    if (by == "team") {
        r.rows.reserve(org.teams.size());
        for (std::size_t t = 0; t < org.teams.size(); ++t) {
            RatioRow row;
            row.id = org.teams[t].id;
            row.name = org.teams[t].name;
            row.makers = c.team_makers[t];
            row.pms = c.team_pm[t];
            row.spread = 1;
            row.pm_ids.reserve(team_pms[t].size());
            for (const auto* pm : team_pms[t]) row.pm_ids.push_back(*pm);
            finish(std::move(row));
        }
    } else if (by == "product") {
        std::map<std::string, std::string> names;
        for (const auto& p : org.products) names[p.id] = p.name;
        std::vector<std::string> keys;
        for (const auto& t : org.teams) keys.push_back(t.product_id);
        grouped(keys, names);
    } else if (by == "segment") {
        std::map<std::string, std::string> names;
        for (const auto& s : org.segments) names[s.id] = s.name;
        grouped(effective_segments(org), names);
    } else if (by == "pm" || by == "leader") {
        // A PM's load: each covered team's makers in proportion to the PM's part of the team's PM FTE.
        struct Load {
            double makers = 0, fte = 0;
            std::size_t teams = 0;
        };
        std::unordered_map<std::string, Load> load;
        for (const auto& [pm, teams] : c.pm_team)
            for (const auto& [t, fte] : teams) {
                if (fte <= kTiny) continue;
                auto& l = load[pm];
                l.makers += c.team_makers[t] * fte / c.team_pm[t];
                l.fte += fte;
                ++l.teams;
            }
        if (by == "pm") {
            for (const auto& p : org.people) {
                const bool player_coach = p.family == Family::product_leader && load.count(p.id);
                if (p.family != Family::pm && !player_coach) continue;
                const auto& l = load[p.id];
                RatioRow row;
                row.id = p.id;
                row.name = p.name;
                row.makers = l.makers;
                row.pms = l.fte;
                row.spread = l.teams;
                row.leader = player_coach;
                finish(std::move(row));
            }
        } else {
            std::unordered_map<std::string, const Person*> people;
            for (const auto& p : org.people) people.emplace(p.id, &p);
            std::map<std::string, RatioRow> leaders;
            for (const auto& p : org.people)
                if (p.family == Family::product_leader) {
                    auto& row = leaders[p.id];
                    row.id = p.id;
                    row.name = p.name;
                    // A player-coach's own PM time is part of what their org covers (not a PM led).
                    if (auto own = load.find(p.id); own != load.end()) {
                        row.makers += own->second.makers;
                        row.pms += own->second.fte;
                    }
                }
            // The product leaders above someone, nearest first.
            const auto leaders_above = [&](const std::string& from) {
                std::vector<std::string> out;
                std::set<std::string> seen;
                for (auto at = from; !at.empty() && seen.insert(at).second;) {
                    auto it = people.find(at);
                    if (it == people.end()) break;
                    if (it->second->family == Family::product_leader) out.push_back(at);
                    at = it->second->manager_id;
                }
                return out;
            };
            for (const auto& p : org.people) {
                if (p.family != Family::pm) continue;
                // Every product leader above the PM counts the PM, so a director's row includes group PMs' teams.
                for (const auto& at : leaders_above(p.manager_id)) {
                    auto& row = leaders[at];
                    const auto& l = load[p.id];
                    row.makers += l.makers;
                    row.pms += l.fte;
                    ++row.spread;
                }
            }
            // A team with makers and no PM belongs to a leader too, or every leader would look fine: the nearest
            // product leader above most of its makers, else the one above the PMs of its product's other teams,
            // else a product leader of its unit. It counts for that leader and every leader above.
            std::unordered_map<std::string, std::vector<std::size_t>> members; // team -> people indexes
            {
                std::unordered_map<std::string, std::size_t> person_index;
                for (std::size_t i = 0; i < org.people.size(); ++i) person_index.emplace(org.people[i].id, i);
                for (const auto& m : org.memberships)
                    if (auto it = person_index.find(m.person_id); it != person_index.end())
                        members[m.team_id].push_back(it->second);
            }
            std::unordered_map<std::string, std::string> product_leader; // product -> nearest leader of its PMs
            for (const auto& [pm, teams] : c.pm_team)
                for (const auto& [t, fte] : teams)
                    if (const auto& product = org.teams[t].product_id; !product.empty() && !product_leader.count(product))
                        if (const auto it = people.find(pm); it != people.end()) {
                            const auto above = it->second->family == Family::product_leader
                                                   ? std::vector<std::string>{pm}
                                                   : leaders_above(it->second->manager_id);
                            if (!above.empty()) product_leader.emplace(product, above.front());
                        }
            std::unordered_map<std::string, std::string> unit_leader;
            for (const auto& p : org.people)
                if (p.family == Family::product_leader && !p.unit.empty()) unit_leader.emplace(p.unit, p.id);
            for (std::size_t t = 0; t < org.teams.size(); ++t) {
                if (c.team_makers[t] <= kTiny || c.team_pm[t] > kTiny) continue;
                const auto& team = org.teams[t];
                std::map<std::string, double> votes; // nearest leader above a maker -> maker FTE
                for (const auto i : members[team.id])
                    if (org.people[i].family == Family::maker)
                        if (const auto above = leaders_above(org.people[i].manager_id); !above.empty())
                            votes[above.front()] += org.people[i].fte;
                std::string owner;
                for (const auto& [leader, fte] : votes)
                    if (owner.empty() || fte > votes[owner]) owner = leader;
                if (owner.empty())
                    if (auto it = product_leader.find(team.product_id); it != product_leader.end()) owner = it->second;
                if (owner.empty())
                    if (auto it = unit_leader.find(team.parent_unit); it != unit_leader.end()) owner = it->second;
                if (owner.empty()) {
                    r.unowned_teams.push_back(team.id);
                    continue;
                }
                auto chain = leaders_above(owner);
                for (const auto& at : chain) {
                    auto& row = leaders[at];
                    row.makers += c.team_makers[t];
                    row.uncovered_teams.push_back(team.id);
                }
            }
            for (auto& [id, row] : leaders) finish(std::move(row));
        }
    } else {
        RatioRow row;
        row.id = "org";
        row.name = "whole org";
        row.makers = r.org_makers;
        row.pms = r.org_pms;
        row.spread = org.teams.size();
        finish(std::move(row));
    }
    // Worst first: by status (no PM, over, no makers, ok, empty), then the higher ratio (rows without one: more
    // makers; rows without makers: more PM FTE), then id. Packed keys are sorted rather than rows: a team report sorts a hundred thousand.
    struct Key {
        int status;
        double weight; // the ratio, or the makers of rows without one
        std::uint64_t id_prefix;
        std::size_t row;
    };
    std::vector<Key> keys(r.rows.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const auto& row = r.rows[i];
        const bool by_makers = row.status == RatioStatus::no_pm || row.status == RatioStatus::empty;
        const double weight =
            by_makers ? row.makers : row.status == RatioStatus::no_makers ? row.pms : *row.ratio;
        keys[i] = {static_cast<int>(row.status), weight, text::sort_prefix(row.id), i};
    }
    std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
        if (a.status != b.status) return a.status < b.status;
        if (a.weight != b.weight) return a.weight > b.weight;
        if (a.id_prefix != b.id_prefix) return a.id_prefix < b.id_prefix;
        return r.rows[a.row].id < r.rows[b.row].id;
    });
    // Rows move into place along the cycles of the permutation, without a second vector of rows.
    std::vector<bool> placed(keys.size(), false);
    for (std::size_t start = 0; start < keys.size(); ++start) {
        if (placed[start]) continue;
        RatioRow held = std::move(r.rows[start]);
        std::size_t at = start;
        while (keys[at].row != start) {
            r.rows[at] = std::move(r.rows[keys[at].row]);
            placed[at] = true;
            at = keys[at].row;
        }
        r.rows[at] = std::move(held);
        placed[at] = true;
    }
    return r;
}

} // namespace orgplan
