// Snapshots: every import records the org as of a date; any snapshot can be rebuilt to answer as of that date.
#pragma once

#include <memory>
#include <string>
#include <vector>


#include "orgplan/base/utc_time.hpp"

#include "orgplan/storage/database.hpp"

namespace orgplan {

struct SnapshotInfo {
    long long id = 0;
    std::string as_of;    ///< YYYY-MM-DD
    std::string taken_at; ///< when the import ran (UTC)
    std::string command;
};

/// Throws orgplan::Error unless `date` is a real calendar date written YYYY-MM-DD.
void check_date(const std::string& date, const std::string& option);

/// Before an import writes (inside its transaction): a first snapshot still kept in the org tables is copied into
/// history, unless the import is of the same date (it then becomes that snapshot).
void prepare_snapshot(Database& db, const std::string& as_of);

/// Records the org as it now stands (inside the import's transaction) as the snapshot of `as_of`. A snapshot of the
/// same date is replaced; a date before the latest snapshot is refused (history is recorded in order). Only rows
/// that changed since the previous snapshot are copied.
SnapshotInfo record_snapshot(Database& db, const std::string& as_of, const std::string& command);

/// Every snapshot, oldest first.
std::vector<SnapshotInfo> list_snapshots(Database& db);

/// The snapshot in force on `date`: the latest one on or before it. Throws orgplan::Error naming the first snapshot
/// when there is none.
SnapshotInfo snapshot_on(Database& db, const std::string& date);

/// The org of snapshot `id` rebuilt in a private in-memory database (with the file's current settings), so every
/// command can answer as of that date unchanged.
std::unique_ptr<Database> materialize_snapshot(const std::string& path, long long id);

/// One change of a person between two snapshots.
struct PersonChange {
    std::string kind; ///< joiner, leaver, team, family, manager
    std::string id, name, from, to;
};

/// What changed for people from snapshot `from` to snapshot `to` (ids), in kind then id order.
std::vector<PersonChange> people_changes(Database& db, long long from, long long to);

} // namespace orgplan
