#include <cmath>
#include <iostream>

#include <fmt/format.h>

#include "orgplan/analysis/shared_work.hpp"
#include "orgplan/answers/answers.hpp"
#include "orgplan/storage/settings_store.hpp"
#include "context.hpp"
#include "orgplan/storage/read_transaction.hpp"
#include "orgplan/analysis/coaching.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/plugin_host/plugin_requests.hpp"
#include "orgplan/analysis/ratios.hpp"

namespace orgplan::cli {

int cmd_hire(const Args& args) {
    Common common;
    PluginOptions plugin_options;
    std::vector<std::string> mixes;
    std::optional<double> count;
    bool include_unassigned = false;
    po::options_description desc("hire options");
    desc.add_options()
        ("count", number_option(count, "--count", {0, 100000})->value_name("N"),
         "PM hires to plan (default: what the org needs to reach the ratio threshold)")
        ("mix", po::value(&mixes)->value_name("NAME"), "hiring mix plugin (repeatable; default: every mix)")
        ("include-unassigned", po::bool_switch(&include_unassigned),
         "count makers in no team toward the hires needed (left out by default, and said)");
    add_plugin_options(desc, plugin_options);
    add_common(desc, common);
    if (!parse(args, desc, {}, common, "orgplan hire [--count N] [--mix NAME]")) return 0;

    Database db(db_path(common), Database::Open::read);
    const ReadTransaction snapshot(db); // one answer from one commit
    const auto org = load_org(db); // first: its read can then be shared by two connections
    const auto settings = load_settings(db);
    const SharedWork work_once(org); // the answer and its data gaps share coverage and the people index
    GapsAhead gaps("hire", org, db); // found while the answer is worked out
    const auto host = load_plugins(plugin_options);
    auto output = hiring_answer(org, settings, plugin_run(*host, plugin_options, "hire"),
                                count, mixes, include_unassigned);
    note_gaps(output, gaps);
    emit(output, common);
    return 0;
}

} // namespace orgplan::cli
