#include "orgplan/database.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include "orgplan/backup.hpp"
#include "orgplan/migrations.hpp"

namespace orgplan {
namespace {

bool exists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}

// SQLite would create the file with the process umask (often world-readable); create it private first.
void create_private_file(const std::string& path) {
    const int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0600);
    if (fd < 0 && errno != EEXIST)
        throw DatabaseError(path + ": cannot create the database (" + std::strerror(errno) +
                            "); check the directory exists and is writable, or pass --db");
    if (fd >= 0) ::close(fd);
}

DatabaseError failure(const SQLite::Exception& e, const std::string& path) {
    return DatabaseError(describe_database_failure(e.getExtendedErrorCode(), e.what(), path));
}

// A WAL database in a directory this user cannot write has no shared-memory file to coordinate through; when no log
// is pending either, nobody can be writing it, and SQLite may read the file as it stands.
bool readable_as_immutable(const std::string& path) {
    const auto slash = path.find_last_of('/');
    const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash + 1);
    struct stat wal {};
    const bool pending_log = ::stat((path + "-wal").c_str(), &wal) == 0 && wal.st_size > 0;
    return ::access(dir.c_str(), W_OK) != 0 && !pending_log;
}

std::string uri_of(const std::string& path) {
    std::string uri = "file:";
    for (const char c : path) {
        if (c == '?' || c == '#' || c == '%')
            uri += fmt::format("%{:02X}", static_cast<unsigned char>(c));
        else
            uri += c;
    }
    return uri + "?mode=ro&immutable=1";
}

// Switches to WAL where it is not on yet; a connection that cannot (another holds the file) leaves it to the next.
void prefer_wal(SQLite::Database& db) {
    try {
        if (db.execAndGet("PRAGMA journal_mode").getString() != "wal") db.exec("PRAGMA journal_mode = WAL");
    } catch (const SQLite::Exception&) {
        // Busy: the database stays in its current journal mode, which is as safe, only slower.
    }
}

} // namespace

std::string describe_database_failure(int code, const std::string& what, const std::string& path) {
    switch (code & 0xff) {
    case SQLITE_FULL:
        return path + ": the disk is full (" + what + "); free some space and run the command again";
    case SQLITE_READONLY:
        return path + ": cannot write (" + what + "); the file or its directory is read-only: check permissions, or "
                      "copy the database somewhere writable";
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return path + ": another process kept the database locked past the busy timeout (" + what +
               "); run the command again when it has finished";
    case SQLITE_CORRUPT:
        return path + ": the database file is damaged (" + what + "); restore it from a backup";
    case SQLITE_NOTADB:
        return path + ": not an SQLite database (" + what + "); point --db at an orgplan database";
    case SQLITE_CANTOPEN:
        return path + ": cannot open the database (" + what + "); check the file and its directory are readable";
    case SQLITE_IOERR:
        return path + ": the disk reported an error (" + what + "); check the disk and run the command again";
    default:
        return path + ": database error (" + what + ")";
    }
}

Database::Database(const std::string& path, Open open, int busy_timeout_ms) : path_(path) {
    const bool in_memory = path == ":memory:";
    if (!in_memory && !exists(path)) {
        if (open != Open::create)
            throw Error(path + ": no org database here; import an org first (orgplan import FILE...) or point "
                               "--db / ORGPLAN_DB at one");
        create_private_file(path);
    }
    connect(in_memory ? Open::create : open, busy_timeout_ms);
}

void Database::connect(Open open, int busy_timeout_ms) {
    const bool in_memory = path_ == ":memory:";
    const int flags = open == Open::read ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE;
    int version = 0;
    try {
        // One connection per thread, so SQLite need not lock a mutex around every call.
        db_ = immutable_ ? std::make_unique<SQLite::Database>(uri_of(path_), flags | SQLite::OPEN_URI | SQLite::OPEN_NOMUTEX,
                                                              busy_timeout_ms)
                         : std::make_unique<SQLite::Database>(path_, flags | SQLite::OPEN_NOMUTEX, busy_timeout_ms);
        db_->exec("PRAGMA foreign_keys = ON");
        // Read before anything is written: a file that is not SQLite fails here, and a newer schema is refused
        // while the file is still as it was.
        // One statement, so one read transaction: a concurrent creator commits its tables and version together.
        SQLite::Statement q(*db_, "SELECT user_version, (SELECT count(*) FROM sqlite_master) FROM pragma_user_version");
        q.executeStep();
        version = q.getColumn(0).getInt();
        const auto tables = q.getColumn(1).getInt();
        if (version > latest_schema_version())
            throw DatabaseError(path_ + ": the database has schema version " + std::to_string(version) +
                                " but this orgplan knows only up to " + std::to_string(latest_schema_version()) +
                                "; use a newer orgplan (the database was left untouched)");
        if (version == 0 && tables > 0)
            throw DatabaseError(path_ + ": an SQLite database of something else (it has tables but no orgplan "
                                        "schema); point --db at an orgplan database (the file was left untouched)");
        if (version == 0 && open == Open::read)
            throw Error(path_ + ": an empty file, not an org database yet; import an org into it first (orgplan "
                                "import FILE... --db " + path_ + ")");
    } catch (const SQLite::Exception& e) {
        if (open == Open::read && !immutable_ && (e.getErrorCode() == SQLITE_READONLY || e.getErrorCode() == SQLITE_CANTOPEN) &&
            readable_as_immutable(path_)) {
            immutable_ = true;
            db_.reset();
            return connect(open, busy_timeout_ms);
        }
        throw failure(e, path_);
    }
    try {
        // A connection setting, not a write: WAL commits are durable at checkpoints, as before.
        if (!in_memory && open != Open::read) db_->exec("PRAGMA synchronous = NORMAL");
    } catch (const SQLite::Exception& e) {
        throw failure(e, path_);
    }
    if (version == latest_schema_version()) return;
    if (open == Open::read) {
        // An older schema: migrate through a short write connection, then read as asked.
        Database writer(path_, Open::write, busy_timeout_ms);
        db_.reset();
        connect(Open::read, busy_timeout_ms);
        return;
    }
    try {
        if (!in_memory && version == 0) prefer_wal(*db_); // a journal mode is set outside transactions
        // An org written by an older orgplan is copied aside before its schema changes: a migration is the one
        // write no user asked for.
        if (!in_memory && version > 0) {
            try {
                backup_database(*db_, migration_backup_path(path_, version), true);
            } catch (const Error& e) {
                throw DatabaseError(std::string(e.what()) + "; the schema was not migrated and the database is as "
                                                            "it was");
            }
        }
        migrate(*db_, path_);
    } catch (const SQLite::Exception& e) {
        throw failure(e, path_);
    }
}

int Database::schema_version() { return db_->execAndGet("PRAGMA user_version").getInt(); }

std::string resolve_db_path(const std::string& from_flag) {
    if (!from_flag.empty()) return from_flag;
    if (const char* env = std::getenv("ORGPLAN_DB"); env && *env) return env;
    return "orgplan.db";
}

} // namespace orgplan
