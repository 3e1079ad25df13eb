// A second connection reading the same commit as the first, so that two threads can split one large read.
#pragma once

#include <cstdint>
#include <memory>

#include "orgplan/storage/database.hpp"
#include "orgplan/storage/read_transaction.hpp"

namespace orgplan {

/// A read-only connection to the file of a Database whose read transaction sees the commit that Database's does.
///
/// SQLite as Debian builds it has no call to open a connection on a given snapshot (sqlite3_snapshot_open needs
/// SQLITE_ENABLE_SNAPSHOT), so both snapshots are taken while a third connection holds the write lock (BEGIN
/// IMMEDIATE, nothing written): no commit can land between them, in WAL mode or with a rollback journal. The lock
/// is held for two one-row reads; a writer arriving then waits that long.
class SnapshotTwin {
public:
    /// Takes the snapshot of `db`'s open read transaction and a twin's, or only `db`'s when no twin can be had
    /// safely, and then returns nothing: `db` has no transaction open (BEGIN; a ReadTransaction), has read in it
    /// already (its commit is fixed, and no later connection can tell whether it sees the same one) or writes in
    /// it, lives in memory, its file is smaller than `min_file_bytes` (a twin costs more than it saves), another
    /// writer holds the lock, or the file cannot be opened for writing (taking the lock needs that). Throws nothing
    /// a caller need handle: every failure is "no twin".
    static std::unique_ptr<SnapshotTwin> begin(Database& db, std::int64_t min_file_bytes);

    /// The twin connection, for one thread at a time.
    Database& db() { return db_; }

    SnapshotTwin(const SnapshotTwin&) = delete;
    SnapshotTwin& operator=(const SnapshotTwin&) = delete;

private:
    explicit SnapshotTwin(const std::string& path);
    Database db_;
    ReadTransaction snapshot_; // after db_: ends before the connection closes
};

} // namespace orgplan
