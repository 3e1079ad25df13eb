// Backups of an org database with SQLite's online backup API, and restoring one after checking it.
#pragma once

#include <map>
#include <string>

#include "orgplan/storage/database.hpp"

namespace orgplan {

/// What a backup holds, read from it without changing it.
struct BackupInfo {
    int schema_version = 0;
    std::map<std::string, long long> records; ///< people, teams, assignments... -> rows
};

/// Writes a consistent copy of `source` (others may be reading or writing meanwhile) to `path`: a new private file
/// (0600) in rollback-journal mode, so the copy is one self-contained file. Built under a temporary name, checked
/// as restore would check it, and moved into place only then: a failed or refused copy leaves nothing at `path`.
/// An existing `path` is refused unless `replace`. Throws DatabaseError naming the cause; returns what it holds.
BackupInfo backup_database(Database& source, const std::string& path, bool replace = false);

/// Checks that `path` is an orgplan database that can be restored: SQLite's integrity check, no broken foreign key,
/// an orgplan schema this version knows. Opens it read-only. Throws DatabaseError saying what is wrong.
BackupInfo check_backup(const std::string& path);
/// The same for a file that messages call `named` (a backup still under its temporary name).
BackupInfo check_backup(const std::string& path, const std::string& named);

/// Replaces everything in `dest` with the checked backup at `path`, in one step (readers see the old org or the new
/// one), then migrates it to this version's schema.
BackupInfo restore_database(Database& dest, const std::string& dest_path, const std::string& path);

/// Where a schema migration keeps the database as it was: PATH.schema-vN.bak beside it.
std::string migration_backup_path(const std::string& path, int version);

} // namespace orgplan
