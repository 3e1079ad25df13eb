// The org's key numbers per snapshot (who joined, left or moved between two: people_changes in storage/history).
#pragma once

#include <string>
#include <vector>

#include "orgplan/storage/database.hpp"

#include "orgplan/storage/history.hpp"

namespace orgplan {

/// The metrics `orgplan trend` knows, in their column order.
const std::vector<std::string>& trend_metrics();

struct TrendPoint {
    SnapshotInfo snapshot;
    std::vector<double> values; ///< one per trend_metrics(); NaN when undefined (no PM: no ratio)
};

/// Each snapshot's metrics, oldest first (the newest `most` snapshots), each computed on the snapshot rebuilt from
/// the file's history with the file's current settings.
std::vector<TrendPoint> compute_trend(Database& db, const std::string& path, std::size_t most = 1000);


} // namespace orgplan
