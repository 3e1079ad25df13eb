#include <cmath>
#include <iostream>
#include <thread>
#include <unistd.h>

#include <fmt/format.h>

#include "orgplan/analysis/shared_work.hpp"
#include "orgplan/answers/answers.hpp"
#include "orgplan/storage/settings_store.hpp"
#include "context.hpp"
#include "orgplan/storage/read_transaction.hpp"
#include "orgplan/planning/analysis.hpp"
#include "orgplan/import/csv.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/planning/headcount_plan.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/plugin_host/plugin_requests.hpp"
#include "orgplan/analysis/ratios.hpp"
#include "orgplan/base/text.hpp"

namespace orgplan::cli {
namespace {

// team,growth rows: quarterly maker growth per team, overriding the org-wide rate.
std::unordered_map<std::string, double> read_growth_file(const std::string& path, const Org& org) {
    std::unordered_map<std::string, double> out;
    std::unordered_map<std::string, bool> teams;
    for (const auto& t : org.teams) teams[t.id] = true;
    const auto text = read_file(path);
    CsvReader reader(text, path);
    std::vector<std::string> f;
    std::vector<InputProblem> problems;
    if (!reader.next(f) || f.size() < 2 || text::normalise_key(f[0]) != "team" || text::normalise_key(f[1]) != "growth")
        throw InputErrors({{path, 1, "", "the header must be: team,growth"}}, 1);
    while (reader.next(f)) {
        const long line = reader.record_line();
        const auto team = f.empty() ? std::string() : std::string(text::trim(f[0]));
        const Range rate = setting_range("plan.maker_growth");
        const auto growth = f.size() > 1 ? parse_number_in(f[1], rate) : std::nullopt;
        if (!teams.count(team)) problems.push_back({path, line, "team", "unknown team '" + team + "'"});
        else if (!growth)
            problems.push_back({path, line, "growth", "not a quarterly growth rate like 0.05 (" + rate.describe() + ")"});
        else out[team] = *growth;
    }
    if (!problems.empty()) {
        const auto n = problems.size();
        throw InputErrors(std::move(problems), n);
    }
    return out;
}

} // namespace

int cmd_plan(const Args& args) {
    Common common;
    PluginOptions plugin_options;
    PlanOptions options;
    std::string growth_file;
    std::optional<double> growth_option, delay_option;
    po::options_description desc("plan options");
    desc.add_options()
        ("planned", po::bool_switch(&options.count_planned),
         "count open maker roles and planned departures (orgplan positions) from the quarter they are planned for")
        ("include-unassigned", po::bool_switch(&options.include_unassigned),
         "count makers in no team (left out by default, and said)");
    add_plan_options(desc, options, "quarters to project");
    desc.add_options()
        ("growth", setting_option(growth_option, "--growth", "plan.maker_growth")->value_name("RATE"), "quarterly maker growth, e.g. 0.05 (default: setting plan.maker_growth)")
        ("growth-file", po::value(&growth_file)->value_name("FILE"), "CSV team,growth: per-team quarterly growth")
        ("delay-probability", setting_option(delay_option, "--delay-probability", "plan.hire_delay_probability")->value_name("P"),
         "chance per quarter that a hire slips a quarter (default: setting plan.hire_delay_probability)");
    add_plugin_options(desc, plugin_options);
    add_common(desc, common);
    if (!parse(args, desc, {}, common, "orgplan plan [--quarters 8] [--mix NAME] [--growth R] [--simulate N --seed S]"))
        return 0;
    check_simulation_size(options);

    Database db(db_path(common), Database::Open::read);
    const ReadTransaction snapshot(db); // one answer from one commit
    const auto org = load_org(db); // first: its read can then be shared by two connections
    auto settings = load_settings(db);
    const SharedWork work_once(org); // the answer and its data gaps share coverage and the people index
    GapsAhead gaps("plan", org, db); // found while the answer is worked out
    override_setting(settings, "plan.maker_growth", growth_option);
    override_setting(settings, "plan.hire_delay_probability", delay_option);
    const double growth = settings.get("plan.maker_growth");

    if (!growth_file.empty()) {
        const auto per_team = read_growth_file(growth_file, org);
        options.team_growth.assign(org.teams.size(), growth);
        for (std::size_t t = 0; t < org.teams.size(); ++t)
            if (auto it = per_team.find(org.teams[t].id); it != per_team.end()) options.team_growth[t] = it->second;
    }
    const auto host = load_plugins(plugin_options);
    if (::isatty(STDERR_FILENO)) // a line while the simulation runs, cleared after it; nothing when piped
        options.progress = [](const char* phase, const std::string& what) {
            std::cerr << (std::string(phase) == "start" ? what : "\r\033[K") << std::flush;
        };
    auto answer = plan_answer(org, settings, plugin_run(*host, plugin_options, "plan"), options);
    note_gaps(answer.output, gaps);
    emit(answer.output, common);
    return 0;
}

} // namespace orgplan::cli
