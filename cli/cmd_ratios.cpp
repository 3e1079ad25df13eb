#include <iostream>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "context.hpp"
#include "orgplan/storage/read_transaction.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/analysis/interrupt_report.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/planning/positions.hpp"
#include "orgplan/analysis/ratios.hpp"
#include "orgplan/model/settings.hpp"
#include "orgplan/base/text.hpp"

namespace orgplan::cli {
namespace {

std::string status_text(const RatioRow& row, const std::string& by, double threshold) {
    switch (row.status) {
    case RatioStatus::no_pm: return "NO PM";
    case RatioStatus::over: return fmt::format("OVER {:g}:1", threshold);
    case RatioStatus::no_makers: return "no makers";
    case RatioStatus::ok: return "ok";
    case RatioStatus::empty: return by == "pm" || by == "leader" ? "no teams" : "empty";
    }
    return "";
}

// ';' keeps machine output (no limit) one field; people read ", ".
std::string join(const std::vector<std::string>& items, std::size_t limit) {
    return text::join(items, limit == SIZE_MAX ? ";" : ", ", limit);
}

Cell ratio_cell(const std::optional<double>& r) { return r ? Cell{*r} : Cell{}; }

// The org-level figures every ratio answer carries: JSON fields, and notes for people.
void add_org_summary(Output& output, const RatioReport& report,
                     const std::unordered_map<std::string_view, std::string_view>& names) {
    const double threshold = report.threshold, max_spread = report.max_spread;
    output.fields["org"] = {{"maker_fte", stable(report.org_makers)},
                            {"pm_fte", stable(report.org_pms)},
                            {"ratio", report.org_ratio() ? nlohmann::json(stable(*report.org_ratio())) : nullptr},
                            {"status", to_string(classify_ratio(report.org_makers, report.org_pms, threshold))},
                            {"org_level_pm_fte", stable(report.org_level_pm)},
                            {"unassigned_pm_fte", stable(report.unassigned_pm)},
                            {"leader_pm_fte", stable(report.leader_pm)},
                            {"unallocated_maker_fte", stable(report.unallocated_makers)}};
    output.fields["teams_without_pm"] = report.teams_without_pm;
    auto thin_json = nlohmann::json::array();
    for (const auto& [pm, n] : report.thin_pms) thin_json.push_back({{"pm", pm}, {"teams", n}});
    output.fields["thin_pms"] = thin_json;

    auto& notes = output.notes;
    if (auto r = report.org_ratio())
        notes.push_back(fmt::format("org: {:.1f} maker FTE / {:.2f} PM FTE = {:.1f}:1 ({})", report.org_makers,
                                    report.org_pms, *r,
                                    *r > threshold ? fmt::format("over the {:g}:1 threshold", threshold)
                                                   : fmt::format("within the {:g}:1 threshold", threshold)));
    else
        notes.push_back(fmt::format("org: {:.1f} maker FTE and no PM", report.org_makers));
    if (report.org_level_pm > 0 || report.unassigned_pm > 0)
        notes.push_back(fmt::format("PM FTE counted at org level only: {:.2f} on initiatives, accounts or teamless "
                                    "targets, {:.2f} unassigned",
                                    report.org_level_pm, report.unassigned_pm));
    if (report.leader_pm > 0)
        notes.push_back(fmt::format("PM FTE includes {:.2f} of product leaders' own time as PM (player-coaches; "
                                    "their coaching hours shrink by the same share)",
                                    report.leader_pm));
    if (report.unallocated_makers > 0)
        notes.push_back(fmt::format("maker FTE counted at org level only (in no team): {:.1f}", report.unallocated_makers));
    notes.push_back(fmt::format("teams with no PM ({}): {}", report.teams_without_pm.size(),
                                report.teams_without_pm.empty() ? "none" : join(report.teams_without_pm, 12)));
    if (report.by == "leader") {
        output.fields["unowned_teams"] = report.unowned_teams;
        if (!report.unowned_teams.empty())
            notes.push_back(fmt::format("teams with makers and no PM under no leader ({}): {}; no product leader is "
                                        "above their makers, their product's PMs or their unit (orgplan check)",
                                        report.unowned_teams.size(), join(report.unowned_teams, 12)));
    }
    std::vector<std::string> thin;
    for (const auto& [pm, n] : report.thin_pms) {
        const auto it = names.find(pm);
        thin.push_back(fmt::format("{} ({} teams)", it != names.end() ? it->second : std::string_view(pm), n));
    }
    notes.push_back(fmt::format("PMs covering more than {:g} teams ({}): {}", max_spread, thin.size(),
                                thin.empty() ? "none" : join(thin, 12)));
}

// What --net-of-interrupts took out, for the answer's notes and JSON.
struct NetOfInterrupts {
    sdk::Period period;
    double pm_fte_taken = 0;
    double hours_per_week = 40;
    bool any = false;
};

NetOfInterrupts interrupts_taken_out(Org& org, const Settings& settings, const std::string& from,
                                     const std::string& to) {
    NetOfInterrupts net;
    net.any = !org.interrupts.empty();
    try {
        net.period = interrupt_period(org, from, to);
    } catch (const Error& e) {
        throw UsageError(e.what());
    }
    net.hours_per_week = settings.get("interrupts.hours_per_week");
    if (net.any) net.pm_fte_taken = take_out_interrupts(org, net.period, net.hours_per_week);
    return net;
}

void add_net_of_interrupts(Output& output, const NetOfInterrupts& net) {
    output.title += ", net of interrupts";
    output.fields["net_of_interrupts"] = {{"from", net.period.from},
                                          {"to", net.period.to},
                                          {"hours_per_week", net.hours_per_week},
                                          {"pm_fte_taken", stable(net.pm_fte_taken)}};
    output.notes.insert(output.notes.begin(),
                        net.any ? fmt::format("net of interrupts from {} to {}: {:.2f} PM FTE taken out (interrupt "
                                              "hours against {:g} working hours per FTE-week; orgplan interrupts "
                                              "--by pm)",
                                              net.period.from, net.period.to, net.pm_fte_taken, net.hours_per_week)
                                : std::string("net of interrupts: no interrupts are logged, so nothing is taken out "
                                              "(orgplan import interrupts.csv)"));
}

} // namespace

int cmd_ratios(const Args& args) {
    Common common;
    std::string by = "team";
    std::optional<double> threshold_option, max_spread_option;
    std::string as_of, from, to;
    bool net_of_interrupts = false, planned = false;
    po::options_description desc("ratios options");
    desc.add_options()
        ("planned", po::bool_switch(&planned), "count open maker roles and planned departures (orgplan positions) as if done")
        ("by", po::value(&by)->value_name("LEVEL"), "team (default), product, segment, pm, leader or org")
        ("threshold", setting_option(threshold_option, "--threshold", "ratio.threshold")->value_name("N"), "makers per PM above which a row is over (default: setting ratio.threshold, 10)")
        ("max-spread", setting_option(max_spread_option, "--max-spread", "ratio.max_spread")->value_name("N"), "teams a PM may cover before being thin (default: setting ratio.max_spread, 3)")
        ("net-of-interrupts", po::bool_switch(&net_of_interrupts), "take the time interrupts took out of each PM's FTE")
        ("from", date_option(from, "--from")->value_name("YYYY-MM-DD"), "with --net-of-interrupts: first day of the period (default: the log's first month)")
        ("to", date_option(to, "--to")->value_name("YYYY-MM-DD"), "with --net-of-interrupts: last day of the period (default: the log's last month)");
    add_as_of(desc, as_of);
    add_common(desc, common);
    if (!parse(args, desc, {}, common, "orgplan ratios [--by LEVEL] [--threshold N] [--net-of-interrupts [--from D] [--to D]] [--format table|json|csv|md|xlsx|html] [--out FILE]"))
        return 0;
    const auto format = output_format(common);
    std::optional<SnapshotInfo> used;
    const auto opened = open_for_answers(db_path(common), as_of, &used);
    Database& db = *opened;
    const ReadTransaction snapshot(db.sql()); // one answer from one commit
    auto settings = Settings::load(db.sql());
    override_setting(settings, "ratio.threshold", threshold_option);
    override_setting(settings, "ratio.max_spread", max_spread_option);
    const double threshold = settings.get("ratio.threshold");
    const double max_spread = settings.get("ratio.max_spread");
    // Makers come as per-team totals stored with the org; only the people ratios are about are loaded one by one.
    // By leader, teams without a PM fall to the leader above their makers, so makers are read too.
    auto org = load_org(db.sql(), by == "leader" ? PersonDetail::full : PersonDetail::no_makers);
    const auto makers = planned ? planned_maker_totals(org, load_maker_totals(db.sql())) : load_maker_totals(db.sql());
    if ((!from.empty() || !to.empty()) && !net_of_interrupts) throw UsageError("--from and --to go with --net-of-interrupts");
    std::optional<NetOfInterrupts> net;
    if (net_of_interrupts) net = interrupts_taken_out(org, settings, from, to);
    RatioReport report;
    try {
        report = compute_ratios(org, by, threshold, max_spread, nullptr, &makers);
    } catch (const Error& e) {
        throw UsageError(e.what());
    }

    // PM names appear in the table only; CSV and JSON give ids.
    std::unordered_map<std::string_view, std::string_view> names;
    if (format == Format::table || format == Format::md)
        for (const auto& p : org.people) names.emplace(p.id, p.name);
    // Team rows each cover one team, so the count column only appears where it says something.
    std::vector<Column> columns = {{by, by}, {"name", "name"}, {"makers", "makers"}, {"pm_fte", "PM FTE", 2},
                                   {"ratio", "ratio"}, {"status", "status"}};
    const bool with_count = by != "team" && by != "org";
    if (with_count) columns.push_back({by == "leader" ? "pm_count" : "teams", by == "leader" ? "PMs led" : "teams"});
    const bool with_pms = by == "team" || by == "product" || by == "segment";
    if (with_pms) columns.push_back({"pm_ids", "PMs"});
    const bool with_uncovered = by == "leader";
    if (with_uncovered) columns.push_back({"no_pm_teams", "no-PM teams"});
    // PM rows say who is a product leader covering teams as PM, whose time there is leader time.
    const bool with_role = by == "pm";
    if (with_role) columns.push_back({"role", "role"});
    // Tables and Markdown are read by people: names and status words; CSV, JSON and XLSX keep ids and codes.
    const bool for_people = format == Format::table || format == Format::md;
    // Strings are moved out of the row, not copied: a team report has a row per team.
    auto cells_of = [&](RatioRow& row) {
        std::vector<Cell> cells;
        cells.reserve(columns.size());
        cells.emplace_back(std::move(row.id));
        cells.emplace_back(std::move(row.name));
        cells.emplace_back(row.makers);
        cells.emplace_back(row.pms);
        cells.emplace_back(ratio_cell(row.ratio));
        cells.emplace_back(for_people ? status_text(row, by, threshold) : std::string(to_string(row.status)));
        if (with_count) cells.push_back(static_cast<long long>(row.spread));
        if (with_role) cells.emplace_back(std::string(row.leader ? "leader" : "pm"));
        if (with_uncovered)
            cells.push_back(for_people ? (row.uncovered_teams.empty() ? std::string("")
                                                                      : fmt::format("{}: {}", row.uncovered_teams.size(),
                                                                                    join(row.uncovered_teams, 3)))
                                       : join(row.uncovered_teams, SIZE_MAX));
        if (with_pms) {
            if (for_people) {
                std::vector<std::string> pm_names;
                for (const auto& id : row.pm_ids) {
                    const auto it = names.find(id);
                    pm_names.emplace_back(it != names.end() ? it->second : id);
                }
                cells.push_back(join(pm_names, 3));
            } else {
                cells.push_back(join(row.pm_ids, SIZE_MAX));
            }
        }
        return cells;
    };
    // By leader the org is whole; otherwise it holds no makers, which the gaps of ratios do not look at.
    auto gaps = answer_gaps("ratios", org, db.sql());
    if (format == Format::csv && common.out.empty()) {
        CsvWriter csv(std::cout, columns); // rows are written as they come, not held as a table first
        for (auto& row : report.rows) csv.row(cells_of(row));
        say_gaps(gaps);
        return 0;
    }
    // JSON keeps each row's PMs (or a leader's teams without a PM) as a list of ids.
    const char* list_key = with_pms ? "pm_ids" : with_uncovered ? "no_pm_teams" : nullptr;
    std::optional<nlohmann::json> id_lists;
    if (list_key && format == Format::json) {
        id_lists = nlohmann::json::array();
        for (const auto& row : report.rows) id_lists->push_back(with_pms ? row.pm_ids : row.uncovered_teams);
    }
    Table table(columns);
    for (auto& row : report.rows) table.add(cells_of(row));
    auto output = Output::of(std::move(table), {{"by", by}, {"threshold", threshold}, {"max_spread", max_spread}});
    output.title = "maker:PM ratios by " + by;
    note_snapshot(output, used);
    if (net) add_net_of_interrupts(output, *net);
    if (id_lists) {
        auto rows = output.sections[0].table.to_json();
        for (std::size_t i = 0; i < rows.size(); ++i) rows[i][list_key] = (*id_lists)[i];
        output.sections[0].json_rows = std::move(rows);
    }
    add_org_summary(output, report, names);
    output.fields["gaps"] = std::move(gaps);
    output.fields["planned_included"] = planned;
    const auto open_positions = std::count_if(org.positions.begin(), org.positions.end(),
                                              [](const Position& p) { return p.status == PositionStatus::open; });
    if (planned)
        output.notes.push_back(fmt::format("as planned: {} open positions counted as if filled or gone", open_positions));
    else if (open_positions)
        output.notes.push_back(fmt::format("{} open positions are not counted; --planned counts them", open_positions));
    emit(output, common);
    return 0;
}

} // namespace orgplan::cli
