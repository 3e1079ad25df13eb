// Scoring organizing-principle proposals so they can be compared side by side (docs/align.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "orgplan/org.hpp"
#include "orgplan/analysis/ratios.hpp"

namespace orgplan {

struct ProposalMetrics {
    std::optional<double> max_ratio;    ///< worst finite team ratio; empty when no team has a PM
    std::optional<double> median_ratio; ///< median over teams with makers and PM time
    double pm_fte_needed = 0;           ///< PM FTE missing for every team to reach the threshold
    std::size_t thin_pms = 0;           ///< PMs covering more than max_spread teams
    std::size_t uncovered_teams = 0;    ///< teams with makers and no PM time
    std::size_t teams = 0;              ///< teams with makers
    std::size_t segments_covered = 0, segments = 0;
    std::size_t accounts_covered = 0, accounts = 0;
    std::size_t initiatives_covered = 0, initiatives = 0;
    double score = 0;                   ///< 0..100, higher is better
};

/// Evaluates assignments against the org:
///   score = 100 * (1 - 0.40 * uncovered/teams - 0.30 * min(1, needed/PM FTE) - 0.15 * thin/PMs
///                    - 0.15 * min(1, max(0, median/threshold - 1)))
ProposalMetrics evaluate(const Org& org, const std::vector<Assignment>& assignments, double threshold,
                         double max_spread);
/// The same with the org's coverage basis built once (`basis` must be of `org`).
ProposalMetrics evaluate(const CoverageBasis& basis, const Org& org, const std::vector<Assignment>& assignments,
                         double threshold, double max_spread);

} // namespace orgplan
