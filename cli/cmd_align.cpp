#include <optional>


#include "context.hpp"
#include "orgplan/storage/settings_store.hpp"
#include "orgplan/storage/write_transaction.hpp"
#include "orgplan//answers/answers.hpp"
#include "orgplan/answers/principle_proposal.hpp"
#include "orgplan/storage/change_log.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/storage/org_writer.hpp"
#include "orgplan/storage/read_transaction.hpp"

namespace orgplan::cli {

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
    std::optional<WriteTransaction> write;
    if (apply) write.emplace(db);
    const ReadTransaction snapshot(db);
    const auto org = load_org(db); // first: its read can then be shared by two connections
    auto settings = load_settings(db);
    override_setting(settings, "ratio.threshold", threshold_option);
    override_setting(settings, "ratio.max_spread", max_spread_option);
    const auto host = load_plugins(plugin_options);
    if (compare) {
        auto compared =
            compare_principles(org, settings, plugin_run(*host, plugin_options, "align"));
        note_gaps(compared.output, "align", org, db);
        emit(compared.output, common);
        return 0;
    }
    PrincipleProposal answer;
    try {
        answer = propose_principle(org, settings, plugin_run(*host, plugin_options, "align"), principle);
    } catch (const PrincipleNotApplicable& e) {
        if (apply) throw Error(std::string(e.what()) + "; the PM assignments were left as they are");
        throw;
    }
    auto& output = answer.output;
    if (apply) {
        // Principles place PMs; a product leader's own teams (as player-coach) stay as they are.
        OrgWriter writer(db);
        writer.clear_pm_assignments();
        for (const auto& a : answer.proposal.assignments) writer.put(a);
        record_change(db, "align --principle " + principle + " --apply",
                      {{"assignments", answer.proposal.assignments.size()}});
        write->commit();
        output.fields["applied"] = true;
        output.notes.push_back("applied: the org's PM assignments are now this proposal");
    }
    note_gaps(output, "align", org, db);
    emit(output, common);
    return 0;
}

} // namespace orgplan::cli
