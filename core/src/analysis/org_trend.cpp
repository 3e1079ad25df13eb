#include "orgplan/analysis/org_trend.hpp"

#include <algorithm>
#include <cmath>
#include <future>
#include <thread>
#include <limits>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "orgplan/storage/org_store.hpp"
#include "orgplan/analysis/ratios.hpp"
#include "orgplan/analysis/spans.hpp"

namespace orgplan {

const std::vector<std::string>& trend_metrics() {
    static const std::vector<std::string> metrics = {"people",           "makers",   "pm_fte",     "org_ratio",
                                                     "teams",            "teams_without_pm", "teams_over",
                                                     "managers",         "layers",   "median_span", "managers_of_one"};
    return metrics;
}

namespace {

// One snapshot's metrics: the snapshot rebuilt in its own in-memory database, so snapshots can be computed side by
// side on separate threads (one connection per thread).
TrendPoint trend_point(const std::string& path, const SnapshotInfo& s) {
    const auto at = materialize_snapshot(path, s.id);
    const auto settings = Settings::load(at->sql());
    const auto org = load_org(at->sql());
    const double threshold = settings.get("ratio.threshold");
    const auto ratios = compute_ratios(org, "team", threshold, settings.get("ratio.max_spread"));
    std::size_t over = 0, with_makers = 0;
    for (const auto& row : ratios.rows) {
        over += row.status == RatioStatus::over;
        with_makers += row.makers > 1e-12;
    }
    const auto lines = load_reporting_lines(at->sql());
    const auto tree = reporting_tree(lines.lines);
    const auto shape = span_summary(tree, SpanBands(settings));
    const double ratio = ratios.org_ratio() ? *ratios.org_ratio() : std::numeric_limits<double>::quiet_NaN();
    return {s,
            {static_cast<double>(org.people.size()), ratios.org_makers, ratios.org_pms, ratio,
             static_cast<double>(with_makers), static_cast<double>(ratios.teams_without_pm.size()),
             static_cast<double>(over), static_cast<double>(shape.managers), static_cast<double>(shape.layers),
             shape.median_span, static_cast<double>(shape.managers_of_one)}};
}

} // namespace

std::vector<TrendPoint> compute_trend(SQLite::Database& db, const std::string& path, std::size_t most) {
    auto snapshots = list_snapshots(db);
    if (snapshots.size() > most) snapshots.erase(snapshots.begin(), snapshots.end() - static_cast<long>(most));
    std::vector<TrendPoint> out;
    out.reserve(snapshots.size());
    const std::size_t threads = std::max(1u, std::thread::hardware_concurrency());
    for (std::size_t start = 0; start < snapshots.size(); start += threads) {
        std::vector<std::future<TrendPoint>> running;
        for (std::size_t i = start; i < snapshots.size() && i < start + threads; ++i)
            running.push_back(std::async(std::launch::async, trend_point, std::cref(path), std::cref(snapshots[i])));
        for (auto& r : running) out.push_back(r.get());
    }
    return out;
}

std::vector<PersonChange> people_changes(SQLite::Database& db, long long from, long long to) {
    const auto at = [](const char* alias, long long s) {
        return fmt::format("{0}.valid_from <= {1} AND ({0}.valid_to = 0 OR {0}.valid_to > {1})", alias, s);
    };
    // A person's teams at a snapshot, as one sorted list.
    const auto teams = [](long long s) {
        return fmt::format("(SELECT person_id, group_concat(team_id, ', ') AS teams FROM (SELECT person_id, team_id FROM "
                           "h_membership WHERE valid_from <= {0} AND (valid_to = 0 OR valid_to > {0}) ORDER BY person_id, team_id) "
                           "GROUP BY person_id)",
                           s);
    };
    const std::string sql = fmt::format(
        "SELECT 'joiner', b.id, b.name, '', b.family FROM h_person b WHERE {1} AND NOT EXISTS (SELECT 1 FROM h_person a "
        "WHERE a.id = b.id AND {0}) "
        "UNION ALL SELECT 'leaver', a.id, a.name, a.family, '' FROM h_person a WHERE {0} AND NOT EXISTS (SELECT 1 FROM "
        "h_person b WHERE b.id = a.id AND {1}) "
        "UNION ALL SELECT 'family', a.id, b.name, a.family, b.family FROM h_person a JOIN h_person b ON b.id = a.id "
        "WHERE {0} AND {1} AND a.family <> b.family "
        "UNION ALL SELECT 'manager', a.id, b.name, coalesce(a.manager_id, ''), coalesce(b.manager_id, '') FROM h_person "
        "a JOIN h_person b ON b.id = a.id WHERE {0} AND {1} AND a.manager_id IS NOT b.manager_id "
        "UNION ALL SELECT 'team', a.id, b.name, coalesce(ta.teams, ''), coalesce(tb.teams, '') FROM h_person a JOIN "
        "h_person b ON b.id = a.id LEFT JOIN {2} ta ON ta.person_id = a.id LEFT JOIN {3} tb ON tb.person_id = a.id "
        "WHERE {0} AND {1} AND coalesce(ta.teams, '') <> coalesce(tb.teams, '') "
        "ORDER BY 1, 2",
        at("a", from), at("b", to), teams(from), teams(to));
    std::vector<PersonChange> out;
    SQLite::Statement q(db, sql);
    while (q.executeStep())
        out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                       q.getColumn(3).getString(), q.getColumn(4).getString()});
    return out;
}

} // namespace orgplan
