// Counting planned positions: the org as it will be once its open roles are filled and planned departures gone.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "orgplan/org.hpp"
#include "orgplan/storage/org_store.hpp"

namespace orgplan {

/// A calendar quarter, e.g. 2027-Q1.
struct Quarter {
    int year = 0;
    int number = 1; ///< 1 to 4
    int index() const { return year * 4 + number - 1; }
};
/// "YYYY-Qn" (also "YYYY Qn", "Qn YYYY"); nullopt for anything else.
std::optional<Quarter> parse_quarter(std::string_view text);
/// The quarter of a YYYY-MM-DD date.
Quarter quarter_of_date(const std::string& date);

/// Maker FTE per team and in no team, from the people and memberships of `org`.
MakerTotals maker_totals(const Org& org);
/// The same totals with the open maker positions added and planned maker departures taken out (a team never below 0).
MakerTotals planned_maker_totals(const Org& org, MakerTotals totals);

/// An open maker position's FTE change (+ for an open role, - for a departure) and the plan quarter it counts from:
/// 1 for this quarter, an empty or past quarter; 2 for the next...
struct PlannedMakerChange {
    std::string team_id;
    double fte = 0;
    int plan_quarter = 1;
};
/// Every open maker position of `org` as a change, counted from `today` (YYYY-MM-DD).
std::vector<PlannedMakerChange> planned_maker_changes(const Org& org, const std::string& today);

} // namespace orgplan
