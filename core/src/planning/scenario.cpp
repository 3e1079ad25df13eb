#include "orgplan/planning/scenario.hpp"

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

#include <fmt/format.h>

#include "orgplan/base/error.hpp"
#include "orgplan/base/text.hpp"
#include "orgplan/model/enums.hpp"
#include "orgplan/model/lookup.hpp"
#include "orgplan/model/targets.hpp"
#include "orgplan/planning/positions.hpp"

namespace orgplan {

void move_pm(Scenario& s, const std::string& pm, TargetKind kind, const std::string& target, double share) {
    const auto* person = find_by_id(s.org.people, pm);
    if (!person || person->family != Family::pm)
        throw Error("'" + pm + "' is not a PM of scenario " + s.name);
    if (!(share > 0 && share <= 1)) throw Error("--share must be greater than 0 and at most 1");
    if (!has_target(s.org, kind, target))
        throw Error(fmt::format("unknown {} '{}' in scenario {}", to_string(kind), target, s.name));
    auto& a = s.org.assignments;
    a.erase(std::remove_if(a.begin(), a.end(), [&](const Assignment& x) { return x.pm_id == pm; }), a.end());
    a.push_back({pm, kind, target, share});
    // A PM with an explicit assignment no longer covers teams through membership; drop those to match.
    auto& m = s.org.memberships;
    m.erase(std::remove_if(m.begin(), m.end(), [&](const Membership& x) { return x.person_id == pm; }), m.end());
    s.changes.push_back(fmt::format("move PM {} to {} {} ({:g})", pm, to_string(kind), target, share));
}

void add_team(Scenario& s, const std::string& id, const std::string& name, int makers, const std::string& product,
              const std::string& segment) {
    if (id.empty()) throw Error("a new team needs an id");
    if (has_target(s.org, TargetKind::team, id)) throw Error("team '" + id + "' exists already in scenario " + s.name);
    if (makers < 0) throw Error("--makers cannot be negative");
    if (!product.empty() && !has_id(s.org.products, product)) throw Error("unknown product '" + product + "'");
    if (!segment.empty() && !has_id(s.org.segments, segment)) throw Error("unknown segment '" + segment + "'");
    s.org.teams.push_back({id, name.empty() ? id : name, "stream-aligned", product, segment, ""});
    s.changes.push_back(fmt::format("add team {}", id));
    if (makers > 0) change_makers(s, id, makers, "");
}

namespace {

// A new position id of this scenario: "SCENARIO:TEAM:open-N" or "SCENARIO:TEAM:leave-N", unique in the scenario.
std::string position_id(const Scenario& s, const std::string& team, const char* what) {
    for (int n = 1;; ++n) {
        auto id = fmt::format("{}:{}:{}-{}", s.name, team, what, n);
        if (std::none_of(s.org.positions.begin(), s.org.positions.end(), [&](const Position& p) { return p.id == id; }))
            return id;
    }
}

// Takes back up to `count` open maker positions of `kind` this scenario planned in `team`, newest first; returns
// how many it took back.
int take_back(Scenario& s, const std::string& team, PositionKind kind, int count) {
    int taken = 0;
    auto& positions = s.org.positions;
    for (auto it = positions.end(); it != positions.begin() && taken < count;) {
        --it;
        if (it->source == s.name && it->team_id == team && it->kind == kind && it->family == Family::maker &&
            it->status == PositionStatus::open) {
            it = positions.erase(it);
            ++taken;
        }
    }
    return taken;
}

} // namespace

void change_makers(Scenario& s, const std::string& team, int delta, const std::string& quarter) {
    if (!has_target(s.org, TargetKind::team, team)) throw Error("unknown team '" + team + "' in scenario " + s.name);
    if (!quarter.empty() && !parse_quarter(quarter))
        throw Error("quarter '" + quarter.substr(0, 24) + "' is not YYYY-Qn, e.g. 2027-Q1");
    // Makers a scenario plans are positions, never invented people or removed employees: +N opens N maker roles
    // (after taking back departures this scenario planned there), -N plans N unnamed departures (after taking back
    // its own open roles there).
    const auto open = delta > 0 ? PositionKind::open_role : PositionKind::departure;
    const auto opposite = delta > 0 ? PositionKind::departure : PositionKind::open_role;
    int left = std::abs(delta) - take_back(s, team, opposite, std::abs(delta));
    if (delta < 0 && left > 0) {
        double makers = 0, leaving = 0;
        for (const auto& m : s.org.memberships)
            if (m.team_id == team)
                for (const auto& p : s.org.people)
                    if (p.id == m.person_id && p.family == Family::maker) makers += p.fte * m.allocation;
        for (const auto& p : s.org.positions)
            if (p.team_id == team && p.family == Family::maker && p.status == PositionStatus::open)
                leaving += p.kind == PositionKind::departure ? p.fte : -p.fte;
        if (makers - leaving < left - 1e-9)
            throw Error(fmt::format("team {} has {:g} maker FTE with the positions already planned; cannot plan {} "
                                    "more departures",
                                    team, makers - leaving, left));
    }
    for (; left > 0; --left) {
        Position p;
        p.id = position_id(s, team, open == PositionKind::open_role ? "open" : "leave");
        p.kind = open;
        p.team_id = team;
        p.family = Family::maker;
        p.quarter = quarter;
        p.source = s.name;
        s.org.positions.push_back(std::move(p));
    }
    s.changes.push_back(fmt::format("{:+d} makers in team {} (planned positions{})", delta, team,
                                    quarter.empty() ? "" : ", from " + quarter));
}

namespace {

Person& person_of(Scenario& s, const std::string& id) {
    auto* person = find_by_id(s.org.people, id);
    if (!person) throw Error("no person '" + id + "' in scenario " + s.name);
    return *person;
}

void require_team(const Scenario& s, const std::string& team) {
    if (!has_target(s.org, TargetKind::team, team)) throw Error("unknown team '" + team + "' in scenario " + s.name);
}

void require_quarter(const std::string& quarter) {
    if (!quarter.empty() && !parse_quarter(quarter))
        throw Error("quarter '" + quarter.substr(0, 24) + "' is not YYYY-Qn, e.g. 2027-Q1");
}

// Whether `id` is `person` or reports to them, however far down (a manager's chain never loops in a loaded org, but
// the walk stops after as many steps as there are people all the same).
bool reports_to(const Org& org, const std::string& id, const std::string& person) {
    std::unordered_map<std::string, const Text*> manager_of;
    for (const auto& p : org.people) manager_of[p.id] = &p.manager_id;
    std::string at = id;
    for (std::size_t steps = 0; steps <= org.people.size() && !at.empty(); ++steps) {
        if (at == person) return true;
        const auto it = manager_of.find(at);
        at = it == manager_of.end() ? std::string() : it->second->str();
    }
    return false;
}

} // namespace

void move_person(Scenario& s, const std::string& id, const std::string& manager, const std::string& team) {
    if (manager.empty() && team.empty()) throw Error("moving " + id + " needs a manager or a team to move to");
    auto& person = person_of(s, id);
    std::vector<std::string> said;
    if (!manager.empty()) {
        person_of(s, manager);
        if (reports_to(s.org, manager, id))
            throw Error(fmt::format("{} cannot report to {}: {} is {} or reports to them", id, manager, manager, id));
        person.manager_id = manager;
        said.push_back("to manager " + manager);
    }
    if (!team.empty()) {
        require_team(s, team);
        auto& m = s.org.memberships;
        double total = 0;
        for (const auto& x : m)
            if (x.person_id == id) total += x.allocation;
        m.erase(std::remove_if(m.begin(), m.end(), [&](const Membership& x) { return x.person_id == id; }), m.end());
        m.push_back({id, team, total > 0 ? std::min(total, 1.0) : 1.0});
        said.push_back("to team " + team);
    }
    s.changes.push_back(fmt::format("move {} {}", id, text::join(said, " and ")));
}

void set_fte(Scenario& s, const std::string& id, double fte) {
    if (!(fte > 0 && fte <= 1)) throw Error(fmt::format("FTE {:g} of {}: give more than 0 and at most 1", fte, id));
    auto& person = person_of(s, id);
    const auto was = person.fte;
    person.fte = fte;
    s.changes.push_back(fmt::format("FTE of {} {:g} (was {:g})", id, fte, was));
}

void allocate(Scenario& s, const std::string& id, const std::string& team, double share) {
    if (!(share >= 0 && share <= 1))
        throw Error(fmt::format("share {:g} of {} in team {}: give 0 to 1", share, id, team));
    person_of(s, id);
    require_team(s, team);
    auto& m = s.org.memberships;
    double others = 0;
    for (const auto& x : m)
        if (x.person_id == id && x.team_id != team) others += x.allocation;
    if (others + share > 1 + 1e-9)
        throw Error(fmt::format("{} gives {:g} of their time to other teams; {:g} more in team {} would be over 1",
                                id, others, share, team));
    m.erase(std::remove_if(m.begin(), m.end(), [&](const Membership& x) { return x.person_id == id && x.team_id == team; }),
            m.end());
    if (share > 0) m.push_back({id, team, share});
    s.changes.push_back(share > 0 ? fmt::format("{} gives {:g} of their time to team {}", id, share, team)
                                  : fmt::format("{} leaves team {}", id, team));
}

void open_role(Scenario& s, const std::string& team, Family family, double fte, const std::string& quarter) {
    require_team(s, team);
    require_quarter(quarter);
    if (!(fte > 0 && fte <= 1)) throw Error(fmt::format("an open role's FTE {:g}: give more than 0 and at most 1", fte));
    Position p;
    p.id = position_id(s, team, "open");
    p.kind = PositionKind::open_role;
    p.team_id = team;
    p.family = family;
    p.fte = fte;
    p.quarter = quarter;
    p.source = s.name;
    s.changes.push_back(fmt::format("open role of {:g} {} FTE in team {}{} ({})", fte, to_string(family), team,
                                    quarter.empty() ? "" : " from " + quarter, p.id));
    s.org.positions.push_back(std::move(p));
}

void plan_departure(Scenario& s, const std::string& id, const std::string& quarter) {
    require_quarter(quarter);
    const auto& person = person_of(s, id);
    for (const auto& p : s.org.positions)
        if (p.kind == PositionKind::departure && p.person_id == id && p.status == PositionStatus::open)
            throw Error(id + " has a planned departure already (" + p.id + ")");
    Position p;
    for (const auto& m : s.org.memberships)
        if (m.person_id == id) {
            p.team_id = m.team_id;
            break;
        }
    p.id = position_id(s, p.team_id.empty() ? id : p.team_id.str(), "leave");
    p.kind = PositionKind::departure;
    p.family = person.family;
    p.fte = person.fte;
    p.quarter = quarter;
    p.person_id = id;
    p.source = s.name;
    s.changes.push_back(fmt::format("planned departure of {}{} ({})", id, quarter.empty() ? "" : " in " + quarter, p.id));
    s.org.positions.push_back(std::move(p));
}

void close_position(Scenario& s, const std::string& id) {
    auto& positions = s.org.positions;
    const auto it = std::find_if(positions.begin(), positions.end(), [&](const Position& p) { return p.id == id; });
    if (it == positions.end() || it->status != PositionStatus::open)
        throw Error("no open position '" + id + "' in scenario " + s.name);
    if (it->source == s.name)
        positions.erase(it);
    else
        it->status = PositionStatus::cancelled;
    s.changes.push_back("close position " + id);
}

void set_setting(Scenario& s, const std::string& key, double value) {
    s.settings.set(key, value);
    s.changes.push_back(fmt::format("set {} = {:g}", key, value));
}

void set_mix(Scenario& s, const std::string& mix) {
    s.mix = mix;
    s.changes.push_back("hiring mix " + mix);
}

} // namespace orgplan
