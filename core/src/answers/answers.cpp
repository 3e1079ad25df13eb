#include "orgplan/answers/answers.hpp"

#include <algorithm>
#include <cmath>
#include <thread>

#include <fmt/format.h>

#include "orgplan/planning/analysis.hpp"
#include "orgplan/analysis/coaching.hpp"
#include "orgplan/model/enums.hpp"
#include "orgplan/analysis/shared_work.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/analysis/interrupt_report.hpp"
#include "orgplan/base/number.hpp"
#include "orgplan/plugin_host/plugin_requests.hpp"
#include "orgplan/analysis/ratios.hpp"
#include "orgplan/analysis/task_force.hpp"
#include "orgplan/base/text.hpp"

namespace orgplan {
namespace {

Cell optional_cell(const std::optional<double>& v) { return v ? Cell{*v} : Cell{}; }
// Whole hires and quarters print as whole numbers ("3", not "3.0"); a plugin's fractional count keeps its decimals.
Cell count_cell(double v) {
    return v == std::floor(v) && std::fabs(v) < 1e15 ? Cell{static_cast<long long>(v)} : Cell{v};
}
nlohmann::json optional_json(const std::optional<double>& v) { return v ? nlohmann::json(stable(*v)) : nullptr; }

// A plugin that failed: stops the answer under --strict-plugins (the message says so), else is skipped with a
// warning that says orgplan went on without it.
void skipped(const PluginRun& plugins, const Error& e) {
    if (plugins.strict) throw Error(std::string(e.what()) + "; stopped (--strict-plugins)");
    if (plugins.warn) plugins.warn(std::string("skipped: ") + e.what() + "; orgplan carried on without it");
}

// Makers in no team are often gaps in an export rather than people a PM serves: said either way, never silently.
std::string unassigned_note(double makers, bool included) {
    return included ? fmt::format("counted {:.1f} maker FTE in no team (--include-unassigned)", makers)
                    : fmt::format("left out {:.1f} maker FTE in no team; --include-unassigned counts them", makers);
}

} // namespace

nlohmann::json metrics_json(const ProposalMetrics& m) {
    return {{"max_ratio", optional_json(m.max_ratio)},
            {"median_ratio", optional_json(m.median_ratio)},
            {"pm_fte_needed", stable(m.pm_fte_needed)},
            {"thin_pms", m.thin_pms},
            {"uncovered_teams", m.uncovered_teams},
            {"teams", m.teams},
            {"segments_covered", m.segments_covered},
            {"segments", m.segments},
            {"accounts_covered", m.accounts_covered},
            {"accounts", m.accounts},
            {"initiatives_covered", m.initiatives_covered},
            {"initiatives", m.initiatives},
            {"score", stable(m.score)}};
}

PrincipleComparison compare_principles(const Org& org, const Settings& settings, const PluginRun& plugins) {
    const double threshold = settings.get("ratio.threshold"), max_spread = settings.get("ratio.max_spread");
    const CoverageBasis basis(org);
    const auto coverage = to_sdk(basis.cover(org.assignments));
    const sdk::PrincipleRequest request{org, coverage, to_sdk(settings), plugins.params};
    PrincipleComparison out;
    auto& rows = out.rows;
    rows.emplace_back("(current)", evaluate(basis, org, org.assignments, threshold, max_spread));
    for (const auto* p : plugins.host.of_kind(sdk::PluginKind::principle)) {
        try {
            const auto proposal = plugins.host.propose(*p, request);
            if (!proposal.not_applicable.empty())
                out.not_applicable.emplace_back(p->name, proposal.not_applicable);
            else
                rows.emplace_back(p->name, evaluate(basis, org, proposal.assignments, threshold, max_spread));
        } catch (const Error& e) {
            skipped(plugins, e);
        }
    }
    if (rows.size() == 1 && out.not_applicable.empty())
        throw Error("no organizing principle plugin could run; see orgplan plugins list");
    std::stable_sort(rows.begin() + 1, rows.end(),
                     [](const auto& a, const auto& b) { return a.second.score > b.second.score; });
    // People read "covered/total"; JSON keeps both counts as numbers, under keys of their own.
    const auto json_only = [](std::string key) { return Column{key, key, 1, false, Shown::json_only}; };
    const auto for_people = [](std::string key) { return Column{key, key, 1, false, Shown::not_in_json}; };
    Table table({{"principle", "principle"}, json_only("applicable"), json_only("not_applicable"),
                 {"max_ratio", "max ratio"}, {"median_ratio", "median"}, {"pm_fte_needed", "PM FTE short", 2},
                 {"uncovered_teams", "no-PM teams"}, json_only("teams"),
                 {"thin_pms", fmt::format("PMs >{:g} teams", max_spread)}, json_only("segments_covered"),
                 json_only("segments"), for_people("segments"), json_only("accounts_covered"), json_only("accounts"),
                 for_people("accounts"), json_only("initiatives_covered"), json_only("initiatives"),
                 for_people("initiatives"), {"score", "score"}});
    const auto count = [](std::size_t n) { return static_cast<long long>(n); };
    for (const auto& [name, m] : rows)
        table.add({name, Flag{true}, Omitted{}, optional_cell(m.max_ratio), optional_cell(m.median_ratio),
                   m.pm_fte_needed, count(m.uncovered_teams), count(m.teams), count(m.thin_pms),
                   count(m.segments_covered), count(m.segments), fmt::format("{}/{}", m.segments_covered, m.segments),
                   count(m.accounts_covered), count(m.accounts), fmt::format("{}/{}", m.accounts_covered, m.accounts),
                   count(m.initiatives_covered), count(m.initiatives),
                   fmt::format("{}/{}", m.initiatives_covered, m.initiatives), m.score});
    // Principles the org has no data for are listed, unscored (no metrics at all in JSON), after the scored ones.
    for (const auto& [name, why] : out.not_applicable) {
        std::vector<Cell> cells(table.columns().size(), Omitted{});
        cells[0] = name;
        cells[1] = Flag{false};
        cells[2] = why;
        cells[3] = Omitted{"not applicable"};
        table.add(std::move(cells));
    }
    const auto best = rows.size() > 1 ? nlohmann::json(rows[1].first) : nlohmann::json(nullptr);
    out.output = Output::of(std::move(table), {{"threshold", threshold}, {"max_spread", max_spread}, {"best", best}});
    out.output.title = "organizing principles";
    const bool any_pm =
        std::any_of(org.people.begin(), org.people.end(), [](const Person& p) { return p.family == Family::pm; });
    out.output.notes.push_back(!any_pm ? "the org has no PMs to assign, so no principle can help yet; see orgplan hire"
                               : rows.size() > 1
                                   ? fmt::format("best fit: {} (score {:.1f}; the score is explained in docs/align.md)",
                                                 rows[1].first, rows[1].second.score)
                                   : "no principle applies to the data the org has");
    for (const auto& [name, why] : out.not_applicable)
        out.output.notes.push_back(fmt::format("not applicable: {}: {}", name, why));
    return out;
}

Output hiring_answer(const Org& org, const Settings& settings, const PluginRun& plugins, std::optional<double> count,
                     const std::vector<std::string>& mixes, bool include_unassigned) {
    const double threshold = settings.get("ratio.threshold");
    const auto ratios = compute_ratios(org, "org", threshold, settings.get("ratio.max_spread"));
    const bool derived = !count;
    const double makers = ratios.org_makers - (include_unassigned ? 0.0 : ratios.unallocated_makers);
    if (derived)
        count = static_cast<double>(checked_count(
            std::max(0.0, std::ceil(makers / threshold - ratios.org_pms - 1e-9)), 1e7, "PM hires needed"));
    const auto balance = coaching_balance(org, settings);
    const sdk::HiringRequest request{org, *count, to_sdk(settings), plugins.params};
    std::vector<const LoadedPlugin*> selected;
    for (const auto& m : mixes) selected.push_back(&plugins.host.get(sdk::PluginKind::hiring_mix, m));
    if (mixes.empty()) selected = plugins.host.of_kind(sdk::PluginKind::hiring_mix);

    Table table({{"mix", "mix"}, {"seniors", "seniors"}, {"transfers", "transfers"}, {"newcomers", "newcomers"},
                 money_column("cost", "cost", settings.text("cost.currency")), {"coaching_need", "coaching need h/wk"}, {"mentoring_added", "mentoring added h/wk"},
                 {"coaching_gap", "coaching gap h/wk"}, {"full_strength_quarters", "full strength in Q"},
                 {"verdict", "verdict"}});
    const double senior_hours = settings.get("coaching.senior_hours");
    const double novice_hours = settings.get("coaching.novice_hours");
    for (const auto* p : selected) {
        sdk::HiringPlan plan;
        try {
            plan = plugins.host.plan(*p, request);
        } catch (const Error& e) {
            skipped(plugins, e);
            continue;
        }
        double by_origin[4] = {0, 0, 0, 0}, ready = 0;
        for (const auto& g : plan.groups) {
            by_origin[static_cast<int>(g.origin)] += g.count;
            if (g.count > 0) ready = std::max(ready, g.lead_quarters + g.ramp_quarters);
        }
        const double gap = std::max(0.0, plan.coaching_need_hours - plan.coaching_give_hours - balance.spare());
        const auto swaps = checked_count(std::ceil(gap / (senior_hours + novice_hours) - 1e-9), 1e7, "seniors to hire");
        const std::string verdict =
            gap <= 1e-9 ? "mentoring covered"
                        : fmt::format("hire {} more senior{} instead of novices", swaps, swaps == 1 ? "" : "s");
        table.add({p->name, count_cell(by_origin[static_cast<int>(Origin::external_senior)]),
                   count_cell(by_origin[static_cast<int>(Origin::internal_transfer)]),
                   count_cell(by_origin[static_cast<int>(Origin::newcomer)]), plan.total_cost,
                   plan.coaching_need_hours, plan.coaching_give_hours, gap, count_cell(ready), verdict});
    }
    auto output = Output::of(std::move(table), {{"count", *count},
                                                {"count_derived", derived},
                                                {"unassigned_makers", stable(ratios.unallocated_makers)},
                                                {"unassigned_included", include_unassigned},
                                                {"coaching_capacity_hours", stable(balance.capacity)},
                                                {"coaching_demand_hours", stable(balance.demand)},
                                                {"coaching_spare_hours", stable(balance.spare())}});
    output.title = "hiring mixes";
    output.intro.push_back(fmt::format(
        "{:g} PM hires{}; coaching today: {:.1f} h/week capacity, {:.1f} needed, {:.1f} spare", *count,
        derived ? fmt::format(" (what {:.1f} maker FTE need at {:g}:1 beyond {:.2f} PM FTE)", makers,
                              threshold, ratios.org_pms)
                : "",
        balance.capacity, balance.demand, balance.spare()));
    if (derived && ratios.unallocated_makers > 1e-9)
        output.notes.push_back(unassigned_note(ratios.unallocated_makers, include_unassigned));
    return output;
}

namespace {

// The plan's table: a row per quarter, with the simulation's percentiles when it ran. Short headings: the table fits
// a 120-column terminal; the notes say what they mean.
Table plan_table(const std::vector<QuarterPlan>& rows, const std::vector<QuarterRisk>& risk, const std::string& currency) {
    std::vector<Column> columns = {{"quarter", "Q"},
                                   {"makers", "makers"},
                                   {"pm_fte", "PM FTE", 1},
                                   {"pm_effective", "eff. PM", 1},
                                   {"ratio", "ratio"},
                                   {"hire_senior", "+senior", 0},
                                   {"hire_transfer", "+transfer", 0},
                                   {"hire_newcomer", "+newcomer", 0},
                                   {"pm_attrition", "PMs out"},
                                   {"maker_backfills", "backfills"},
                                   {"coaching_need", "coach need"},
                                   {"coaching_capacity", "coach cap"},
                                   money_column("added_yearly_cost", "+cost/yr", currency)};
    if (!risk.empty())
        columns.insert(columns.end(), {{"p_within_target", "P(ratio ok)", 2}, {"pm_p10", "PM P10"},
                                       {"pm_p50", "PM P50"}, {"pm_p90", "PM P90"}, {"ratio_p10", "ratio P10"},
                                       {"ratio_p50", "ratio P50"}, {"ratio_p90", "ratio P90"}});
    Table table(columns);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
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
    return table;
}

// The plan's sentences after the table: makers left out or planned positions counted, the roles opened, what the
// columns mean, and a coaching shortfall at the end of the horizon.
void plan_notes(const Org& org, const PlanInput& in, const std::vector<QuarterPlan>& rows, const PlanOptions& o,
                const double (&opened)[3], std::vector<std::string>& notes) {
    if (in.unassigned_makers > 1e-9) notes.push_back(unassigned_note(in.unassigned_makers, o.include_unassigned));
    if (o.count_planned) {
        double open_roles = 0, leaving = 0;
        for (const auto& [from, fte] : in.planned_makers) (fte > 0 ? open_roles : leaving) += std::abs(fte);
        notes.push_back(fmt::format("counted planned positions: {:.1f} maker FTE of open roles, {:.1f} of planned "
                                    "departures, each from its quarter",
                                    open_roles, leaving));
    } else if (std::any_of(org.positions.begin(), org.positions.end(),
                           [](const Position& p) { return p.status == PositionStatus::open; })) {
        notes.push_back("open positions are not counted; --planned counts them");
    }
    const auto count = [](double n, const char* one, const char* many) {
        return fmt::format("{:g} {}", n, n == 1 ? one : many);
    };
    notes.push_back(fmt::format("open {}: {}, {}, {}", count(opened[0] + opened[1] + opened[2], "PM role", "PM roles"),
                                count(opened[0], "seasoned senior", "seasoned seniors"),
                                count(opened[1], "internal transfer", "internal transfers"),
                                count(opened[2], "newcomer", "newcomers")));
    notes.push_back(fmt::format(
        "ratio: makers over effective PM FTE (eff. PM: a hire still ramping up counts {:g} of a PM)", in.ramp_factor));
    notes.push_back("PMs out: expected PM attrition; backfills: makers replaced; coach need and cap: coaching hours a "
                    "week; +cost/yr: yearly cost of the roles opened so far");
    const auto& last = rows.back();
    if (last.coaching_need > last.coaching_capacity + 1e-9)
        notes.push_back(fmt::format("coaching: novices will need {:.1f} h/week against {:.1f}; hire seniors instead of "
                                    "newcomers (try --mix senior-heavy) or raise coaching hours",
                                    last.coaching_need, last.coaching_capacity));
}

} // namespace

HeadcountAnswer plan_answer(const Org& org, const Settings& settings, const PluginRun& plugins, const PlanOptions& o) {
    HeadcountAnswer out;
    const double growth = settings.get("plan.maker_growth"), delay = settings.get("plan.hire_delay_probability");
    // The mix plugin decides shares, lead times, ramp-up and cost.
    out.input = plan_input(org, settings, mix_profile(plugins.host, o.mix, org, settings, plugins.params), o.quarters,
                           growth, o.team_growth, o.include_unassigned, o.count_planned);
    const auto& in = out.input;
    out.rows = project_headcount(in);
    if (o.trials > 0) {
        if (o.progress) o.progress("start", fmt::format("simulating {} trials x {} quarters...", o.trials, o.quarters));
        out.risk = simulate_headcount(in, o.trials, o.seed, delay, std::max(1u, std::thread::hardware_concurrency()));
        if (o.progress) o.progress("done", "");
    }
    double opened[3] = {0, 0, 0};
    for (const auto& r : out.rows)
        for (std::size_t k = 0; k < 3; ++k) opened[k] += r.hires_opened[k];
    out.output = Output::of(
        plan_table(out.rows, out.risk, settings.text("cost.currency")),
        {{"quarters", o.quarters}, {"mix", o.mix}, {"threshold", in.threshold}, {"growth", growth},
         {"simulated_trials", o.trials}, {"seed", o.seed}, {"delay_probability", delay},
         {"hires_total", {{"senior", opened[0]}, {"transfer", opened[1]}, {"newcomer", opened[2]}}},
         {"unassigned_makers", stable(in.unassigned_makers)},
         {"unassigned_included", o.include_unassigned},
         {"planned_included", o.count_planned}});
    out.output.title = "headcount plan";
    plan_notes(org, in, out.rows, o, opened, out.output.notes);
    out.output.intro.push_back(fmt::format(
        "{} quarters, mix {}, maker growth {:g}%/quarter, target {:g}:1, PM attrition {:g}%/year{}", o.quarters, o.mix,
        growth * 100, in.threshold, in.pm_attrition * 100,
        o.trials ? fmt::format(", {} trials (seed {})", o.trials, o.seed) : ""));
    return out;
}

Output mentoring_answer(const Org& org, const MentoringPlan& plan) {
    const auto people = people_by_id(org);
    const auto name = [&](const std::string& id) { return std::string(people->name_of(id)); };
    Table pairs({{"mentor", "mentor"}, {"mentor_name", "mentor name"}, {"novice", "novice"},
                 {"novice_name", "novice name"}, {"hours", "h/week"}, {"shared", "shared"}, {"cost", "cost"}});
    for (const auto& p : plan.pairings) {
        std::string shared;
        for (const auto& w : p.why) shared += (shared.empty() ? "" : ", ") + w;
        pairs.add({p.mentor_id, name(p.mentor_id), p.novice_id, name(p.novice_id), p.hours, shared,
                   static_cast<long long>(p.cost)});
    }
    Table loads({{"mentor", "mentor"}, {"name", "name"}, {"role", "role"}, {"used", "used h/week"},
                 {"capacity", "capacity h/week"}});
    auto loads_json = nlohmann::json::array();
    for (const auto& m : plan.mentors) {
        loads.add({m.mentor_id, name(m.mentor_id), std::string(m.leader ? "leader" : "senior PM"), m.used_hours,
                   m.capacity_hours});
        loads_json.push_back({{"mentor", m.mentor_id}, {"leader", m.leader}, {"capacity_hours", stable(m.capacity_hours)},
                              {"used_hours", stable(m.used_hours)}});
    }
    auto output = Output::of(std::move(pairs), {{"novices", plan.novices},
                                                {"uncovered", plan.uncovered},
                                                {"experience_unknown", plan.experience_unknown},
                                                {"mentors", loads_json},
                                                {"total_cost", plan.total_cost},
                                                {"recommendation", plan.recommendation}});
    output.title = "mentoring plan";
    output.sections.push_back({"mentor load", std::move(loads), ""});
    std::string uncovered;
    for (const auto& u : plan.uncovered) uncovered += (uncovered.empty() ? "" : ", ") + name(u) + " (" + u + ")";
    output.notes.push_back(fmt::format("{} novices, {} coached, {} without coaching{}", plan.novices,
                                       plan.novices - plan.uncovered.size(), plan.uncovered.size(),
                                       plan.uncovered.empty() ? "" : ": " + uncovered));
    if (!plan.experience_unknown.empty())
        output.notes.push_back(fmt::format(
            "{} {} no pm_years, so {} neither matched as novices nor counted as mentors: {}",
            plan.experience_unknown.size(), plan.experience_unknown.size() == 1 ? "PM has" : "PMs have",
            plan.experience_unknown.size() == 1 ? "is" : "are", text::join(plan.experience_unknown, ", ")));
    output.notes.push_back("recommendation: " + plan.recommendation);
    return output;
}

namespace {

Table groups_table(const std::string& by, const InterruptReport& r) {
    // Kinds and functions are their own names; people, teams and products have one besides their id.
    const bool named = by != "kind" && by != "function";
    std::vector<Column> columns = {{by, by}};
    if (named) columns.push_back({"name", "name"});
    if (by == "requester") columns.push_back({"function", "function"});
    columns.insert(columns.end(), {{"interrupts", "interrupts"},
                                   {"hours", "hours", 1},
                                   {"unplanned_hours", "unplanned", 1},
                                   {"share", by == "pm" ? "of their time" : "of PM time", 3},
                                   {"unplanned_share", "unplanned share", 3}});
    if (by == "pm") columns.push_back({"top_requester", "top requester (unplanned)"});
    Table table(columns);
    for (const auto& row : r.rows) {
        std::vector<Cell> cells{row.key};
        if (named) cells.push_back(row.key == "(none)" && by == "pm" ? "no PM covers it"
                                                                     : row.label);
        if (by == "requester") cells.push_back(row.function);
        cells.insert(cells.end(), {static_cast<long long>(row.count), row.hours, row.unplanned_hours, row.share,
                                   row.unplanned_share});
        if (by == "pm") cells.push_back(row.top_requester);
        table.add(std::move(cells));
    }
    return table;
}

Table months_table(const InterruptReport& r) {
    Table table({{"month", "month"},
                 {"interrupts", "interrupts"},
                 {"hours", "hours", 1},
                 {"unplanned_hours", "unplanned", 1},
                 {"share", "of PM time", 3}});
    for (const auto& m : r.months)
        table.add({m.month, static_cast<long long>(m.count), m.hours, m.unplanned_hours, m.share});
    return table;
}

} // namespace

Output interrupts_answer(const Org& org, const Settings& settings, const std::string& by, const std::string& from,
                         const std::string& to) {
    const auto r = interrupt_report(org, by, interrupt_period(org, from, to), settings.get("interrupts.hours_per_week"));
    auto output = Output::of(groups_table(by, r), {{"by", by},
                                                   {"from", r.period.from},
                                                   {"to", r.period.to},
                                                   {"hours_per_week", r.hours_per_week},
                                                   {"pm_fte", stable(r.pm_fte)},
                                                   {"pm_capacity_hours", stable(r.pm_capacity_hours)},
                                                   {"interrupts", r.count},
                                                   {"hours", stable(r.hours)},
                                                   {"unplanned_hours", stable(r.unplanned_hours)},
                                                   {"unattributed_hours", stable(r.unattributed_hours)}});
    output.title = "interrupts by " + by;
    output.sections.push_back({"per month", months_table(r), "months"});
    if (org.interrupts.empty()) {
        output.notes.push_back("no interrupts are logged yet: import an interrupts file (docs/interrupts.md)");
        return output;
    }
    output.notes.push_back(fmt::format("{} to {} ({:.1f} weeks): {} interrupts, {:.1f} hours, {:.1f} of them unplanned",
                                       r.period.from, r.period.to, r.period.weeks(), r.count, r.hours,
                                       r.unplanned_hours));
    output.notes.push_back(fmt::format("PM time in the period: {:.2f} PM FTE x {:g} hours a week (setting "
                                       "interrupts.hours_per_week) = {:.0f} hours",
                                       r.pm_fte, r.hours_per_week, r.pm_capacity_hours));
    if (r.unattributed_hours > 0)
        output.notes.push_back(fmt::format("{:.1f} hours hit teams or products no PM covers: in no PM's share",
                                           r.unattributed_hours));
    return output;
}

Output task_force_load_answer(const Org& org, const Settings& settings, std::size_t at_least) {
    const auto most = static_cast<std::size_t>(settings.get("taskforce.max_per_person"));
    Table table({{"person", "person"}, {"name", "name"}, {"seats", "seats"}, {"working", "working groups"},
                 {"review", "review audiences"}, {"status", "status"}});
    for (const auto& l : task_force_load(org, at_least))
        table.add({l.person_id, l.name.empty() ? std::string("(not in the org)") : l.name,
                   static_cast<long long>(l.seats()), text::join(l.working, ", "), text::join(l.review, ", "),
                   std::string(l.seats() > most ? "OVER" : "ok")});
    auto output = Output::of(std::move(table), {{"at_least", at_least}, {"max_per_person", most}});
    output.title = "people on task forces";
    output.notes.push_back(fmt::format("people on at least {} task forces; over {} (taskforce.max_per_person) is "
                                       "OVER, and orgplan diagnose reports committee-overload",
                                       at_least, most));
    return output;
}

} // namespace orgplan
