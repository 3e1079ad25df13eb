// Maker:PM ratios, FTE-weighted, at team, product, segment, PM, leader and org level (docs/ratios.md).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "orgplan/analysis/coverage.hpp"
#include "orgplan/org.hpp"
#include "orgplan/storage/org_store.hpp"

namespace orgplan {

/// Worst first: makers without a PM, over the threshold, PM time on no makers, within it, nothing at all.
enum class RatioStatus { no_pm, over, no_makers, ok, empty };
std::string_view to_string(RatioStatus s);

struct RatioRow {
    std::string id;
    std::string name;
    double makers = 0;
    double pms = 0;
    std::optional<double> ratio;    ///< empty when there is no PM FTE
    RatioStatus status = RatioStatus::ok;
    std::size_t spread = 0;          ///< pm rows: teams covered; leader rows: PMs led; others: teams
    std::vector<std::string> pm_ids; ///< team/product/segment rows: PMs covering it
    bool leader = false;             ///< pm rows: a product leader covering teams as a player-coach
    /// leader rows: teams with makers and no PM that fall to this leader (their makers, product or unit are
    /// under them); their makers are in the row's makers.
    std::vector<std::string> uncovered_teams;
};

struct RatioReport {
    std::string by;
    double threshold = 10;
    double max_spread = 3;
    std::vector<RatioRow> rows;     ///< worst first
    double org_makers = 0;
    double org_pms = 0;             ///< all PM FTE, including org-level and unassigned
    double org_level_pm = 0;        ///< PM FTE on initiatives/accounts/teamless targets
    std::vector<std::string> unowned_teams; ///< leader report: teams with makers and no PM that no leader is above
    double unassigned_pm = 0;
    double unallocated_makers = 0;
    double leader_pm = 0;           ///< PM FTE given by product leaders (included in org_pms)
    std::vector<std::string> teams_without_pm;       ///< teams with makers and no PM FTE
    std::vector<std::pair<std::string, std::size_t>> thin_pms; ///< PMs covering more than max_spread teams
    std::optional<double> org_ratio() const;
};

/// Ratio status for makers over PM FTE against a threshold.
RatioStatus classify_ratio(double makers, double pms, double threshold);

/// `by` is team, product, segment, pm, leader or org; throws orgplan::Error otherwise.
RatioReport compute_ratios(const Org& org, const std::string& by, double threshold, double max_spread,
                           const std::vector<Assignment>* assignments = nullptr, const MakerTotals* makers = nullptr);
/// The same from coverage already worked out, for several levels of one org (the report): the same report.
RatioReport compute_ratios(const Org& org, const Coverage& coverage, const std::string& by, double threshold,
                           double max_spread);

} // namespace orgplan
