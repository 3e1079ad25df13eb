// Answers shared by a command and the HTML report: each builds the Output a command prints.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "orgplan/analysis/alignment.hpp"
#include "orgplan/planning/headcount_plan.hpp"
#include "orgplan/planning/mentoring.hpp"
#include "orgplan/output/output.hpp"
#include "orgplan/plugin_host/plugin_host.hpp"
#include "orgplan/model/settings.hpp"

namespace orgplan {

/// The plugins an answer may call, their parameters, and whether a failing one stops it (strict) or is skipped
/// with a warning on stderr naming `command`.
struct PluginRun {
    const PluginHost& host;
    sdk::Params params;
    bool strict = false;
    const char* command = "orgplan";
    /// Told each plugin skipped for a failure (without strict), in a sentence; a front end shows it as it can.
    std::function<void(const std::string&)> warn = {};
};

/// A proposal's numbers as JSON (align --compare rows, align --principle metrics).
nlohmann::json metrics_json(const ProposalMetrics& m);

/// Every organizing principle against today's assignments, best first after "(current)".
struct PrincipleComparison {
    Output output;
    std::vector<std::pair<std::string, ProposalMetrics>> rows; ///< ("(current)", today) first, then by score
    std::vector<std::pair<std::string, std::string>> not_applicable; ///< (principle, what data it lacks)
};
PrincipleComparison compare_principles(const Org& org, const Settings& settings, const PluginRun& plugins);

/// Hiring mixes for `count` PM hires (none: what the org needs to reach the threshold), each with its cost,
/// ramp-up and coaching load. `mixes` empty: every mix.
/// Makers in no team count toward a derived `count` only with `include_unassigned`; a note says either way.
Output hiring_answer(const Org& org, const Settings& settings, const PluginRun& plugins, std::optional<double> count,
                     const std::vector<std::string>& mixes, bool include_unassigned = false);

struct PlanOptions {
    std::string mix = "balanced";
    int quarters = 8;
    std::vector<double> team_growth; ///< per team, overriding plan.maker_growth; empty: the setting for all
    int trials = 0;                  ///< Monte Carlo trials; 0: none
    std::uint64_t seed = 1;
    /// Told "start" before a long simulation and "done" after it (a terminal shows a line, then clears it).
    std::function<void(const char* phase, const std::string& what)> progress;
    bool include_unassigned = false; ///< count makers in no team (--include-unassigned)
    bool count_planned = false;      ///< count open maker positions (--planned)
};
/// The quarterly headcount plan (and its simulated risk), with the numbers behind the table.
struct HeadcountAnswer {
    Output output;
    PlanInput input;
    std::vector<QuarterPlan> rows;
    std::vector<QuarterRisk> risk;
};
HeadcountAnswer plan_answer(const Org& org, const Settings& settings, const PluginRun& plugins, const PlanOptions& options);

/// Who coaches whom: the pairings (main table), each mentor's load, coverage and the recommendation.
Output mentoring_answer(const Org& org, const MentoringPlan& plan);

/// Interrupts grouped `by` (pm, requester, function, team, product, kind) from `from` to `to` (empty: the log's
/// whole months), with the month trend as a second table. Throws orgplan::Error for a bad grouping or date.
Output interrupts_answer(const Org& org, const Settings& settings, const std::string& by, const std::string& from,
                         const std::string& to);

/// People on at least `at_least` task forces, their seats and whether that is over the limit.
Output task_force_load_answer(const Org& org, const Settings& settings, std::size_t at_least);

} // namespace orgplan
