#include <algorithm>
#include <iostream>
#include <set>

#include <fmt/format.h>

#include "context.hpp"
#include "orgplan/analysis/shared_work.hpp"
#include "orgplan/storage/settings_store.hpp"
#include "orgplan/storage/read_transaction.hpp"
#include "orgplan/planning/analysis.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/planning/mentoring.hpp"
#include "orgplan/storage/mentor_pair_store.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/plugin_host/plugin_requests.hpp"
#include "orgplan/analysis/ratios.hpp"

namespace orgplan::cli {

namespace {

// The findings as rows, moved rather than copied (a million-person org can have a hundred thousand of them).
Table findings_table(std::vector<sdk::Finding>& findings) {
    // Long evidence reads better on a terminal as cards than as a table wider than it.
    Table table({{"severity", "severity", 1, false, Shown::everywhere, 7},
                 {"check", "check", 1, false, Shown::everywhere, 24},
                 {"subject", "subject"},
                 {"evidence", "evidence"},
                 {"recommendation", "recommendation", 1, false, Shown::everywhere, 0, "-> "}});
    for (auto& f : findings) {
        std::vector<Cell> row; // (a braced list would copy each cell once more)
        row.reserve(5);
        row.emplace_back(std::string(to_string(f.severity)));
        for (auto* text : {&f.check, &f.subject, &f.evidence, &f.recommendation}) row.emplace_back(std::move(*text));
        table.add(std::move(row));
    }
    return table;
}

} // namespace

int cmd_diagnose(const Args& args) {
    Common common;
    PluginOptions plugin_options;
    std::string fail_on, mix, as_of;
    std::vector<std::string> checks;
    std::optional<double> hires_option;
    po::options_description desc("diagnose options");
    desc.add_options()
        ("fail-on", choice_option(fail_on, "--fail-on", {"warning", "error"}),
         "exit 1 when a finding of this severity or worse is found (for CI)")
        ("check", po::value(&checks)->value_name("NAME"), "run only this diagnostic (repeatable)")
        ("hires", number_option(hires_option, "--hires", {0, 100000})->value_name("N"), "also check a hiring plan of N PMs...")
        ("mix", po::value(&mix)->value_name("NAME"), "...with this hiring mix (default balanced)");
    add_plugin_options(desc, plugin_options);
    add_as_of(desc, as_of);
    add_common(desc, common);
    if (!parse(args, desc, {}, common, "orgplan diagnose [--fail-on warning|error] [--check NAME] [--hires N --mix NAME]"))
        return 0;
    int fail_level = 99;
    if (fail_on == "warning") fail_level = static_cast<int>(sdk::Severity::warning);
    else if (fail_on == "error") fail_level = static_cast<int>(sdk::Severity::error);
    const double hires = hires_option.value_or(0);

    std::optional<SnapshotInfo> used;
    const auto opened = open_for_answers(db_path(common), as_of, &used);
    Database& db = *opened;
    const ReadTransaction snapshot(db); // one answer from one commit
    const auto org = load_org(db); // first: its read can then be shared by two connections
    const auto settings = load_settings(db);
    const SharedWork work_once(org); // the answer and its data gaps share coverage and the people index
    GapsAhead gaps("diagnose", org, db); // found while the answer is worked out
    const auto host = load_plugins(plugin_options);
    const auto params = plugin_params(plugin_options);
    sdk::HiringPlan planned;
    if (hires > 0) {
        const auto& mix_plugin = host->get(sdk::PluginKind::hiring_mix, mix.empty() ? "balanced" : mix);
        planned = host->plan(mix_plugin, {org, hires, to_sdk(settings), params});
    }
    std::vector<const LoadedPlugin*> selected;
    for (const auto& name : checks) selected.push_back(&host->get(sdk::PluginKind::diagnostic, name));
    if (selected.empty()) selected = host->of_kind(sdk::PluginKind::diagnostic);
    auto run = run_diagnostics(*host, selected, org, settings, params, load_mentor_pairs(db), planned);
    for (const auto& e : run.errors) message_stream() << "orgplan diagnose: skipped: " << e << "\n";
    auto& findings = run.findings;
    const auto& failed = run.failed;
    std::size_t counts[3] = {0, 0, 0};
    for (const auto& f : findings) ++counts[static_cast<int>(f.severity)];

    auto table = findings_table(findings);
    auto output = Output::of(std::move(table),
                             {{"counts", {{"error", counts[2]}, {"warning", counts[1]}, {"info", counts[0]}}},
                              {"diagnostics_run", selected.size() - failed.size()},
                              {"diagnostics_failed", failed},
                              {"fail_on", fail_on.empty() ? nlohmann::json(nullptr) : nlohmann::json(fail_on)}});
    output.title = "findings";
    output.sections[0].layout = Layout::cards;
    output.sections[0].card_head = 3;
    output.sections[0].if_empty = "no findings";
    const auto plural = [](std::size_t n, const char* word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); };
    output.notes.push_back(fmt::format("{}, {}, {} info from {}{}", plural(counts[2], "error"), plural(counts[1], "warning"),
                                       counts[0], plural(selected.size() - failed.size(), "diagnostic"),
                                       failed.empty() ? "" : fmt::format(" ({} failed)", failed.size())));
    note_snapshot(output, used);
    note_gaps(output, gaps);
    emit(output, common);
    for (int level = fail_level; level <= 2; ++level)
        if (counts[level]) return 1;
    return 0;
}

} // namespace orgplan::cli
