// The org database: one SQLite file per org, schema kept current by ordered forward migrations.
#pragma once

#include <exception>
#include <memory>
#include <optional>
#include <string>

#include "orgplan/base/error.hpp"

// The engine stays behind this seam: only storage/ (and tests that inspect the file) include SQLiteCpp and call sql().
namespace SQLite {
class Database;
}

namespace orgplan {

/// A database that cannot be used as asked: damaged, not SQLite, of a newer orgplan, read-only, full or locked.
/// Commands exit 4 with its message (a missing database is a plain Error: there is nothing to repair).
class DatabaseError : public Error {
public:
    using Error::Error;
};

/// One connection to an org database, checked and migrated on open.
///
/// Nothing is written to a file before its schema version is accepted: a database of a newer orgplan, a file that
/// is not SQLite or one holding other tables is refused byte for byte untouched. A new database is created with
/// mode 0600 (org data is personal data), in WAL mode, and migrated inside an exclusive transaction that re-reads
/// the version, so processes creating the same file at once do not race. Every connection has foreign keys on and
/// a busy timeout (a second writer waits instead of failing). Not thread-safe: one Database per thread.
class Database {
public:
    /// read: the file must exist; the connection is read-only and writes nothing (an older schema is first migrated
    /// through a short write connection, the one write a read may cause). write: the file must exist. create: the
    /// file is created when missing.
    enum class Open { read, write, create };

    /// Opens `path` (":memory:" for a private in-memory database). Throws orgplan::Error when the file is missing
    /// and `open` is not create, DatabaseError when it cannot be used. The busy timeout covers the longest write
    /// orgplan does (a million-person import takes about 10 s).
    explicit Database(const std::string& path, Open open = Open::create, int busy_timeout_ms = 60000);
    ~Database();
    Database(Database&&) = default; ///< the connection moves with it (a moved-from Database holds none)
    Database& operator=(Database&&) = delete;

    /// The SQLite connection, for the store's own functions in storage/; everything else passes the Database.
    SQLite::Database& sql() noexcept { return *db_; }
    const std::string& path() const noexcept { return path_; }
    int schema_version();
    /// A number that changes whenever another connection commits to the file (PRAGMA data_version): a cache of an
    /// answer is still good while it stays the same.
    long long data_version();
    /// Writes every page the WAL holds back into the file and empties the WAL (after an erasure: the log's copies
    /// of the old pages go too).
    void checkpoint();

private:
    void connect(Open open, int busy_timeout_ms);
    void disconnect();
    std::string path_;
    bool immutable_ = false; ///< read as a file nobody writes (a WAL database in a read-only directory)
    std::unique_ptr<SQLite::Database> db_;
};

/// A message for a failed SQLite call that says what happened to `path` and what to do (disk full, read-only,
/// locked, damaged), for SQLite's extended error code `code`.
std::string describe_database_failure(int code, const std::string& what, const std::string& path);
/// When `e` is a failure the database engine raised (outside the store's own error types), that message for
/// `path`; nothing for any other exception. Front ends use it so that they need not know the engine.
std::optional<std::string> describe_database_failure(const std::exception& e, const std::string& path);

/// The private name beside `path` under which the import of process `pid` builds a new database before linking it
/// into place.
std::string staging_path(const std::string& path, long pid);
/// Removes the staging databases beside `path` (and their -wal, -shm, -journal) that imports killed midway left
/// behind: files of this user whose process is gone. They hold personal data and nothing refers to them. Every
/// open of a database does this first. Returns how many files it removed.
std::size_t remove_orphaned_staging(const std::string& path);

/// Interrupts whatever every open Database of this process is doing (sqlite3_interrupt): the statement fails with
/// SQLITE_INTERRUPT, an open write transaction rolls back as its owner unwinds, and the connection closes normally,
/// removing the WAL files it created. Safe to call from any thread; for termination signals.
void interrupt_open_databases();

/// Where the org database lives: --db wins, then $ORGPLAN_DB, then ./orgplan.db.
std::string resolve_db_path(const std::string& from_flag);

} // namespace orgplan
