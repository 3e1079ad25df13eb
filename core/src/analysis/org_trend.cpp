#include "orgplan/analysis/org_trend.hpp"
#include "orgplan/storage/settings_store.hpp"

#include <algorithm>
#include <cmath>
#include <future>
#include <thread>
#include <limits>

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
    const auto settings = load_settings(*at);
    const auto org = load_org(*at);
    const double threshold = settings.get("ratio.threshold");
    const auto ratios = compute_ratios(org, "team", threshold, settings.get("ratio.max_spread"));
    std::size_t over = 0, with_makers = 0;
    for (const auto& row : ratios.rows) {
        over += row.status == RatioStatus::over;
        with_makers += row.makers > 1e-12;
    }
    const auto lines = load_reporting_lines(*at);
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

std::vector<TrendPoint> compute_trend(Database& db, const std::string& path, std::size_t most) {
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

} // namespace orgplan
