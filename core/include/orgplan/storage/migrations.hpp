// Ordered forward migrations of the org schema, tracked with PRAGMA user_version.
#pragma once

#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

namespace orgplan {

struct Migration {
    int version;          ///< user_version after this migration
    std::string summary;
    std::string sql;
    /// Work SQL alone cannot do, run after `sql` in the same transaction; may be null.
    void (*apply)(SQLite::Database& db) = nullptr;
};

/// All migrations, oldest first; the last one's version is the schema this binary writes.
const std::vector<Migration>& migrations();
int latest_schema_version();

/// Applies every migration newer than the database's user_version, all in one transaction.
/// Throws orgplan::Error (and changes nothing) when the database is newer than this binary.
void migrate(SQLite::Database& db, const std::string& path_for_messages, int up_to = -1);

} // namespace orgplan
