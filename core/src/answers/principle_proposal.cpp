#include "orgplan/answers/principle_proposal.hpp"


#include <fmt/format.h>

#include "orgplan/analysis/alignment.hpp"
#include "orgplan/analysis/coverage.hpp"
#include "orgplan/analysis/shared_work.hpp"
#include "orgplan/model/enums.hpp"
#include "orgplan/plugin_host/plugin_requests.hpp"

namespace orgplan {
namespace {

std::string summary_line(const ProposalMetrics& m, double threshold, double max_spread) {
    return fmt::format("max ratio {}, median {}; {:.2f} PM FTE short of {:g}:1; {} of {} teams without a PM; {} PMs "
                       "over {:g} teams; score {:.1f}",
                       m.max_ratio ? fmt::format("{:.1f}:1", *m.max_ratio) : "-",
                       m.median_ratio ? fmt::format("{:.1f}:1", *m.median_ratio) : "-", m.pm_fte_needed, threshold,
                       m.uncovered_teams, m.teams, m.thin_pms, max_spread, m.score);
}

Table assignments_table(const Org& org, const sdk::Proposal& proposal) {
    const auto people = people_by_id(org);
    Table table({{"pm", "pm"}, {"name", "name"}, {"role", "role"}, {"kind", "kind"}, {"target", "target"},
                 {"share", "share", 2}});
    for (const auto& a : proposal.assignments) {
        auto role = proposal.pm_roles.find(a.pm_id);
        const auto name = std::string(people->name_of(a.pm_id));
        table.add({a.pm_id, name, role == proposal.pm_roles.end() ? std::string() : role->second,
                   std::string(to_string(a.kind)), a.target_id, a.share});
    }
    return table;
}

} // namespace

PrincipleProposal propose_principle(const Org& org, const Settings& settings, const PluginRun& plugins,
                                    const std::string& name) {
    const double threshold = settings.get("ratio.threshold");
    const double max_spread = settings.get("ratio.max_spread");
    const CoverageBasis basis(org);
    const auto coverage = to_sdk(basis.cover(org.assignments));
    const sdk::PrincipleRequest request{org, coverage, to_sdk(settings), plugins.params};
    const auto& plugin = plugins.host.get(sdk::PluginKind::principle, name);
    PrincipleProposal out;
    out.proposal = plugins.host.propose(plugin, request);
    const auto& proposal = out.proposal;
    if (!proposal.not_applicable.empty())
        throw PrincipleNotApplicable("principle " + plugin.name + " is not applicable: " + proposal.not_applicable);
    const auto metrics = evaluate(basis, org, proposal.assignments, threshold, max_spread);
    const auto today = evaluate(basis, org, org.assignments, threshold, max_spread);
    auto& output = out.output;
    output = Output::of(assignments_table(org, proposal), {{"principle", plugin.name},
                                                           {"description", plugin.description},
                                                           {"rationale", proposal.rationale},
                                                           {"unfilled", proposal.unfilled},
                                                           {"metrics", metrics_json(metrics)},
                                                           {"current", metrics_json(today)},
                                                           {"applied", false}});
    output.title = "principle " + plugin.name;
    output.intro.push_back(plugin.name + ": " + plugin.description);
    output.notes.push_back("why:");
    for (const auto& line : proposal.rationale) output.notes.push_back("  - " + line);
    if (!proposal.unfilled.empty()) {
        output.notes.push_back("not covered:");
        for (const auto& line : proposal.unfilled) output.notes.push_back("  - " + line);
    }
    output.notes.push_back("");
    output.notes.push_back("proposal: " + summary_line(metrics, threshold, max_spread));
    output.notes.push_back("today:    " + summary_line(today, threshold, max_spread));
    return out;
}

} // namespace orgplan
