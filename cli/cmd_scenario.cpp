#include <cmath>
#include <iostream>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "context.hpp"
#include "orgplan/storage/write_transaction.hpp"
#include "orgplan/answers/scenario_comparison.hpp"
#include "orgplan/base/text.hpp"
#include "orgplan/model/enums.hpp"
#include "orgplan/planning/scenario.hpp"
#include "orgplan/storage/scenario_store.hpp"
#include "orgplan/planning/scenario_merge.hpp"
#include "orgplan/storage/change_log.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/storage/read_transaction.hpp"

namespace orgplan::cli {
namespace {

// Everything scenario's options can say; each action reads what it needs.
struct ScenarioRun {
    Common common;
    PluginOptions plugin_options;
    std::vector<std::string> words, sets, add_makers;
    std::string from = kCurrentScenario, move_pm, to, add_team, team_name, product, segment, mix, quarter;
    std::optional<double> share;
    bool theirs = false, ours = false, yes = false;
    int makers = 0, quarters = 8;
};

const char* const kUsage = "orgplan scenario create NAME | list | show NAME | delete NAME | apply NAME [changes] | "
                           "diff A B | merge NAME [--theirs|--ours] [--yes]";

po::options_description scenario_options(ScenarioRun& r) {
    po::options_description desc("scenario options");
    desc.add_options()
        ("words", po::value(&r.words), "create NAME | list | show NAME | delete NAME | apply NAME | diff A B")
        ("from", po::value(&r.from)->value_name("NAME"), "create: copy this scenario instead of the live org")
        ("move-pm", po::value(&r.move_pm)->value_name("PM"), "apply: give this PM a single assignment...")
        ("to", po::value(&r.to)->value_name("KIND:ID"), "...to this target, e.g. team:ana-query")
        ("share", number_option(r.share, "--share", {0, 1, true})->value_name("S"), "...with this share of the PM's time (default 1)")
        ("add-team", po::value(&r.add_team)->value_name("ID"), "apply: add a team...")
        ("name", po::value(&r.team_name)->value_name("NAME"), "...with this name")
        ("makers", whole_option(r.makers, "--makers", 0, 100000)->value_name("N"), "...with N open maker roles")
        ("product", po::value(&r.product)->value_name("ID"), "...for this product")
        ("segment", po::value(&r.segment)->value_name("ID"), "...for this segment")
        ("add-makers", po::value(&r.add_makers)->value_name("TEAM=N"), "apply: plan N open maker roles in a team (-N: N planned departures); positions, not people")
        ("quarter", po::value(&r.quarter)->value_name("YYYY-Qn"), "apply: the quarter planned makers count from (default: as soon as possible)")
        ("set", po::value(&r.sets)->value_name("KEY=VALUE"), "apply: change a setting in the scenario (repeatable)")
        ("mix", po::value(&r.mix)->value_name("NAME"), "apply: hiring mix the scenario plans with")
        ("quarters", quarters_option(r.quarters), "diff: planning horizon (default 8)")
        ("theirs", po::bool_switch(&r.theirs), "merge: where both changed a record, the scenario's wins")
        ("ours", po::bool_switch(&r.ours), "merge: where both changed a record, the org's stays")
        ("yes", po::bool_switch(&r.yes), "merge: the scenario removes people of the org, and they really leave");
    add_plugin_options(desc, r.plugin_options, false);
    add_common(desc, r.common);
    return desc;
}

TargetKind parse_target(const std::string& text, std::string& target) {
    const auto colon = text.find(':');
    const auto kind = colon == std::string::npos ? std::nullopt : parse_target_kind(text.substr(0, colon));
    if (!kind) throw UsageError("--to '" + text + "': write KIND:ID, e.g. team:ana-query or product:p-billing");
    target = text.substr(colon + 1);
    return *kind;
}

// scenario merge NAME [--theirs|--ours] [--yes]: one transaction, logged; removing people of the org needs --yes.
int merge(const ScenarioRun& run, Database& db) {
    const auto& name = run.words[1];
    const bool theirs = run.theirs, ours = run.ours, yes = run.yes;
    if (theirs && ours) throw UsageError("merge: give --theirs or --ours, not both");
    const auto resolve = theirs ? MergeResolve::theirs : ours ? MergeResolve::ours : MergeResolve::refuse;
    WriteTransaction tx(db);
    MergeSummary m;
    try {
        m = merge_scenario(db.sql(), name, resolve, yes);
    } catch (const MergeRemovesPeople& e) {
        throw UsageError(e.what()); // like person erase without --yes: nothing written, exit 2
    }
    record_change(db.sql(), "scenario merge " + name + (theirs ? " --theirs" : ours ? " --ours" : ""),
                  {{"written", m.written}, {"removed", m.removed}, {"conflicts", m.conflicts}, {"settings", m.settings}});
    tx.commit();
    std::cout << fmt::format("merged scenario {} into the org: {} records written, {} removed, {} settings{}\n", name,
                             m.written, m.removed, m.settings,
                             m.conflicts ? fmt::format("; {} conflicts resolved for {}", m.conflicts,
                                                       theirs ? "the scenario" : "the org")
                                         : "");
    if (!m.people_added.empty()) std::cout << "added " << m.people_added.size() << ": " << listed_people(m.people_added) << "\n";
    if (!m.people_removed.empty())
        std::cout << "removed " << m.people_removed.size() << ": " << listed_people(m.people_removed) << "\n";
    if (!m.people_moved.empty())
        std::cout << "changed or moved " << m.people_moved.size() << ": " << listed_people(m.people_moved) << "\n";
    if (!m.positions_planned.empty()) {
        std::cout << "planned " << m.positions_planned.size() << " positions (orgplan positions lists them; ratios "
                  << "and plan --planned count them):\n";
        for (const auto& p : m.positions_planned) std::cout << "  " << p << "\n";
    }
    return 0;
}


int list(const ScenarioRun& run, Database& db) {
    Table table({{"name", "name"}, {"created_at", "created"}, {"changes", "changes"}});
    for (const auto& s : list_scenarios(db.sql())) table.add({s.name, s.created_at, static_cast<long long>(s.changes)});
    print_rows(table, run.common);
    return 0;
}

int create_or_delete(const ScenarioRun& run, Database& db) {
    const auto& action = run.words[0];
    const auto& name = run.words[1];
    WriteTransaction tx(db);
    if (action == "create")
        create_scenario(db.sql(), name, run.from);
    else
        delete_scenario(db.sql(), name);
    record_change(db.sql(), "scenario " + action + " " + name, {{"scenarios", 1}});
    tx.commit();
    emit_done(run.common,
              {action == "create" ? "created scenario " + name + " from " + run.from : "deleted scenario " + name},
              {{"action", action}, {"scenario", name}});
    return 0;
}

int show(const ScenarioRun& run, Database& db) {
    const auto s = load_scenario(db.sql(), run.words[1]);
    Table table(std::vector<Column>{{"change", "change"}});
    for (const auto& c : s.changes) table.add({c});
    print_rows(table, run.common, {{"name", s.name}, {"mix", s.mix}, {"created_at", s.created_at}});
    return 0;
}

// The changes apply's options ask for, made to the scenario in memory.
void apply_changes(const ScenarioRun& run, const PluginHost& host, Scenario& s) {
    if (!run.move_pm.empty()) {
        if (run.to.empty()) throw UsageError("--move-pm needs --to KIND:ID");
        std::string target;
        const auto kind = parse_target(run.to, target);
        orgplan::move_pm(s, run.move_pm, kind, target, run.share.value_or(1.0));
    }
    if (!run.add_team.empty()) orgplan::add_team(s, run.add_team, run.team_name, run.makers, run.product, run.segment);
    for (const auto& a : run.add_makers) {
        const auto eq = a.find('=');
        const auto n = eq == std::string::npos ? std::nullopt : parse_number_in(a.substr(eq + 1), {-100000, 100000});
        if (!n || *n != std::floor(*n))
            throw UsageError("--add-makers '" + a + "': write TEAM=N with a whole N from -100000 to 100000, e.g. ana-query=3");
        change_makers(s, a.substr(0, eq), static_cast<int>(*n), run.quarter);
    }
    for (const auto& kv : run.sets) {
        const auto eq = kv.find('=');
        if (eq == std::string::npos) throw UsageError("--set '" + kv + "': write KEY=NUMBER, e.g. ratio.threshold=8");
        const auto key = kv.substr(0, eq);
        try {
            set_setting(s, key, require_number(kv.substr(eq + 1), setting_range(key), "--set " + key));
        } catch (const Error& e) {
            throw UsageError(e.what());
        }
    }
    if (!run.mix.empty()) {
        host.get(sdk::PluginKind::hiring_mix, run.mix); // refuse unknown mixes now, not at diff time
        set_mix(s, run.mix);
    }
}

int apply(const ScenarioRun& run, Database& db) {
    const auto host = load_plugins(run.plugin_options);
    WriteTransaction tx(db);
    auto s = load_scenario(db.sql(), run.words[1]);
    if (s.name == kCurrentScenario) throw UsageError("apply changes scenarios, not the live org; create one first");
    const auto before = s.changes.size();
    apply_changes(run, *host, s);
    if (s.changes.size() == before)
        throw UsageError("apply: nothing to change; give --move-pm, --add-team, --add-makers, --set or --mix");
    save_scenario(db.sql(), s);
    record_change(db.sql(), "scenario apply " + s.name, {{"changes", s.changes.size() - before}});
    tx.commit();
    std::vector<std::string> lines;
    for (auto i = before; i < s.changes.size(); ++i) lines.push_back(s.name + ": " + s.changes[i]);
    emit_done(run.common, lines,
              {{"action", "apply"}, {"scenario", s.name},
               {"changes", std::vector<std::string>(s.changes.begin() + static_cast<long>(before), s.changes.end())}});
    return 0;
}

int diff(const ScenarioRun& run, Database& db) {
    const auto host = load_plugins(run.plugin_options);
    const auto a = load_scenario(db.sql(), run.words[1]);
    const auto b = load_scenario(db.sql(), run.words[2]);
    emit(scenario_comparison(a, b, *host, run.quarters, output_format(run.common)), run.common);
    return 0;
}

// The actions, with the words each takes (its name included) and whether it writes.
struct Action {
    int (*run)(const ScenarioRun&, Database&);
    std::size_t words;
    bool writes;
};
const std::map<std::string, Action>& actions() {
    static const std::map<std::string, Action> table = {
        {"list", {list, 1, false}},  {"show", {show, 2, false}},    {"diff", {diff, 3, false}},
        {"create", {create_or_delete, 2, true}}, {"delete", {create_or_delete, 2, true}},
        {"apply", {apply, 2, true}}, {"merge", {merge, 2, true}}};
    return table;
}

} // namespace

int cmd_scenario(const Args& args) {
    ScenarioRun run;
    auto desc = scenario_options(run);
    po::positional_options_description pos;
    pos.add("words", -1);
    if (!parse(args, desc, pos, run.common, kUsage)) return 0;
    if (run.words.empty()) run.words.push_back("list");
    const auto& name = run.words[0];
    const auto action = actions().find(name);
    if (action == actions().end())
        throw UsageError("scenario: unknown action '" + name + "'\nusage: " + kUsage);
    if (run.words.size() != action->second.words)
        throw UsageError("scenario " + name + ": wrong number of arguments\nusage: " + kUsage);
    Database db(db_path(run.common), action->second.writes ? Database::Open::write : Database::Open::read);
    std::optional<ReadTransaction> snapshot; // reads: one answer from one commit
    if (!action->second.writes) snapshot.emplace(db.sql());
    return action->second.run(run, db);
}

} // namespace orgplan::cli
