#include <algorithm>
#include <iostream>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "context.hpp"
#include "orgplan/storage/settings_store.hpp"
#include "orgplan/storage/read_transaction.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/analysis/interrupt_report.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/planning/positions.hpp"
#include "orgplan/analysis/ratio_filter.hpp"
#include "orgplan/analysis/ratios.hpp"
#include "orgplan/model/people_by_id.hpp"
#include "orgplan/model/settings.hpp"
#include "orgplan/base/text.hpp"

namespace orgplan::cli {
namespace {

std::string status_text(RatioStatus status, const std::string& by, double threshold) {
    switch (status) {
    case RatioStatus::no_pm: return "NO PM";
    case RatioStatus::over: return fmt::format("OVER {:g}:1", threshold);
    case RatioStatus::no_makers: return "no makers";
    case RatioStatus::ok: return "ok";
    case RatioStatus::empty: return by == "pm" || by == "leader" ? "no teams" : "empty";
    }
    return "";
}

// The first `limit` items for people to read, and how many more.
std::string join(const std::vector<std::string>& items, std::size_t limit) { return text::join(items, ", ", limit); }

Cell ratio_cell(const std::optional<double>& r) { return r ? Cell{*r} : Cell{}; }

// The org-level figures every ratio answer carries: JSON fields, and notes for people.
void add_org_summary(Output& output, const RatioReport& report, const PeopleById& people) {
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
    for (const auto& [pm, n] : report.thin_pms) thin.push_back(fmt::format("{} ({} teams)", people.name_of(pm, pm), n));
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

// Everything ratios' options can say.
struct RatiosRun {
    Common common;
    std::string by = "team";
    std::optional<double> threshold, max_spread;
    std::string as_of, from, to;
    bool net_of_interrupts = false, planned = false;
    RatioFilter filter;
};

po::options_description ratios_options(RatiosRun& r) {
    po::options_description desc("ratios options");
    desc.add_options()
        ("planned", po::bool_switch(&r.planned), "count open maker roles and planned departures (orgplan positions) as if done")
        ("by", po::value(&r.by)->value_name("LEVEL"), "team (default), product, segment, pm, leader or org")
        ("segment", po::value(&r.filter.segment)->value_name("ID"), "only rows about this segment's teams ((none): teams with no segment); with --by team, product or segment")
        ("product", po::value(&r.filter.product)->value_name("ID"), "only rows about this product's teams ((none): teams with no product); with --by team, product or segment")
        ("status", po::value(&r.filter.status)->value_name("S"), "only rows with this status: no_pm, over, no_makers, ok or empty")
        ("leader", po::value(&r.filter.leader)->value_name("ID"), "only the PMs reporting to this person, or the teams they cover (a team with no PM: with a member under them); with --by team or pm")
        ("threshold", setting_option(r.threshold, "--threshold", "ratio.threshold")->value_name("N"), "makers per PM above which a row is over (default: setting ratio.threshold, 10)")
        ("max-spread", setting_option(r.max_spread, "--max-spread", "ratio.max_spread")->value_name("N"), "teams a PM may cover before being thin (default: setting ratio.max_spread, 3)")
        ("net-of-interrupts", po::bool_switch(&r.net_of_interrupts), "take the time interrupts took out of each PM's FTE")
        ("from", date_option(r.from, "--from")->value_name("YYYY-MM-DD"), "with --net-of-interrupts: first day of the period (default: the log's first month)")
        ("to", date_option(r.to, "--to")->value_name("YYYY-MM-DD"), "with --net-of-interrupts: last day of the period (default: the log's last month)");
    add_as_of(desc, r.as_of);
    add_common(desc, r.common);
    return desc;
}

// The columns of a level's table, and the cells of each row. Team rows each cover one team, so the count column only
// appears where it says something; people read names and status words, programs ids and codes (Worded cells).
class RatioTable {
public:
    RatioTable(const std::string& by, double threshold, const Org& org) : people_(org.people) {
        columns_ = {{by, by}, {"name", "name"}, {"makers", "makers"}, {"pm_fte", "PM FTE", 2},
                    {"ratio", "ratio"}, {"status", "status"}};
        with_count_ = by != "team" && by != "org";
        if (with_count_) columns_.push_back({by == "leader" ? "pm_count" : "teams", by == "leader" ? "PMs led" : "teams"});
        with_pms_ = by == "team" || by == "product" || by == "segment";
        if (with_pms_) columns_.push_back({"pm_ids", "PMs"});
        with_uncovered_ = by == "leader";
        if (with_uncovered_) columns_.push_back({"no_pm_teams", "no-PM teams"});
        // PM rows say who is a product leader covering teams as PM, whose time there is leader time.
        with_role_ = by == "pm";
        if (with_role_) columns_.push_back({"role", "role"});
        for (auto status : {RatioStatus::no_pm, RatioStatus::over, RatioStatus::no_makers, RatioStatus::ok,
                            RatioStatus::empty}) {
            const auto at = static_cast<std::size_t>(status);
            if (statuses_.size() <= at) statuses_.resize(at + 1);
            statuses_[at] = {std::string(to_string(status)), status_text(status, by, threshold)};
        }
    }
    const std::vector<Column>& columns() const { return columns_; }
    const PeopleById& people() const { return people_; }

    // Strings are moved out of the row, not copied: a team report has a row per team.
    std::vector<Cell> cells(RatioRow& row) const {
        std::vector<Cell> cells;
        cells.reserve(columns_.size());
        cells.emplace_back(std::move(row.id));
        cells.emplace_back(std::move(row.name));
        cells.emplace_back(row.makers);
        cells.emplace_back(row.pms);
        cells.emplace_back(ratio_cell(row.ratio));
        cells.emplace_back(statuses_.at(static_cast<std::size_t>(row.status)));
        if (with_count_) cells.push_back(static_cast<long long>(row.spread));
        if (with_role_) cells.emplace_back(std::string(row.leader ? "leader" : "pm"));
        if (with_uncovered_) cells.push_back(uncovered_cell(row));
        if (with_pms_) cells.push_back(pms_cell(row));
        return cells;
    }

private:
    // How many teams, and the first few.
    static Worded uncovered_cell(RatioRow& row) {
        auto words = row.uncovered_teams.empty()
                         ? std::string()
                         : fmt::format("{}: {}", row.uncovered_teams.size(), join(row.uncovered_teams, 3));
        return {std::move(row.uncovered_teams), std::move(words)};
    }
    // The first few PMs by name, and how many more: only the names join() shows are looked up.
    Worded pms_cell(RatioRow& row) const {
        constexpr std::size_t shown = 3;
        std::vector<std::string> names(row.pm_ids.size());
        for (std::size_t i = 0; i < names.size() && i < shown; ++i)
            names[i] = people_.name_of(row.pm_ids[i], row.pm_ids[i]);
        return {std::move(row.pm_ids), join(names, shown)};
    }

    std::vector<Worded> statuses_; // by RatioStatus: the same few words on every row, made once
    bool with_count_ = false, with_pms_ = false, with_uncovered_ = false, with_role_ = false;
    std::vector<Column> columns_;
    PeopleById people_;
};

// Which rows a filter kept; the org's totals stay those of the whole org.
void note_filter(Output& output, const RatioFilter& filter, std::size_t kept, std::size_t of) {
    auto& f = output.fields["filter"] = nlohmann::json::object();
    std::vector<std::string> said;
    for (const auto& [name, value] : {std::pair{"segment", &filter.segment}, {"product", &filter.product},
                                      {"leader", &filter.leader}, {"status", &filter.status}})
        if (!value->empty()) f[name] = *value, said.push_back(std::string(name) + " " + *value);
    output.title += " (" + text::join(said, ", ") + ")";
    output.notes.push_back(fmt::format("{} of {} rows: {}; the org's totals are the whole org's", kept, of,
                                       text::join(said, ", ")));
}

// Whether open positions were counted (--planned), or how many were left out.
void note_positions(Output& output, const Org& org, bool planned) {
    output.fields["planned_included"] = planned;
    const auto open_positions = std::count_if(org.positions.begin(), org.positions.end(),
                                              [](const Position& p) { return p.status == PositionStatus::open; });
    if (planned)
        output.notes.push_back(fmt::format("as planned: {} open positions counted as if filled or gone", open_positions));
    else if (open_positions)
        output.notes.push_back(fmt::format("{} open positions are not counted; --planned counts them", open_positions));
}

} // namespace

int cmd_ratios(const Args& args) {
    RatiosRun run;
    auto desc = ratios_options(run);
    if (!parse(args, desc, {}, run.common, "orgplan ratios [--by LEVEL] [--segment ID] [--product ID] [--leader ID] [--status S] [--threshold N] [--net-of-interrupts [--from D] [--to D]] [--format table|json|csv|md|xlsx|html] [--out FILE]"))
        return 0;
    if ((!run.from.empty() || !run.to.empty()) && !run.net_of_interrupts)
        throw UsageError("--from and --to go with --net-of-interrupts");
    std::optional<SnapshotInfo> used;
    const auto opened = open_for_answers(db_path(run.common), run.as_of, &used);
    Database& db = *opened;
    const ReadTransaction snapshot(db); // one answer from one commit
    // Makers come as per-team totals stored with the org; only the people ratios are about are loaded one by one.
    // By leader, teams without a PM fall to the leader above their makers, so makers are read too. The org first:
    // its read can then be shared by two connections.
    MakerTotals stored_makers; // read by the twin once it has the people, if there is one, while this reads teams
    auto org = load_org(db, run.by == "leader" ? PersonDetail::full : PersonDetail::no_makers,
                        [&](Database& same_commit) { stored_makers = load_maker_totals(same_commit); });
    auto settings = load_settings(db);
    override_setting(settings, "ratio.threshold", run.threshold);
    override_setting(settings, "ratio.max_spread", run.max_spread);
    const double threshold = settings.get("ratio.threshold");
    const double max_spread = settings.get("ratio.max_spread");
    const auto makers = run.planned ? planned_maker_totals(org, std::move(stored_makers)) : std::move(stored_makers);
    std::optional<NetOfInterrupts> net;
    if (run.net_of_interrupts) net = interrupts_taken_out(org, settings, run.from, run.to);
    // Found while the ratios are worked out, once the org is as they see it. Without makers in the org (all but by
    // leader), the gaps count teams' makers from the totals, as the report does.
    GapsAhead gaps("ratios", org, db, &makers);
    RatioReport report;
    std::size_t rows_before = 0;
    try {
        report = compute_ratios(org, run.by, threshold, max_spread, nullptr, &makers);
        rows_before = report.rows.size();
        filter_ratio_rows(report, org, run.filter);
    } catch (const Error& e) {
        throw UsageError(e.what());
    }
    const RatioTable shape(run.by, threshold, org);
    MainRows rows(shape.columns(), run.common);
    for (auto& row : report.rows) rows.add(shape.cells(row));
    auto output = Output::of(rows.table(), {{"by", run.by}, {"threshold", threshold}, {"max_spread", max_spread}});
    output.title = "maker:PM ratios by " + run.by;
    note_snapshot(output, used);
    if (net) add_net_of_interrupts(output, *net);
    add_org_summary(output, report, shape.people());
    if (!run.filter.empty()) note_filter(output, run.filter, report.rows.size(), rows_before);
    note_gaps(output, gaps);
    note_positions(output, org, run.planned);
    emit(output, rows, run.common);
    return 0;
}

} // namespace orgplan::cli
