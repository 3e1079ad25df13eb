#include "orgplan/planning/analysis.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "orgplan/analysis/coaching.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/storage/history.hpp"
#include "orgplan/planning/positions.hpp"
#include "orgplan/plugin_host/plugin_requests.hpp"
#include "orgplan/analysis/ratios.hpp"
#include "orgplan/analysis/spans.hpp"

namespace orgplan {

PlanInput plan_input(const Org& org, const Settings& settings, const sdk::HiringPlan& mix_plan, int quarters,
                     double growth, const std::vector<double>& team_growth, bool include_unassigned,
                     bool count_planned) {
    const auto coverage = compute_coverage(org, org.assignments);
    PlanInput in;
    in.quarters = quarters;
    in.team_makers = coverage.team_makers;
    in.team_growth = team_growth.size() == org.teams.size() ? team_growth : std::vector<double>(org.teams.size(), growth);
    // Makers outside teams (often an export's gaps, not people PMs serve) grow at the org rate when counted.
    in.unassigned_makers = coverage.unallocated_makers;
    in.team_makers.push_back(include_unassigned ? coverage.unallocated_makers : 0.0);
    in.team_growth.push_back(growth);
    if (count_planned)
        for (const auto& c : planned_maker_changes(org, today()))
            if (!c.team_id.empty() || include_unassigned) in.planned_makers.emplace_back(c.plan_quarter, c.fte);
    in.pm_fte = coverage.pm_fte_total;
    for (const auto& p : org.people) in.pm_count += p.family == Family::pm;
    in.threshold = settings.get("ratio.threshold");
    in.pm_attrition = settings.get("plan.attrition_pm");
    in.maker_attrition = settings.get("plan.attrition_maker");
    in.ramp_factor = settings.get("hire.ramp_factor");
    in.novice_hours = settings.get("coaching.novice_hours");
    in.senior_hours = settings.get("coaching.senior_hours");
    const auto balance = coaching_balance(org, settings);
    in.coaching_capacity = balance.capacity;
    in.coaching_demand = balance.demand;
    double total = 0;
    for (const auto& g : mix_plan.groups) total += g.count;
    for (const auto& g : mix_plan.groups) {
        const auto k = g.origin == Origin::external_senior     ? HireKind::senior
                       : g.origin == Origin::internal_transfer ? HireKind::transfer
                                                               : HireKind::newcomer;
        auto& h = in.hires[static_cast<std::size_t>(k)];
        h.share = total > 0 ? g.count / total : 0;
        h.lead_quarters = static_cast<int>(std::lround(g.lead_quarters));
        h.ramp_quarters = static_cast<int>(std::lround(g.ramp_quarters));
        h.yearly_cost = g.unit_cost;
        h.novice = g.coaching_need_hours > 0;
    }
    return in;
}

sdk::HiringPlan mix_profile(const PluginHost& host, const std::string& mix, const Org& org, const Settings& settings,
                            const sdk::Params& params) {
    const auto& plugin = host.get(sdk::PluginKind::hiring_mix, mix);
    return host.plan(plugin, {org, 1000, to_sdk(settings), params});
}

DiagnosticsRun run_diagnostics(const PluginHost& host, std::vector<const LoadedPlugin*> diagnostics, const Org& org,
                               const Settings& settings, const sdk::Params& params,
                               const std::vector<std::pair<std::string, std::string>>& mentor_pairs,
                               const sdk::HiringPlan& planned_hiring, const MakerTotals* makers) {
    // Coaching and the tree first: an answer's second thread may be working the coverage out meanwhile.
    const auto coaching = coaching_groups(org, settings);
    const auto reporting = reporting_tree(org); // once, for every span and layer check
    const auto coverage = to_sdk(compute_coverage(org, org.assignments, makers));
    const sdk::DiagnosticRequest request{org,    coverage,     coaching,      reporting, to_sdk(settings),
                                         params, mentor_pairs, planned_hiring};
    if (diagnostics.empty()) diagnostics = host.of_kind(sdk::PluginKind::diagnostic);
    DiagnosticsRun run;
    for (const auto* p : diagnostics) {
        try {
            auto found = host.diagnose(*p, request);
            run.findings.insert(run.findings.end(), std::make_move_iterator(found.begin()),
                                std::make_move_iterator(found.end()));
        } catch (const Error& e) {
            if (host.on_error() == PluginHost::OnError::fail) throw;
            run.failed.push_back(p->name);
            run.errors.push_back(e.what());
        }
    }
    std::stable_sort(run.findings.begin(), run.findings.end(), [](const auto& a, const auto& b) {
        if (a.severity != b.severity) return a.severity > b.severity;
        if (a.check != b.check) return a.check < b.check;
        return a.subject < b.subject;
    });
    return run;
}

} // namespace orgplan
