// Analyses shared by several commands (plan, diagnose, scenario diff), each on a given org and settings.
#pragma once

#include <string>
#include <vector>

#include "orgplan/planning/headcount_plan.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/plugin_host/plugin_host.hpp"
#include "orgplan/model/settings.hpp"

namespace orgplan {

/// Planning input for an org: today's makers and PMs, coaching balance, and the hires as the mix plugin
/// describes them (`mix_plan` is its answer for 1000 hires). `team_growth` overrides `growth` per team. Makers in
/// no team count only with `include_unassigned` (their FTE is in PlanInput::unassigned_makers either way). With
/// `count_planned`, the org's open maker positions join in the quarter they are planned for (counted from today).
PlanInput plan_input(const Org& org, const Settings& settings, const sdk::HiringPlan& mix_plan, int quarters,
                     double growth, const std::vector<double>& team_growth = {}, bool include_unassigned = false,
                     bool count_planned = false);

/// The mix plugin's plan for 1000 hires, from which plan_input takes shares, lead times, ramp-up and cost.
sdk::HiringPlan mix_profile(const PluginHost& host, const std::string& mix, const Org& org, const Settings& settings,
                            const sdk::Params& params);

struct DiagnosticsRun {
    std::vector<sdk::Finding> findings; ///< worst first, then by check and subject
    std::vector<std::string> failed;    ///< diagnostics that failed (skipped unless strict)
    std::vector<std::string> errors;    ///< their messages
};

/// Runs `diagnostics` (all of the host's when empty) on the org. A failing plugin throws under
/// OnError::fail, else is listed in `failed`.
DiagnosticsRun run_diagnostics(const PluginHost& host, std::vector<const LoadedPlugin*> diagnostics, const Org& org,
                               const Settings& settings, const sdk::Params& params,
                               const std::vector<std::pair<std::string, std::string>>& mentor_pairs,
                               const sdk::HiringPlan& planned_hiring, const MakerTotals* makers = nullptr);

} // namespace orgplan
