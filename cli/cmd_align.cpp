#include <algorithm>
#include <optional>
#include <iostream>

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include "orgplan/answers/answers.hpp"
#include "context.hpp"
#include "orgplan/storage/change_log.hpp"
#include "orgplan/storage/read_transaction.hpp"
#include "orgplan/analysis/alignment.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/model/enums.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/plugin_host/plugin_requests.hpp"
#include "orgplan/analysis/ratios.hpp"

namespace orgplan::cli {
namespace {

std::string summary_line(const ProposalMetrics& m, double threshold, double max_spread) {
    return fmt::format("max ratio {}, median {}; {:.2f} PM FTE short of {:g}:1; {} of {} teams without a PM; {} PMs "
                       "over {:g} teams; score {:.1f}",
                       m.max_ratio ? fmt::format("{:.1f}:1", *m.max_ratio) : "-",
                       m.median_ratio ? fmt::format("{:.1f}:1", *m.median_ratio) : "-", m.pm_fte_needed, threshold,
                       m.uncovered_teams, m.teams, m.thin_pms, max_spread, m.score);
}

} // namespace

int cmd_align(const Args& args) {
    Common common;
    PluginOptions plugin_options;
    std::string principle;
    bool compare = false, apply = false;
    std::optional<double> threshold_option, max_spread_option;
    po::options_description desc("align options");
    desc.add_options()
        ("principle", po::value(&principle)->value_name("NAME"), "organizing principle plugin (orgplan plugins list)")
        ("compare", po::bool_switch(&compare), "run every principle and compare them side by side")
        ("apply", po::bool_switch(&apply), "with --principle: replace the org's PM assignments with the proposal")
        ("threshold", setting_option(threshold_option, "--threshold", "ratio.threshold")->value_name("N"),
         "target makers per PM (default: setting ratio.threshold)")
        ("max-spread", setting_option(max_spread_option, "--max-spread", "ratio.max_spread")->value_name("N"),
         "teams per PM before thin (default: setting ratio.max_spread)");
    add_plugin_options(desc, plugin_options);
    add_common(desc, common);
    if (!parse(args, desc, {}, common, "orgplan align --principle NAME [--apply] | --compare")) return 0;
    if (compare == !principle.empty()) throw UsageError("give either --principle NAME or --compare");
    if (apply && compare) throw UsageError("--apply goes with --principle, not --compare");

    Database db(db_path(common), apply ? Database::Open::write : Database::Open::read);
    // --apply computes inside its write transaction: the proposal is written for the org it was made for.
    std::optional<SQLite::Transaction> write;
    if (apply) write.emplace(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
    const ReadTransaction snapshot(db.sql());
    auto settings = Settings::load(db.sql());
    override_setting(settings, "ratio.threshold", threshold_option);
    override_setting(settings, "ratio.max_spread", max_spread_option);
    const double threshold = settings.get("ratio.threshold");
    const double max_spread = settings.get("ratio.max_spread");
    const auto org = load_org(db.sql());
    const auto host = load_plugins(plugin_options);
    if (compare) {
        auto compared =
            compare_principles(org, settings, plugin_run(*host, plugin_options, "align"));
        note_gaps(compared.output, "align", org, db.sql());
        emit(compared.output, common);
        return 0;
    }
    const CoverageBasis basis(org);
    const auto coverage = to_sdk(basis.cover(org.assignments));
    const sdk::PrincipleRequest request{org, coverage, to_sdk(settings), plugin_params(plugin_options)};

    const auto& plugin = host->get(sdk::PluginKind::principle, principle);
    const auto proposal = host->propose(plugin, request);
    if (!proposal.not_applicable.empty())
        throw Error("principle " + plugin.name + " is not applicable: " + proposal.not_applicable +
                    (apply ? "; the PM assignments were left as they are" : ""));
    const auto metrics = evaluate(basis, org, proposal.assignments, threshold, max_spread);
    std::unordered_map<std::string, std::string> names;
    for (const auto& p : org.people) names.emplace(p.id, p.name);

    if (apply) {
        // Principles place PMs; a product leader's own teams (as player-coach) stay as they are.
        OrgWriter writer(db.sql());
        writer.clear_pm_assignments();
        for (const auto& a : proposal.assignments) writer.put(a);
        record_change(db.sql(), "align --principle " + plugin.name + " --apply",
                      {{"assignments", proposal.assignments.size()}});
        write->commit();
    }

    Table table({{"pm", "pm"}, {"name", "name"}, {"role", "role"}, {"kind", "kind"}, {"target", "target"},
                 {"share", "share", 2}});
    for (const auto& a : proposal.assignments) {
        auto role = proposal.pm_roles.find(a.pm_id);
        table.add({a.pm_id, names[a.pm_id], role == proposal.pm_roles.end() ? std::string() : role->second,
                   std::string(to_string(a.kind)), a.target_id, a.share});
    }
    const auto today = evaluate(basis, org, org.assignments, threshold, max_spread);
    auto output = Output::of(std::move(table), {{"principle", plugin.name},
                                                {"description", plugin.description},
                                                {"rationale", proposal.rationale},
                                                {"unfilled", proposal.unfilled},
                                                {"metrics", metrics_json(metrics)},
                                                {"current", metrics_json(today)},
                                                {"applied", apply}});
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
    if (apply) output.notes.push_back("applied: the org's PM assignments are now this proposal");
    note_gaps(output, "align", org, db.sql());
    emit(output, common);
    return 0;
}

} // namespace orgplan::cli
