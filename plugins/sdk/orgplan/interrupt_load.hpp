// How much of each PM's time interrupts took: the period they are measured over, whom each interrupt hit, and the
// load per PM. Header-only and plain data, so the host (orgplan interrupts, ratios --net-of-interrupts) and plugins
// (the interrupt-overload diagnostic) count the same way. docs/interrupts.md explains the rules.
#pragma once

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "orgplan/org.hpp"

namespace orgplan::sdk {

/// Days since 1970-01-01 of a YYYY-MM-DD date (proleptic Gregorian calendar).
inline long days_of(std::string_view date) {
    int y = 0, m = 0, d = 0;
    if (date.size() != 10 || std::sscanf(std::string(date).c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return 0;
    // Howard Hinnant's days_from_civil.
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/// The month of a date, "YYYY-MM".
inline std::string month_of(std::string_view date) { return std::string(date.substr(0, 7)); }

/// The last day of a date's month, as YYYY-MM-DD.
inline std::string month_end(std::string_view date) {
    const int y = std::stoi(std::string(date.substr(0, 4))), m = std::stoi(std::string(date.substr(5, 2)));
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    const int last = m == 2 && leap ? 29 : days[m - 1];
    char out[11];
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", y, m, last);
    return out;
}

/// Dates from `from` to `to`, both included.
struct Period {
    std::string from, to;
    bool contains(std::string_view date) const { return date >= from && date <= to; }
    long days() const { return from.empty() ? 0 : days_of(to) - days_of(from) + 1; }
    double weeks() const { return days() / 7.0; }
};

/// The whole calendar months the interrupts fall in: from the first day of the earliest one's month to the last day
/// of the latest one's. Empty when there are none.
inline Period logged_period(const std::vector<Interrupt>& interrupts) {
    if (interrupts.empty()) return {};
    auto [first, last] = std::minmax_element(interrupts.begin(), interrupts.end(),
                                             [](const Interrupt& a, const Interrupt& b) { return a.date < b.date; });
    return {month_of(first->date) + "-01", month_end(last->date)};
}

/// The PMs an interrupt took time from, with the hours each lost.
struct Hit {
    std::string pm_id;
    double hours = 0;
};

/// Whom interrupts hit: the PM named; else the PMs assigned to the team named (by their shares); else those assigned
/// to the product, directly or through its teams. An interrupt nobody covers hits no one (it is reported as
/// unattributed).
class InterruptAttribution {
public:
    explicit InterruptAttribution(const Org& org) {
        std::unordered_map<std::string, std::string> product_of_team;
        for (const auto& t : org.teams) product_of_team[t.id] = t.product_id;
        for (const auto& a : org.assignments) {
            if (a.kind == TargetKind::team) {
                team_[a.target_id].push_back({a.pm_id, a.share});
                if (auto it = product_of_team.find(a.target_id); it != product_of_team.end() && !it->second.empty())
                    product_[it->second].push_back({a.pm_id, a.share});
            } else if (a.kind == TargetKind::product) {
                product_[a.target_id].push_back({a.pm_id, a.share});
            }
        }
    }

    std::vector<Hit> hits(const Interrupt& x) const {
        if (!x.pm_id.empty()) return {{x.pm_id, x.hours}};
        const Covering* covering = nullptr;
        if (!x.team_id.empty()) {
            if (auto it = team_.find(x.team_id); it != team_.end()) covering = &it->second;
        } else if (!x.product_id.empty()) {
            if (auto it = product_.find(x.product_id); it != product_.end()) covering = &it->second;
        }
        if (!covering) return {};
        // A PM covering the product through two of its teams counts once, with both shares.
        std::map<std::string, double> share;
        double total = 0;
        for (const auto& [pm, s] : *covering) {
            share[pm] += s;
            total += s;
        }
        std::vector<Hit> out;
        for (const auto& [pm, s] : share) out.push_back({pm, total > 0 ? x.hours * s / total : 0});
        return out;
    }

private:
    using Covering = std::vector<std::pair<std::string, double>>;
    std::unordered_map<std::string, Covering> team_, product_;
};

/// Who asked: "Name (id)" for a person of the org, "Name (function, outside the org)" otherwise.
inline std::string requester_label(const Interrupt& x, const std::unordered_map<std::string, const Person*>& people) {
    if (!x.requester_id.empty()) {
        auto it = people.find(x.requester_id);
        return it == people.end() ? x.requester_id.str() : it->second->name + " (" + x.requester_id + ")";
    }
    return x.requester_name + " (" + (x.requester_function.empty() ? "?" : x.requester_function) + ", outside the org)";
}

/// One PM's interrupts over a period, against their working time in it.
struct PmInterruptLoad {
    std::string pm_id;
    double available_hours = 0; ///< FTE x hours per FTE-week x weeks of the period
    double hours = 0;           ///< every interrupt that hit them
    double unplanned_hours = 0;
    std::map<std::string, double> unplanned_by_requester; ///< requester label -> unplanned hours
    double share() const { return available_hours > 0 ? hours / available_hours : 0; }
    double unplanned_share() const { return available_hours > 0 ? unplanned_hours / available_hours : 0; }
    /// Requesters of unplanned time, most hours first (ties by label).
    std::vector<std::pair<std::string, double>> top_requesters() const {
        std::vector<std::pair<std::string, double>> out(unplanned_by_requester.begin(), unplanned_by_requester.end());
        std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        return out;
    }
};

/// The load of every person interrupts in the period hit, ordered by id. Hits on ids not in the org are skipped.
inline std::vector<PmInterruptLoad> pm_interrupt_loads(const Org& org, const Period& period, double hours_per_week) {
    if (org.interrupts.empty()) return {}; // nothing to attribute: no index of a million people for it
    std::unordered_map<std::string, const Person*> people;
    for (const auto& p : org.people) people.emplace(p.id, &p);
    const InterruptAttribution attribution(org);
    std::map<std::string, PmInterruptLoad> loads;
    for (const auto& x : org.interrupts) {
        if (!period.contains(x.date)) continue;
        for (const auto& hit : attribution.hits(x)) {
            auto person = people.find(hit.pm_id);
            if (person == people.end()) continue;
            auto& load = loads[hit.pm_id];
            if (load.pm_id.empty()) {
                load.pm_id = hit.pm_id;
                load.available_hours = person->second->fte * hours_per_week * period.weeks();
            }
            load.hours += hit.hours;
            if (!x.planned) {
                load.unplanned_hours += hit.hours;
                load.unplanned_by_requester[requester_label(x, people)] += hit.hours;
            }
        }
    }
    std::vector<PmInterruptLoad> out;
    for (auto& [id, load] : loads) out.push_back(std::move(load));
    return out;
}

} // namespace orgplan::sdk
