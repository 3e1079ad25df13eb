// Narrowing a ratio report to part of the org: the rows about one segment's or one product's teams, or with one
// status. Each kept row stays as computed on the whole org (a product with teams in two segments shows whole), so a
// drill-down from segment to product to team shows the same numbers as the unfiltered report.
#pragma once

#include <string>

#include "orgplan/analysis/ratios.hpp"

namespace orgplan {

struct RatioFilter {
    std::string segment; ///< a segment id; "(none)" for teams with no segment (their own or their product's)
    std::string product; ///< a product id; "(none)" for teams with no product
    std::string status;  ///< no_pm, over, no_makers, ok or empty
    std::string leader;  ///< a person id: teams and PMs under them in the reporting tree
    bool empty() const { return segment.empty() && product.empty() && status.empty() && leader.empty(); }
};

/// Keeps the rows of `report` that `filter` describes. Segment and product narrow team, product and segment rows
/// (the rows covering at least one team that matches); leader narrows PM rows to the PMs reporting to them at any
/// depth, and team rows to the teams one of those PMs covers (a team without a PM: one with a member under them);
/// status narrows rows of every level. Throws orgplan::Error for an id the org does not have, an unknown status,
/// or a filter with a level it does not narrow.
void filter_ratio_rows(RatioReport& report, const Org& org, const RatioFilter& filter);

} // namespace orgplan
