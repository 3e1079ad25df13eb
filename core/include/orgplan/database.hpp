// The org database: one SQLite file per org, schema kept current by ordered forward migrations.
#pragma once

#include <memory>
#include <string>

#include <SQLiteCpp/Database.h>

namespace orgplan {

/// One connection to an org database, configured and migrated on open.
///
/// Opening sets foreign keys on, a busy timeout (a second writer waits instead of failing) and WAL
/// journaling, then applies pending migrations in one transaction. A database whose schema is newer
/// than this binary is refused untouched. New files are created with mode 0600: org data is personal
/// data. Not thread-safe: one Database per thread.
class Database {
public:
    enum class Create { if_missing, never };

    /// Opens `path` (":memory:" for a private in-memory database). Throws orgplan::Error when the file
    /// is missing and `create` is never, when it is not an orgplan database, or when it is too new. The busy
    /// timeout covers the longest write orgplan does (a million-person import takes about 10 s).
    explicit Database(const std::string& path, Create create = Create::if_missing, int busy_timeout_ms = 60000);

    SQLite::Database& sql() noexcept { return *db_; }
    const std::string& path() const noexcept { return path_; }
    int schema_version();

private:
    std::string path_;
    std::unique_ptr<SQLite::Database> db_;
};

/// Where the org database lives: --db wins, then $ORGPLAN_DB, then ./orgplan.db.
std::string resolve_db_path(const std::string& from_flag);

} // namespace orgplan
