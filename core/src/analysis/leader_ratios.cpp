// The leader level of compute_ratios: each product leader's org, their PMs' load and the teams without a PM that
// fall to them.
#include <map>
#include <set>
#include <unordered_map>

#include "ratio_rows.hpp"
#include "orgplan/model/people_by_id.hpp"

namespace orgplan::ratio_rows {
namespace {

// Walks the reporting chain: the product leaders above someone, nearest first.
class LeaderChain {
public:
    explicit LeaderChain(const Org& org) : people_(org.people) {}
    std::vector<std::string> above(const std::string& from) const {
        std::vector<std::string> out;
        people_.walk_up(from, [&](const Person& p) {
            if (p.family == Family::product_leader) out.push_back(p.id);
            return true;
        });
        return out;
    }
    const Person* find(const std::string& id) const { return people_.find(id); }

private:
    PeopleById people_;
};

// Who a team with makers and no PM falls to: the nearest product leader above most of its makers, else the one above
// the PMs of its product's other teams, else a product leader of its unit; empty when none.
class UncoveredTeamOwner {
public:
    UncoveredTeamOwner(const Org& org, const Coverage& c, const LeaderChain& chain) : org_(org), chain_(chain) {
        std::unordered_map<std::string, std::size_t> person_index;
        for (std::size_t i = 0; i < org.people.size(); ++i) person_index.emplace(org.people[i].id, i);
        for (const auto& m : org.memberships)
            if (auto it = person_index.find(m.person_id); it != person_index.end())
                members_[m.team_id].push_back(it->second);
        for (const auto& [pm, teams] : c.pm_team)
            for (const auto& [t, fte] : teams)
                if (const auto& product = org.teams[t].product_id; !product.empty() && !product_leader_.count(product))
                    if (const auto* person = chain.find(pm)) {
                        const auto above = person->family == Family::product_leader ? std::vector<std::string>{pm}
                                                                                     : chain.above(person->manager_id);
                        if (!above.empty()) product_leader_.emplace(product, above.front());
                    }
        for (const auto& p : org.people)
            if (p.family == Family::product_leader && !p.unit.empty()) unit_leader_.emplace(p.unit, p.id);
    }

    std::string of(const Team& team) const {
        std::map<std::string, double> votes; // nearest leader above a maker -> maker FTE
        if (auto it = members_.find(team.id); it != members_.end())
            for (const auto i : it->second)
                if (org_.people[i].family == Family::maker)
                    if (const auto above = chain_.above(org_.people[i].manager_id); !above.empty())
                        votes[above.front()] += org_.people[i].fte;
        std::string owner;
        for (const auto& [leader, fte] : votes)
            if (owner.empty() || fte > votes[owner]) owner = leader;
        if (owner.empty())
            if (auto it = product_leader_.find(team.product_id); it != product_leader_.end()) owner = it->second;
        if (owner.empty())
            if (auto it = unit_leader_.find(team.parent_unit); it != unit_leader_.end()) owner = it->second;
        return owner;
    }

private:
    const Org& org_;
    const LeaderChain& chain_;
    std::unordered_map<std::string, std::vector<std::size_t>> members_;   // team -> people indexes
    std::unordered_map<std::string, std::string> product_leader_;         // product -> nearest leader of its PMs
    std::unordered_map<std::string, std::string> unit_leader_;            // unit -> a product leader of it
};

} // namespace

void leader_rows(const Inputs& in, RatioReport& r) {
    const auto& org = in.org;
    const auto& c = in.coverage;
    auto load = pm_loads(c);
    const LeaderChain chain(org);
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
    // Every product leader above a PM counts the PM, so a director's row includes group PMs' teams.
    for (const auto& p : org.people) {
        if (p.family != Family::pm) continue;
        for (const auto& at : chain.above(p.manager_id)) {
            auto& row = leaders[at];
            const auto& l = load[p.id];
            row.makers += l.makers;
            row.pms += l.fte;
            ++row.spread;
        }
    }
    // A team with makers and no PM belongs to a leader too, or every leader would look fine; it counts for its
    // owner and every leader above.
    const UncoveredTeamOwner owner_of(org, c, chain);
    for (std::size_t t = 0; t < org.teams.size(); ++t) {
        if (c.team_makers[t] <= kTiny || c.team_pm[t] > kTiny) continue;
        const auto owner = owner_of.of(org.teams[t]);
        if (owner.empty()) {
            r.unowned_teams.push_back(org.teams[t].id);
            continue;
        }
        for (const auto& at : chain.above(owner)) {
            auto& row = leaders[at];
            row.makers += c.team_makers[t];
            row.uncovered_teams.push_back(org.teams[t].id);
        }
    }
    for (auto& [id, row] : leaders) finish(in, r, std::move(row));
}

} // namespace orgplan::ratio_rows
