#include <cmath>
#include <iostream>
#include <thread>
#include <unistd.h>

#include <fmt/format.h>

#include "context.hpp"
#include "orgplan/read_transaction.hpp"
#include "orgplan/analysis.hpp"
#include "orgplan/csv.hpp"
#include "orgplan/database.hpp"
#include "orgplan/headcount_plan.hpp"
#include "orgplan/org_store.hpp"
#include "orgplan/plugin_requests.hpp"
#include "orgplan/ratios.hpp"
#include "orgplan/text.hpp"

namespace orgplan::cli {
namespace {

// Every trial's PM count and ratio is kept per quarter for exact percentiles: 20 million trial-quarters take 320 MB.
constexpr double kMaxTrialQuarters = 20e6;

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
    int quarters = 8, trials = 0;
    std::uint64_t seed = 1;
    std::string mix = "balanced", growth_file;
    double growth = -100, delay = -1;
    po::options_description desc("plan options");
    desc.add_options()
        ("quarters", po::value(&quarters)->value_name("N"), "quarters to project (default 8)")
        ("mix", po::value(&mix)->value_name("NAME"), "hiring mix plugin for the PM hires (default balanced)")
        ("growth", po::value(&growth)->value_name("RATE"), "quarterly maker growth, e.g. 0.05 (default: setting plan.maker_growth)")
        ("growth-file", po::value(&growth_file)->value_name("FILE"), "CSV team,growth: per-team quarterly growth")
        ("simulate", po::value(&trials)->value_name("N"), "also run N Monte Carlo trials for risk")
        ("seed", po::value(&seed)->value_name("S"), "random seed for --simulate (default 1; same seed, same answer)")
        ("delay-probability", po::value(&delay)->value_name("P"),
         "chance per quarter that a hire slips a quarter (default: setting plan.hire_delay_probability)");
    add_plugin_options(desc, plugin_options);
    add_common(desc, common);
    if (!parse(args, desc, {}, common, "orgplan plan [--quarters 8] [--mix NAME] [--growth R] [--simulate N --seed S]"))
        return 0;
    if (quarters < 1 || quarters > 80) throw UsageError("--quarters must be from 1 to 80");
    if (trials < 0 || trials > 10000000) throw UsageError("--simulate takes a number of trials up to 10,000,000");
    if (static_cast<double>(trials) * quarters > kMaxTrialQuarters)
        throw UsageError(fmt::format("--simulate {} over {} quarters would keep {} trial-quarters in memory (about {:.1f} "
                                     "GB); at most {:g} fit the limit: fewer trials (10,000 give percentiles within "
                                     "about 1%) or fewer quarters",
                                     trials, quarters, static_cast<double>(trials) * quarters,
                                     static_cast<double>(trials) * quarters * 2 * sizeof(double) / 1e9,
                                     kMaxTrialQuarters));

    Database db(db_path(common), Database::Open::read);
    const ReadTransaction snapshot(db.sql()); // one answer from one commit
    auto settings = Settings::load(db.sql());
    const auto org = load_org(db.sql());
    override_setting(settings, "plan.maker_growth", "--growth", growth != -100, growth);
    override_setting(settings, "plan.hire_delay_probability", "--delay-probability", delay != -1, delay);
    growth = settings.get("plan.maker_growth");
    delay = settings.get("plan.hire_delay_probability");

    std::vector<double> team_growth;
    if (!growth_file.empty()) {
        const auto per_team = read_growth_file(growth_file, org);
        team_growth.assign(org.teams.size(), growth);
        for (std::size_t t = 0; t < org.teams.size(); ++t)
            if (auto it = per_team.find(org.teams[t].id); it != per_team.end()) team_growth[t] = it->second;
    }
    // The mix plugin decides shares, lead times, ramp-up and cost.
    const auto host = load_plugins(plugin_options);
    const auto in = plan_input(org, settings, mix_profile(*host, mix, org, settings, plugin_params(plugin_options)),
                               quarters, growth, team_growth);
    const auto rows = project_headcount(in);
    std::vector<QuarterRisk> risk;
    if (trials > 0) {
        const bool show = ::isatty(STDERR_FILENO);
        if (show) std::cerr << fmt::format("simulating {} trials x {} quarters...", trials, quarters) << std::flush;
        risk = simulate_headcount(in, trials, seed, delay, std::max(1u, std::thread::hardware_concurrency()));
        if (show) std::cerr << "\r\033[K" << std::flush;
    }

    std::vector<Column> columns = {{"quarter", "Q"},
                                   {"makers", "makers"},
                                   {"pm_fte", "PM FTE", 1},
                                   {"pm_effective", "effective", 1},
                                   {"ratio", "ratio"},
                                   {"hire_senior", "+seniors", 0},
                                   {"hire_transfer", "+transfers", 0},
                                   {"hire_newcomer", "+newcomers", 0},
                                   {"pm_attrition", "PMs leaving"},
                                   {"maker_backfills", "maker backfills"},
                                   {"coaching_need", "coaching need h/wk"},
                                   {"coaching_capacity", "coaching cap h/wk"},
                                   {"added_yearly_cost", "added yearly cost", 0}};
    if (!risk.empty()) {
        columns.push_back({"p_within_target", "P(ratio ok)", 2});
        columns.push_back({"pm_p10", "PM P10"});
        columns.push_back({"pm_p50", "PM P50"});
        columns.push_back({"pm_p90", "PM P90"});
        columns.push_back({"ratio_p10", "ratio P10"});
        columns.push_back({"ratio_p50", "ratio P50"});
        columns.push_back({"ratio_p90", "ratio P90"});
    }
    Table table(columns);
    double opened[3] = {0, 0, 0};
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        for (std::size_t k = 0; k < 3; ++k) opened[k] += r.hires_opened[k];
        const Cell ratio = std::isfinite(r.ratio) ? Cell{r.ratio} : Cell{std::monostate{}};
        std::vector<Cell> cells = {static_cast<long long>(r.quarter), r.makers, r.pm_headcount, r.pm_effective, ratio,
                                   r.hires_opened[0], r.hires_opened[1], r.hires_opened[2], r.pm_attrition,
                                   r.maker_backfills, r.coaching_need, r.coaching_capacity, r.added_yearly_cost};
        if (!risk.empty()) {
            const auto& k = risk[i];
            for (double v : {k.within_target, k.pm_p10, k.pm_p50, k.pm_p90, k.ratio_p10, k.ratio_p50, k.ratio_p90})
                if (std::isfinite(v))
                    cells.emplace_back(v);
                else
                    cells.emplace_back(std::monostate{}); // every trial had no PM: no ratio to show
        }
        table.add(std::move(cells));
    }
    auto output = Output::of(
        std::move(table), {{"quarters", quarters}, {"mix", mix}, {"threshold", in.threshold}, {"growth", growth},
                           {"simulated_trials", trials}, {"seed", seed}, {"delay_probability", delay},
                           {"hires_total", {{"senior", opened[0]}, {"transfer", opened[1]}, {"newcomer", opened[2]}}}});
    output.title = "headcount plan";
    output.intro.push_back(fmt::format("{} quarters, mix {}, maker growth {:g}%/quarter, target {:g}:1, PM attrition {:g}%/year{}",
                                       quarters, mix, growth * 100, in.threshold, in.pm_attrition * 100,
                                       trials ? fmt::format(", {} trials (seed {})", trials, seed) : ""));
    const auto count = [](double n, const char* one, const char* many) { return fmt::format("{:g} {}", n, n == 1 ? one : many); };
    output.notes.push_back(fmt::format("open {}: {}, {}, {}", count(opened[0] + opened[1] + opened[2], "PM role", "PM roles"),
                                       count(opened[0], "seasoned senior", "seasoned seniors"),
                                       count(opened[1], "internal transfer", "internal transfers"),
                                       count(opened[2], "newcomer", "newcomers")));
    const auto& last = rows.back();
    if (last.coaching_need > last.coaching_capacity + 1e-9)
        output.notes.push_back(fmt::format("coaching: novices will need {:.1f} h/week against {:.1f}; hire seniors instead "
                                           "of newcomers (try --mix senior-heavy) or raise coaching hours",
                                           last.coaching_need, last.coaching_capacity));
    emit(output, common);
    return 0;
}

} // namespace orgplan::cli
