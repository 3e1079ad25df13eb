// orgplan history / trend / changes: the snapshots every import records, the org's numbers across them, and who
// joined, left or moved between two of them.
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "context.hpp"
#include "orgplan/storage/settings_store.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/analysis/org_trend.hpp"
#include "orgplan/storage/read_transaction.hpp"

namespace orgplan::cli {

int cmd_history(const Args& args) {
    Common common;
    po::options_description desc("history options");
    add_common(desc, common);
    if (!parse(args, desc, {}, common, "orgplan history [--format table|json|csv|md|xlsx|html]")) return 0;
    Database db(db_path(common), Database::Open::read);
    const ReadTransaction snapshot(db);
    Table table({{"as_of", "as of"}, {"taken_at", "imported (UTC)"}, {"command", "command"}});
    const auto snapshots = list_snapshots(db);
    for (const auto& s : snapshots) table.add({s.as_of, s.taken_at, s.command});
    auto output = Output::of(std::move(table));
    output.title = "snapshots";
    output.notes.push_back(snapshots.empty() ? "no snapshots yet: every import records one"
                                             : fmt::format("{} snapshots; ratios, spans, diagnose and report take "
                                                           "--as-of DATE, trend compares them all",
                                                           snapshots.size()));
    emit(output, common);
    return 0;
}

int cmd_trend(const Args& args) {
    Common common;
    std::vector<std::string> metrics;
    std::size_t last = 24;
    po::options_description desc("trend options");
    desc.add_options()("metric", choices_option(metrics, "--metric", trend_metrics()),
                       "a metric to show (repeatable; default all): people, makers, pm_fte, org_ratio, teams, "
                       "teams_without_pm, teams_over, managers, layers, median_span, managers_of_one")(
        "last", whole_option(last, "--last", 1, 10000)->value_name("N"), "the newest N snapshots (default 24)");
    add_common(desc, common);
    if (!parse(args, desc, {}, common, "orgplan trend [--metric NAME]... [--last N] [--format table|json|csv|md|xlsx|html]"))
        return 0;
    const auto& known = trend_metrics();
    std::vector<std::size_t> shown;
    for (const auto& m : metrics) {
        const auto it = std::find(known.begin(), known.end(), m); // checked when parsed
        shown.push_back(static_cast<std::size_t>(it - known.begin()));
    }
    if (shown.empty())
        for (std::size_t i = 0; i < known.size(); ++i) shown.push_back(i);
    const auto path = db_path(common);
    Database db(path, Database::Open::read);
    const ReadTransaction snapshot(db);
    const auto points = compute_trend(db, path, last);
    std::vector<Column> columns = {{"as_of", "as of"}};
    for (const auto i : shown) columns.push_back({known[i], known[i], known[i] == "pm_fte" ? 2 : 1});
    Table table(columns);
    for (const auto& p : points) {
        std::vector<Cell> cells{p.snapshot.as_of};
        for (const auto i : shown)
            cells.push_back(std::isnan(p.values[i]) ? Cell(std::string()) : Cell(p.values[i]));
        table.add(std::move(cells));
    }
    // The threshold the org ratio is read against (the page draws it on the chart).
    auto output = Output::of(std::move(table), {{"threshold", load_settings(db).get("ratio.threshold")}});
    output.title = "trend";
    if (points.size() < 2) output.notes.push_back("a trend needs two snapshots or more: import again with --as-of DATE");
    emit(output, common);
    return 0;
}

int cmd_changes(const Args& args) {
    Common common;
    std::string from, to;
    po::options_description desc("changes options");
    desc.add_options()("from", date_option(from, "--from")->value_name("YYYY-MM-DD"), "the earlier date")(
        "to", date_option(to, "--to")->value_name("YYYY-MM-DD"), "the later date (default: the latest snapshot)");
    add_common(desc, common);
    if (!parse(args, desc, {}, common, "orgplan changes --from DATE [--to DATE] [--format table|json|csv|md|xlsx|html]"))
        return 0;
    if (from.empty()) throw UsageError("changes needs --from DATE\nusage: orgplan changes --from DATE [--to DATE]");
    Database db(db_path(common), Database::Open::read);
    const ReadTransaction snapshot(db);
    const auto a = snapshot_on(db, from);
    const auto b = to.empty() ? list_snapshots(db).back() : snapshot_on(db, to);
    if (b.as_of < a.as_of) throw UsageError("--to is before --from");
    const auto changes = people_changes(db, a.id, b.id);
    Table table({{"change", "change"}, {"person", "person"}, {"name", "name"}, {"from", "from"}, {"to", "to"}});
    std::map<std::string, std::size_t> counts{{"joiner", 0}, {"leaver", 0}, {"team", 0}, {"family", 0}, {"manager", 0}};
    for (const auto& c : changes) {
        table.add({c.kind, c.id, c.name, c.from, c.to});
        ++counts[c.kind];
    }
    auto output = Output::of(std::move(table), {{"from", a.as_of}, {"to", b.as_of}, {"counts", counts}});
    output.title = "changes";
    output.notes.push_back(fmt::format("from the snapshot of {} to that of {}: {} joiners, {} leavers, {} team moves, "
                                       "{} family changes, {} manager changes",
                                       a.as_of, b.as_of, counts["joiner"], counts["leaver"], counts["team"],
                                       counts["family"], counts["manager"]));
    emit(output, common);
    return 0;
}

} // namespace orgplan::cli
