#include "orgplan/analysis/coaching.hpp"

#include <algorithm>
#include <string_view>
#include <set>
#include <unordered_map>

#include "orgplan/analysis/shared_work.hpp"
#include "../base/view_map.hpp"

namespace orgplan {

bool experience_known(const Person& pm) { return pm.pm_years.has_value() || pm.origin == Origin::internal_transfer; }

bool is_novice(const Person& pm, const Settings& settings) {
    if (pm.origin == Origin::internal_transfer) return true;
    return pm.pm_years && *pm.pm_years < settings.get("coaching.novice_years");
}

bool is_senior(const Person& pm, const Settings& settings) {
    return !is_novice(pm, settings) && pm.pm_years && *pm.pm_years >= settings.get("coaching.senior_years");
}

namespace {

// Walks up the manager chain to the first product leader; "" when there is none.
class LeaderFinder {
public:
    explicit LeaderFinder(const Org& org) : people_(people_by_id(org)) {}
    std::string_view nearest(const Person& p) const {
        std::string_view leader;
        if (!p.manager_id.empty())
            people_->walk_up(p.manager_id, [&](const Person& above) {
                if (above.family == Family::product_leader) leader = above.id;
                return leader.empty();
            });
        return leader;
    }

private:
    std::shared_ptr<const PeopleById> people_;
};

// Senior PMs with no product leader above them, in people order.
std::vector<const Person*> leaderless(const Org& org, const Settings& settings, const LeaderFinder& leaders) {
    std::vector<const Person*> out;
    for (const auto& p : org.people)
        if (p.family == Family::pm && is_senior(p, settings) && leaders.nearest(p).empty()) out.push_back(&p);
    return out;
}

sdk::Coaching coaching_groups(const Org& org, const Settings& settings, const LeaderFinder& leaders);

} // namespace

CoachingSides coaching_sides(const Org& org, const Settings& settings) {
    const LeaderFinder leaders(org);
    CoachingSides out{coaching_groups(org, settings, leaders), {}};
    for (const auto* p : leaderless(org, settings, leaders)) out.leaderless_seniors.push_back(p->id);
    return out;
}

CoachingBalance coaching_balance(const Org& org, const Settings& settings) {
    const LeaderFinder leaders(org); // one index of a million people for both halves
    auto b = coaching_balance(coaching_groups(org, settings, leaders));
    for (const auto* p : leaderless(org, settings, leaders))
        b.capacity += p->coaching_hours.value_or(settings.get("coaching.senior_hours"));
    return b;
}

sdk::Coaching coaching_groups(const Org& org, const Settings& settings) {
    return coaching_groups(org, settings, LeaderFinder(org));
}

namespace {

sdk::Coaching coaching_groups(const Org& org, const Settings& settings, const LeaderFinder& leaders) {
    sdk::Coaching out;
    out.novice_hours = settings.get("coaching.novice_hours");
    // A leader who is also PM for some teams (a player-coach) coaches in the rest of their time: half-time as PM
    // keeps half the hours.
    std::unordered_map<std::string_view, double> pm_share;
    for (const auto& a : org.assignments) pm_share[a.pm_id] += a.share;
    // Groups by leader, each found with one probe (a million people's org has tens of thousands of leaders), listed
    // by leader id at the end.
    std::vector<sdk::CoachingGroup> listed;
    ViewMap<std::size_t> group_of;
    const auto group = [&](std::string_view leader) -> sdk::CoachingGroup& {
        const auto [at, fresh] = group_of.try_emplace(leader, listed.size());
        if (fresh) listed.emplace_back().leader_id = std::string(leader);
        return listed[at->second];
    };
    for (const auto& p : org.people)
        if (p.family == Family::product_leader) {
            auto& g = group(p.id);
            const auto share = pm_share.find(p.id);
            const double coaching_time = share == pm_share.end() ? 1.0 : std::max(0.0, 1.0 - share->second);
            g.leader_hours = p.coaching_hours.value_or(settings.get("coaching.leader_hours")) * coaching_time;
            g.capacity_hours = g.leader_hours;
        }
    for (const auto& p : org.people) {
        if (p.family != Family::pm) continue;
        if (!experience_known(p)) {
            out.experience_unknown.push_back(p.id);
            continue;
        }
        const auto leader = leaders.nearest(p);
        if (is_novice(p, settings)) {
            if (leader.empty()) {
                out.novices_without_leader.push_back(p.id);
                continue;
            }
            auto& g = group(leader);
            g.novices.push_back(p.id);
            if (p.manager_id == leader) g.direct_novices.push_back(p.id);
        } else if (is_senior(p, settings) && !leader.empty()) {
            auto& g = group(leader);
            g.capacity_hours += p.coaching_hours.value_or(settings.get("coaching.senior_hours"));
            g.seniors.push_back(p.id);
        }
    }
    std::sort(listed.begin(), listed.end(),
              [](const sdk::CoachingGroup& a, const sdk::CoachingGroup& b) { return a.leader_id < b.leader_id; });
    out.groups = std::move(listed);
    return out;
}

} // namespace

CoachingBalance coaching_balance(const sdk::Coaching& coaching) {
    CoachingBalance b;
    for (const auto& g : coaching.groups) {
        b.capacity += g.capacity_hours;
        b.demand += g.novices.size() * coaching.novice_hours;
    }
    b.demand += coaching.novices_without_leader.size() * coaching.novice_hours;
    return b;
}

} // namespace orgplan
