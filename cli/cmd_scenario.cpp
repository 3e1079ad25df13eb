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
#include "orgplan/base/number.hpp"
#include "orgplan/planning/scenario.hpp"
#include "orgplan/planning/scenario_steps.hpp"
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
    std::vector<std::string> words, sets, add_makers, set_fte, allocate, close_position;
    std::string from = kCurrentScenario, move_pm, to, add_team, team_name, product, segment, mix, quarter;
    std::string move_person, to_manager, to_team, open_role, family, depart;
    std::optional<double> share, fte;
    bool theirs = false, ours = false, yes = false;
    int makers = 0, quarters = 8;
};

const char* const kUsage = "orgplan scenario create NAME | list | show NAME | delete NAME | apply NAME [changes] | "
                           "undo NAME CHANGE | diff A B | merge NAME [--theirs|--ours] [--yes]";

po::options_description scenario_options(ScenarioRun& r) {
    po::options_description desc("scenario options");
    desc.add_options()
        ("words", po::value(&r.words), "create NAME | list | show NAME | delete NAME | apply NAME | undo NAME CHANGE | diff A B")
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
        ("move-person", po::value(&r.move_person)->value_name("ID"), "apply: move a person...")
        ("to-manager", po::value(&r.to_manager)->value_name("ID"), "...to report to this manager")
        ("to-team", po::value(&r.to_team)->value_name("TEAM"), "...to give all their team time to this team")
        ("set-fte", po::value(&r.set_fte)->value_name("ID=FTE"), "apply: change a person's FTE (repeatable)")
        ("allocate", po::value(&r.allocate)->value_name("ID=TEAM:SHARE"), "apply: the share of a person's time a team gets; 0 takes them out (repeatable)")
        ("open-role", po::value(&r.open_role)->value_name("TEAM"), "apply: open a role (a planned position) in a team...")
        ("family", po::value(&r.family)->value_name("FAMILY"), "...of this family (default maker)")
        ("fte", number_option(r.fte, "--fte", {0, 1, true})->value_name("FTE"), "...of this FTE (default 1)")
        ("depart", po::value(&r.depart)->value_name("ID"), "apply: plan the departure of a person (a position)")
        ("close-position", po::value(&r.close_position)->value_name("ID"), "apply: close an open position (repeatable)")
        ("quarter", po::value(&r.quarter)->value_name("YYYY-Qn"), "apply: the quarter planned makers, roles and departures count from (default: as soon as possible)")
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

// scenario merge NAME [--theirs|--ours] [--yes]: one transaction, logged; removing people of the org needs --yes.
int merge(const ScenarioRun& run, Database& db) {
    const auto& name = run.words[1];
    const bool theirs = run.theirs, ours = run.ours, yes = run.yes;
    if (theirs && ours) throw UsageError("merge: give --theirs or --ours, not both");
    const auto resolve = theirs ? MergeResolve::theirs : ours ? MergeResolve::ours : MergeResolve::refuse;
    WriteTransaction tx(db);
    MergeSummary m;
    try {
        m = merge_scenario(db, name, resolve, yes);
    } catch (const MergeRemovesPeople& e) {
        throw UsageError(e.what()); // like person erase without --yes: nothing written, exit 2
    }
    record_change(db, "scenario merge " + name + (theirs ? " --theirs" : ours ? " --ours" : ""),
                  {{"written", m.written}, {"removed", m.removed}, {"conflicts", m.conflicts}, {"settings", m.settings}});
    tx.commit();
    std::vector<std::string> lines{fmt::format(
        "merged scenario {} into the org: {} records written, {} removed, {} settings{}", name, m.written, m.removed,
        m.settings,
        m.conflicts ? fmt::format("; {} conflicts resolved for {}", m.conflicts, theirs ? "the scenario" : "the org")
                    : "")};
    if (!m.people_added.empty())
        lines.push_back(fmt::format("added {}: {}", m.people_added.size(), listed_people(m.people_added)));
    if (!m.people_removed.empty())
        lines.push_back(fmt::format("removed {}: {}", m.people_removed.size(), listed_people(m.people_removed)));
    if (!m.people_moved.empty())
        lines.push_back(fmt::format("changed or moved {}: {}", m.people_moved.size(), listed_people(m.people_moved)));
    if (!m.positions_planned.empty()) {
        lines.push_back(fmt::format("planned {} positions (orgplan positions lists them; ratios and plan --planned "
                                    "count them):",
                                    m.positions_planned.size()));
        for (const auto& p : m.positions_planned) lines.push_back("  " + p);
    }
    const auto ids = [](const std::vector<MergedPerson>& people) {
        std::vector<std::string> out;
        for (const auto& p : people) out.push_back(p.id);
        return out;
    };
    emit_done(run.common, lines,
              {{"action", "merge"}, {"scenario", name}, {"written", m.written}, {"removed", m.removed},
               {"settings", m.settings}, {"conflicts_resolved", m.conflicts}, {"people_added", ids(m.people_added)},
               {"people_removed", ids(m.people_removed)}, {"people_moved", ids(m.people_moved)},
               {"positions_planned", m.positions_planned}});
    return 0;
}


int list(const ScenarioRun& run, Database& db) {
    Table table({{"name", "name"},
                 {"status", "status"},
                 {"owner", "owner"},
                 {"created_at", "created"},
                 {"changes", "changes"},
                 {"version", "version"}});
    for (const auto& s : list_scenarios(db))
        table.add({s.name, std::string(to_string(s.status)), s.owner.empty() ? std::string("-") : s.owner, s.created_at,
                   static_cast<long long>(s.changes), s.version});
    print_rows(table, run.common);
    return 0;
}

int create_or_delete(const ScenarioRun& run, Database& db) {
    const auto& action = run.words[0];
    const auto& name = run.words[1];
    WriteTransaction tx(db);
    if (action == "create")
        create_scenario(db, name, run.from, current_user());
    else
        delete_scenario(db, name);
    record_change(db, "scenario " + action + " " + name, {{"scenarios", 1}});
    tx.commit();
    emit_done(run.common,
              {action == "create" ? "created scenario " + name + " from " + run.from : "deleted scenario " + name},
              {{"action", action}, {"scenario", name}});
    return 0;
}

int show(const ScenarioRun& run, Database& db) {
    const auto s = load_scenario(db, run.words[1]);
    Table table({{"number", "#"}, {"change", "change"}, {"by", "by"}, {"at", "at"}});
    for (std::size_t i = 0; i < s.steps.size(); ++i)
        table.add({static_cast<long long>(i + 1), s.steps[i].text, s.steps[i].by, s.steps[i].at});
    print_rows(table, run.common,
               {{"name", s.name}, {"mix", s.mix}, {"created_at", s.created_at}, {"owner", s.owner},
                {"status", std::string(to_string(s.status))}, {"version", s.version}});
    return 0;
}

// Apply's options as the JSON object of one apply (the API's body): what the step functions read.
nlohmann::json apply_options(const ScenarioRun& run) {
    nlohmann::json o = nlohmann::json::object();
    const auto put = [&](const char* key, const std::string& value) {
        if (!value.empty()) o[key] = value;
    };
    const auto put_all = [&](const char* key, const std::vector<std::string>& values) {
        if (!values.empty()) o[key] = values;
    };
    put("move-pm", run.move_pm);
    put("to", run.to);
    if (run.share) o["share"] = *run.share;
    put("add-team", run.add_team);
    put("name", run.team_name);
    if (run.makers) o["makers"] = run.makers;
    put("product", run.product);
    put("segment", run.segment);
    put_all("add-makers", run.add_makers);
    put("quarter", run.quarter);
    put("move-person", run.move_person);
    put("to-manager", run.to_manager);
    put("to-team", run.to_team);
    put_all("set-fte", run.set_fte);
    put_all("allocate", run.allocate);
    put("open-role", run.open_role);
    put("family", run.family);
    if (run.fte) o["fte"] = *run.fte;
    put("depart", run.depart);
    put_all("close-position", run.close_position);
    put_all("set", run.sets);
    put("mix", run.mix);
    return o;
}

CheckMix mix_check(const PluginHost& host) {
    return [&host](const std::string& mix) { host.get(sdk::PluginKind::hiring_mix, mix); };
}

int apply(const ScenarioRun& run, Database& db) {
    const auto host = load_plugins(run.plugin_options);
    std::vector<nlohmann::json> steps;
    try {
        steps = split_steps(apply_options(run));
    } catch (const StepFormatError& e) {
        throw UsageError(std::string("apply: ") + e.what());
    }
    WriteTransaction tx(db);
    auto s = load_scenario(db, run.words[1]);
    if (s.name == kCurrentScenario) throw UsageError("apply changes scenarios, not the live org; create one first");
    const auto before = s.changes.size();
    const auto by = current_user(), at = utc_now();
    try {
        for (const auto& step : steps) apply_step(s, step, mix_check(*host), by, at);
    } catch (const StepFormatError& e) {
        throw UsageError(e.what());
    }
    save_scenario(db, s);
    record_change(db, "scenario apply " + s.name, {{"changes", s.changes.size() - before}});
    tx.commit();
    std::vector<std::string> lines;
    for (auto i = before; i < s.changes.size(); ++i) lines.push_back(s.name + ": " + s.changes[i]);
    emit_done(run.common, lines,
              {{"action", "apply"}, {"scenario", s.name},
               {"changes", std::vector<std::string>(s.changes.begin() + static_cast<long>(before), s.changes.end())}});
    return 0;
}

// scenario undo NAME N: the scenario made again from its base with every change but the N-th (as show numbers them).
int undo(const ScenarioRun& run, Database& db) {
    const auto number = parse_number_in(run.words[2], {1, 1e9});
    if (!number || *number != std::floor(*number))
        throw UsageError("undo: '" + run.words[2] + "' is not a change number; scenario show " + run.words[1] +
                         " numbers them");
    const auto host = load_plugins(run.plugin_options);
    WriteTransaction tx(db);
    const auto s = load_scenario(db, run.words[1]);
    if (s.name == kCurrentScenario) throw UsageError("undo changes scenarios, not the live org");
    const auto index = static_cast<std::size_t>(*number) - 1;
    auto again = without_step(s, load_scenario_start(db, s.name), index, mix_check(*host));
    save_scenario(db, again);
    record_change(db, "scenario undo " + s.name, {{"changes", 1}});
    tx.commit();
    emit_done(run.common, {s.name + ": undid change " + run.words[2] + " (" + s.steps[index].text + ")"},
              {{"action", "undo"}, {"scenario", s.name}, {"change", s.steps[index].text}});
    return 0;
}

int diff(const ScenarioRun& run, Database& db) {
    const auto host = load_plugins(run.plugin_options);
    const auto [a, b] = load_scenario_pair(db, run.words[1], run.words[2]);
    emit(scenario_comparison(a, b, *host, run.quarters), run.common);
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
        {"apply", {apply, 2, true}}, {"undo", {undo, 3, true}}, {"merge", {merge, 2, true}}};
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
    if (!action->second.writes) snapshot.emplace(db);
    return action->second.run(run, db);
}

} // namespace orgplan::cli
