#include "orgplan/analysis/interrupt_report.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "orgplan/model/enums.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/model/functions.hpp"
#include "orgplan/storage/history.hpp"
#include "orgplan/base/text.hpp"

namespace orgplan {
namespace {

const char* const kNone = "(none)";

// The part of each person's FTE that is PM time, as ratios count it: all of a PM's, the share of their assignments
// of a product leader's (player-coaches), none of anyone else's.
std::vector<double> pm_parts(const Org& org) {
    std::unordered_map<std::string, double> assigned;
    for (const auto& a : org.assignments) assigned[a.pm_id] += a.share;
    std::vector<double> parts;
    parts.reserve(org.people.size());
    for (const auto& p : org.people) {
        const auto it = assigned.find(p.id);
        parts.push_back(p.family == Family::pm ? 1.0
                        : p.family == Family::product_leader && it != assigned.end() ? std::min(1.0, it->second)
                                                                                     : 0.0);
    }
    return parts;
}

double pm_fte_of(const Org& org) {
    const auto parts = pm_parts(org);
    double total = 0;
    for (std::size_t i = 0; i < org.people.size(); ++i) total += org.people[i].fte * parts[i];
    return total;
}

// Days of [first, last] within the period.
long overlap_days(const sdk::Period& period, const std::string& first, const std::string& last) {
    const auto from = std::max(first, period.from), to = std::min(last, period.to);
    return to < from ? 0 : sdk::days_of(to) - sdk::days_of(from) + 1;
}

} // namespace

sdk::Period interrupt_period(const Org& org, const std::string& from, const std::string& to) {
    if (!from.empty()) check_date(from, "--from");
    if (!to.empty()) check_date(to, "--to");
    auto period = sdk::logged_period(org.interrupts);
    if (!from.empty()) period.from = from;
    if (!to.empty()) period.to = to;
    if (period.from.empty() && !period.to.empty()) period.from = period.to.substr(0, 8) + "01";
    if (period.to.empty() && !period.from.empty()) period.to = sdk::month_end(period.from);
    if (period.to < period.from)
        throw Error("the period ends (" + period.to + ") before it starts (" + period.from + "); check --from and --to");
    return period;
}

InterruptReport interrupt_report(const Org& org, const std::string& by, const sdk::Period& period,
                                 double hours_per_week) {
    static const std::vector<std::string> groupings = {"requester", "function", "pm", "team", "product", "kind"};
    if (std::find(groupings.begin(), groupings.end(), by) == groupings.end())
        throw Error("--by " + by + ": group interrupts by requester, function, pm, team, product or kind");
    InterruptReport r;
    r.period = period;
    r.hours_per_week = hours_per_week;
    r.pm_fte = pm_fte_of(org);
    r.pm_capacity_hours = r.pm_fte * hours_per_week * period.weeks();

    std::unordered_map<std::string, const Person*> people;
    for (const auto& p : org.people) people.emplace(p.id, &p);
    std::unordered_map<std::string, const Team*> teams;
    for (const auto& t : org.teams) teams.emplace(t.id, &t);
    std::unordered_map<std::string, std::string> product_names;
    for (const auto& p : org.products) product_names.emplace(p.id, p.name);
    const FunctionOf function_of(org);
    const sdk::InterruptAttribution attribution(org);

    // The group of an interrupt under `by` (by pm, each PM it hit is its own group).
    auto group_of = [&](const Interrupt& x) -> std::string {
        if (by == "requester")
            return x.requester_id.empty() ? x.requester_name + " (" + x.requester_function + ")" : x.requester_id;
        if (by == "function") {
            if (x.requester_id.empty()) return text::normalise_key(x.requester_function);
            auto it = people.find(x.requester_id);
            return it == people.end() ? kNone : function_of(*it->second);
        }
        if (by == "team") return x.team_id.empty() ? kNone : x.team_id;
        if (by == "product") {
            if (!x.product_id.empty()) return x.product_id;
            auto it = teams.find(x.team_id);
            return it == teams.end() || it->second->product_id.empty() ? kNone : it->second->product_id;
        }
        return std::string(to_string(x.kind));
    };
    struct Tally {
        InterruptRow row;
        double attributed = 0, unplanned_attributed = 0;
    };
    std::map<std::string, Tally> groups;
    auto add = [&](const std::string& key, const Interrupt& x, double hours, double attributed) {
        auto& g = groups[key];
        g.row.key = key;
        ++g.row.count;
        g.row.hours += hours;
        g.attributed += attributed;
        if (!x.planned) {
            g.row.unplanned_hours += hours;
            g.unplanned_attributed += attributed;
        }
    };
    std::map<std::string, std::pair<InterruptMonth, double>> months; // with the hours that hit PMs
    for (const auto& x : org.interrupts) {
        if (!period.contains(x.date)) continue;
        ++r.count;
        r.hours += x.hours;
        if (!x.planned) r.unplanned_hours += x.hours;
        const auto hits = attribution.hits(x);
        double attributed = 0;
        for (const auto& h : hits) attributed += h.hours;
        if (hits.empty()) r.unattributed_hours += x.hours;
        auto& [month, month_attributed] = months[sdk::month_of(x.date)];
        month.month = sdk::month_of(x.date);
        ++month.count;
        month.hours += x.hours;
        if (!x.planned) month.unplanned_hours += x.hours;
        month_attributed += attributed;
        if (by == "requester" && x.requester_id.empty()) {
            // Someone outside the people data: named and placed by the row itself.
            auto& row = groups[group_of(x)].row;
            row.label = x.requester_name;
            row.function = text::normalise_key(x.requester_function);
        }
        if (by != "pm") {
            add(group_of(x), x, x.hours, attributed);
        } else if (hits.empty()) {
            add(kNone, x, x.hours, 0);
        } else {
            for (const auto& h : hits) add(h.pm_id, x, h.hours, h.hours);
        }
    }

    // Shares: of each PM's own time (by pm), else of the PM team's.
    std::map<std::string, sdk::PmInterruptLoad> loads;
    if (by == "pm")
        for (auto& l : sdk::pm_interrupt_loads(org, period, hours_per_week)) loads.emplace(l.pm_id, std::move(l));
    for (auto& [key, g] : groups) {
        auto& row = g.row;
        double capacity = r.pm_capacity_hours;
        if (by == "pm") {
            auto it = loads.find(key);
            capacity = it == loads.end() ? 0 : it->second.available_hours;
            if (it != loads.end() && !it->second.unplanned_by_requester.empty())
                row.top_requester = it->second.top_requesters().front().first;
        }
        row.share = capacity > 0 ? g.attributed / capacity : 0;
        row.unplanned_share = capacity > 0 ? g.unplanned_attributed / capacity : 0;
        if (auto p = people.find(key); p != people.end() && (by == "pm" || by == "requester")) {
            row.label = p->second->name;
            if (by == "requester") row.function = function_of(*p->second);
        } else if (auto t = teams.find(key); by == "team" && t != teams.end()) {
            row.label = t->second->name;
        } else if (auto n = product_names.find(key); by == "product" && n != product_names.end()) {
            row.label = n->second;
        }
        r.rows.push_back(std::move(row));
    }
    std::stable_sort(r.rows.begin(), r.rows.end(),
                     [](const InterruptRow& a, const InterruptRow& b) { return a.hours > b.hours; });
    for (auto& [key, m] : months) {
        auto& [month, attributed] = m;
        const double days = overlap_days(period, key + "-01", sdk::month_end(key + "-01"));
        const double capacity = r.pm_fte * hours_per_week * days / 7.0;
        month.share = capacity > 0 ? attributed / capacity : 0;
        r.months.push_back(month);
    }
    return r;
}

double take_out_interrupts(Org& org, const sdk::Period& period, double hours_per_week) {
    std::unordered_map<std::string, double> taken;
    for (const auto& l : sdk::pm_interrupt_loads(org, period, hours_per_week)) taken[l.pm_id] = std::min(1.0, l.share());
    double pm_fte_taken = 0;
    const auto parts = pm_parts(org);
    for (std::size_t i = 0; i < org.people.size(); ++i) {
        auto& p = org.people[i];
        auto it = taken.find(p.id);
        if (it == taken.end()) continue;
        pm_fte_taken += p.fte * parts[i] * it->second;
        p.fte *= 1.0 - it->second;
    }
    return pm_fte_taken;
}

} // namespace orgplan
