// The report: every answer on one org, composed into one self-contained HTML page with charts.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "orgplan/analysis/data_gaps.hpp"
#include "orgplan/analysis/org_chart.hpp"
#include "orgplan/analysis/org_trend.hpp"
#include "orgplan/analysis/ratios.hpp"
#include "orgplan/answers/answers.hpp"
#include "orgplan/planning/analysis.hpp"
#include "orgplan/storage/database.hpp"

namespace orgplan {

/// What a report shows and how much of it.
struct ReportOptions {
    std::string title;
    std::string as_of; ///< answer as of this date (a snapshot)
    PlanOptions plan;
    std::size_t top = 40;   ///< rows of a long table or chart shown; the rest are counted
    OrgChartOptions chart;
};

/// Everything the report shows, computed before any HTML is written.
struct ReportAnalysis {
    Settings settings;
    Org org;
    std::vector<std::pair<std::string, std::string>> mentor_pairs;
    RatioReport teams, products, segments, pms;
    PrincipleComparison principles;
    Output hiring;
    MentoringPlan mentoring;
    HeadcountAnswer plan;
    DiagnosticsRun diagnostics;
    OrgChart chart;
    std::string chart_svg;
    std::unordered_map<std::string, std::string> family_source; ///< how each person's family was set
    std::vector<DataGap> gaps;                                   ///< what the data lacks (orgplan check)
    std::optional<SnapshotInfo> as_of;
    std::vector<TrendPoint> trend; ///< the last snapshots' numbers, when there are two or more (not with --as-of)
};

/// Reads the org, its settings, how families were set, saved mentor pairs and (with two snapshots or more and no
/// a.as_of) the trend, all in one read transaction of `db`, whose file is `path` (snapshots are rebuilt from it).
void read_report_org(Database& db, const std::string& path, ReportAnalysis& a);
/// Computes every answer on a.org: those that need no plugin on a second thread, plugins on this one, in turn.
/// Diagnostics that fail are listed in a.diagnostics.errors.
void analyse_report(const PluginRun& plugins, const ReportOptions& options, ReportAnalysis& a);
/// The report page; `db_name` is shown in its header.
std::string render_report(const ReportAnalysis& a, const ReportOptions& options, const std::string& db_name);

} // namespace orgplan
