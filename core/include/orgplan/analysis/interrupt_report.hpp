// What interrupts cost the PMs: grouped by requester, function, PM, team, product or kind, per month, and the PM
// FTE left once they are taken out (docs/interrupts.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "orgplan/interrupt_load.hpp"
#include "orgplan/org.hpp"

namespace orgplan {

struct InterruptRow {
    std::string key;      ///< requester id (or name), function, PM id, team, product or kind; "(none)" when missing
    std::string label;    ///< a name for people and records, empty when the key says it all
    std::string function; ///< the requester's function (by requester)
    std::size_t count = 0;
    double hours = 0, unplanned_hours = 0;
    /// Of the PM's working time (by pm), else of the whole PM team's; hours that hit no PM are not counted.
    double share = 0, unplanned_share = 0;
    std::string top_requester; ///< by pm: who took most of their unplanned time
};

struct InterruptMonth {
    std::string month; ///< YYYY-MM
    std::size_t count = 0;
    double hours = 0, unplanned_hours = 0;
    double share = 0; ///< of the PM team's working time in the month's days within the period
};

struct InterruptReport {
    sdk::Period period;
    double hours_per_week = 40;
    double pm_fte = 0;             ///< PMs' FTE plus product leaders' PM share
    double pm_capacity_hours = 0;  ///< pm_fte x hours per week x weeks of the period
    std::vector<InterruptRow> rows; ///< most hours first
    std::vector<InterruptMonth> months;
    std::size_t count = 0;
    double hours = 0, unplanned_hours = 0;
    double unattributed_hours = 0; ///< interrupts of teams or products no PM covers
};

/// The period from --from and --to; a missing end takes the logged period's (whole months of the log). Throws
/// orgplan::Error for a date that is not YYYY-MM-DD or a period that ends before it starts.
sdk::Period interrupt_period(const Org& org, const std::string& from, const std::string& to);

/// Groups interrupts in the period by "requester", "function", "pm", "team", "product" or "kind". Throws
/// orgplan::Error for another grouping.
InterruptReport interrupt_report(const Org& org, const std::string& by, const sdk::Period& period,
                                 double hours_per_week);

/// The org with each PM's FTE reduced by the share of their working time interrupts took in the period (none left
/// below zero), so ratios show the maker:PM ratio the PMs live. Returns the PM FTE taken out.
double take_out_interrupts(Org& org, const sdk::Period& period, double hours_per_week);

} // namespace orgplan
