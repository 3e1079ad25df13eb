#include "orgplan/analysis/interrupt_report.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "orgplan/model/enums.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/model/functions.hpp"
#include "orgplan/storage/history.hpp"
#include "orgplan/base/text.hpp"
#include "orgplan/model/people_by_id.hpp"

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

namespace {

// The names behind the ids an interrupt carries, and the group an interrupt falls in under a grouping.
class InterruptGroups {
public:
    InterruptGroups(const Org& org, std::string by) : by_(std::move(by)), function_of_(org), people_(org.people) {
        for (const auto& t : org.teams) teams_.emplace(t.id, &t);
        for (const auto& p : org.products) product_names_.emplace(p.id, p.name);
    }
    const std::string& by() const { return by_; }

    // The group of an interrupt (by pm, each PM it hit is its own group: see tally).
    std::string of(const Interrupt& x) const {
        if (by_ == "requester")
            return x.requester_id.empty() ? x.requester_name + " (" + x.requester_function + ")" : x.requester_id.str();
        if (by_ == "function") {
            if (x.requester_id.empty()) return text::normalise_key(x.requester_function);
            const auto* person = people_.find(x.requester_id);
            return person ? function_of_(*person) : kNone;
        }
        if (by_ == "team") return x.team_id.empty() ? kNone : x.team_id;
        if (by_ == "product") {
            if (!x.product_id.empty()) return x.product_id;
            auto it = teams_.find(x.team_id);
            return it == teams_.end() || it->second->product_id.empty() ? kNone : it->second->product_id;
        }
        return std::string(to_string(x.kind));
    }

    // Names the row after the person, team or product its key is.
    void label(InterruptRow& row) const {
        if (const auto* p = people_.find(row.key); p && (by_ == "pm" || by_ == "requester")) {
            row.label = p->name;
            if (by_ == "requester") row.function = function_of_(*p);
        } else if (auto t = teams_.find(row.key); by_ == "team" && t != teams_.end()) {
            row.label = t->second->name;
        } else if (auto n = product_names_.find(row.key); by_ == "product" && n != product_names_.end()) {
            row.label = n->second;
        }
    }

private:
    std::string by_;
    const FunctionOf function_of_;
    PeopleById people_;
    std::unordered_map<std::string, const Team*> teams_;
    std::unordered_map<std::string, std::string> product_names_;
};

// A group's row, with the hours that hit PMs (which its shares are of).
struct Tally {
    InterruptRow row;
    double attributed = 0, unplanned_attributed = 0;
    void add(const Interrupt& x, double hours, double hit_pms) {
        ++row.count;
        row.hours += hours;
        attributed += hit_pms;
        if (!x.planned) {
            row.unplanned_hours += hours;
            unplanned_attributed += hit_pms;
        }
    }
};
using MonthTally = std::map<std::string, std::pair<InterruptMonth, double>>; // with the hours that hit PMs

// Adds one interrupt to the report's totals, its month and its group (by pm, to each PM it hit).
void tally(const Interrupt& x, const InterruptGroups& groups, const sdk::InterruptAttribution& attribution,
           InterruptReport& r, std::map<std::string, Tally>& tallies, MonthTally& months) {
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
    const auto add = [&](const std::string& key, double hours, double hit_pms) {
        auto& t = tallies[key];
        t.row.key = key;
        t.add(x, hours, hit_pms);
    };
    if (groups.by() == "requester" && x.requester_id.empty()) {
        // Someone outside the people data: named and placed by the row itself.
        auto& row = tallies[groups.of(x)].row;
        row.label = x.requester_name;
        row.function = text::normalise_key(x.requester_function);
    }
    if (groups.by() != "pm")
        add(groups.of(x), x.hours, attributed);
    else if (hits.empty())
        add(kNone, x.hours, 0);
    else
        for (const auto& h : hits) add(h.pm_id, h.hours, h.hours);
}

// The rows, most hours first, with shares of each PM's own time (by pm), else of the PM team's.
void group_rows(const Org& org, const InterruptGroups& groups, std::map<std::string, Tally>& tallies,
                InterruptReport& r) {
    const bool by_pm = groups.by() == "pm";
    std::map<std::string, sdk::PmInterruptLoad> loads;
    if (by_pm)
        for (auto& l : sdk::pm_interrupt_loads(org, r.period, r.hours_per_week)) loads.emplace(l.pm_id, std::move(l));
    for (auto& [key, g] : tallies) {
        auto& row = g.row;
        double capacity = r.pm_capacity_hours;
        if (by_pm) {
            auto it = loads.find(key);
            capacity = it == loads.end() ? 0 : it->second.available_hours;
            if (it != loads.end() && !it->second.unplanned_by_requester.empty())
                row.top_requester = it->second.top_requesters().front().first;
        }
        row.share = capacity > 0 ? g.attributed / capacity : 0;
        row.unplanned_share = capacity > 0 ? g.unplanned_attributed / capacity : 0;
        groups.label(row);
        r.rows.push_back(std::move(row));
    }
    std::stable_sort(r.rows.begin(), r.rows.end(),
                     [](const InterruptRow& a, const InterruptRow& b) { return a.hours > b.hours; });
}

// Each month's share of the PM time in the part of it the period covers.
void month_rows(MonthTally& months, InterruptReport& r) {
    for (auto& [key, m] : months) {
        auto& [month, attributed] = m;
        const double days = overlap_days(r.period, key + "-01", sdk::month_end(key + "-01"));
        const double capacity = r.pm_fte * r.hours_per_week * days / 7.0;
        month.share = capacity > 0 ? attributed / capacity : 0;
        r.months.push_back(month);
    }
}

} // namespace

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
    const InterruptGroups groups(org, by);
    const sdk::InterruptAttribution attribution(org);
    std::map<std::string, Tally> tallies;
    MonthTally months;
    for (const auto& x : org.interrupts)
        if (period.contains(x.date)) tally(x, groups, attribution, r, tallies, months);
    group_rows(org, groups, tallies, r);
    month_rows(months, r);
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
