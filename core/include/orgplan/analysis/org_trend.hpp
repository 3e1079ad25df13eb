// The org's key numbers per snapshot, and who joined, left or moved between two snapshots.
#pragma once

#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

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
std::vector<TrendPoint> compute_trend(SQLite::Database& db, const std::string& path, std::size_t most = 1000);

/// One change of a person between two snapshots.
struct PersonChange {
    std::string kind; ///< joiner, leaver, team, family, manager
    std::string id, name, from, to;
};

/// What changed for people from snapshot `from` to snapshot `to` (ids), in kind then id order.
std::vector<PersonChange> people_changes(SQLite::Database& db, long long from, long long to);

} // namespace orgplan
