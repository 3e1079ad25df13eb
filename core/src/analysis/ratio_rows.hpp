// What the ratio levels share (core-private): the coverage they read and how a row is finished. Each level of
// compute_ratios (team, product, segment, pm, leader, org) is a function from these inputs to rows.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "orgplan/analysis/ratios.hpp"

namespace orgplan::ratio_rows {

inline constexpr double kTiny = 1e-12;

/// The org, its coverage, and the PMs covering each team (each once, in id order).
struct Inputs {
    const Org& org;
    const Coverage& coverage;
    std::vector<std::vector<const std::string*>> team_pms;
    double threshold = 10;
};

/// Sets the row's status and ratio and adds it to the report.
void finish(const Inputs& in, RatioReport& report, RatioRow row);

/// A PM's load: each covered team's makers in proportion to the PM's part of the team's PM FTE.
struct PmLoad {
    double makers = 0, fte = 0;
    std::size_t teams = 0;
};
std::unordered_map<std::string, PmLoad> pm_loads(const Coverage& c);

/// One row per product leader: the PMs below them, their own PM time, and the teams with makers and no PM that fall
/// to them (docs/ratios.md); teams no leader reaches go to report.unowned_teams.
void leader_rows(const Inputs& in, RatioReport& report);

} // namespace orgplan::ratio_rows
