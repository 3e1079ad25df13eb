#include "orgplan/storage/database.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <thread>
#include <vector>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include "orgplan/storage/backup.hpp"
#include "orgplan/storage/migrations.hpp"

namespace orgplan {
namespace {

constexpr const char* kStagingMark = ".orgplan-new-";

// The connections open in this process, for interrupt_open_databases(); a handle is listed only while it is open.
std::mutex open_handles_mutex;
std::vector<sqlite3*> open_handles;
std::atomic<bool> interrupted{false};

// SQLite's busy timeout, but one that gives up once the process is being stopped: a command waiting for another
// writer would otherwise sleep through a termination signal. `timeout` carries the milliseconds themselves.
int wait_while_busy(void* timeout, int count) {
    static constexpr int delays[] = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100}; // SQLite's own steps
    constexpr int steps = sizeof delays / sizeof delays[0];
    const auto limit = static_cast<int>(reinterpret_cast<std::intptr_t>(timeout));
    if (interrupted) return 0;
    int waited = 0;
    for (int i = 0; i < count; ++i) waited += i < steps ? delays[i] : delays[steps - 1];
    const int delay = count < steps ? delays[count] : delays[steps - 1];
    if (waited >= limit) return 0;
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min(delay, limit - waited)));
    return interrupted ? 0 : 1;
}

void listed(sqlite3* handle, bool open) {
    const std::lock_guard<std::mutex> lock(open_handles_mutex);
    if (open)
        open_handles.push_back(handle);
    else
        open_handles.erase(std::remove(open_handles.begin(), open_handles.end(), handle), open_handles.end());
}

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
// A hot rollback journal (a writer died mid-transaction) rules that out too: the file itself is torn until SQLite
// rolls the journal back.
bool readable_as_immutable(const std::string& path) {
    const auto slash = path.find_last_of('/');
    const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash + 1);
    const auto non_empty = [](const std::string& file) {
        struct stat st {};
        return ::stat(file.c_str(), &st) == 0 && st.st_size > 0;
    };
    return ::access(dir.c_str(), W_OK) != 0 && !non_empty(path + "-wal") && !non_empty(path + "-journal");
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

// The page size of a new database. 16 KiB rather than SQLite's 4: a million-person org is 10,000 pages instead of
// 41,000, so its first import makes a quarter of the writes (2.9 -> 2.5 s), updates touch fewer pages (a month-later
// re-import 6.8 -> 6.0 s, 200,000 people added 1.8 -> 1.6 s), and loading it reads no slower. A database keeps the
// page size it was created with.
constexpr int kPageSize = 16384;

// Switches to WAL where it is not on yet; a connection that cannot (another holds the file) leaves it to the next.
void prefer_wal(SQLite::Database& db) {
    try {
        if (db.execAndGet("PRAGMA journal_mode").getString() != "wal") db.exec("PRAGMA journal_mode = WAL");
    } catch (const SQLite::Exception&) {
        // Busy: the database stays in its current journal mode, which is as safe, only slower.
    }
}

} // namespace

void interrupt_open_databases() {
    interrupted = true;
    const std::lock_guard<std::mutex> lock(open_handles_mutex);
    for (auto* handle : open_handles) sqlite3_interrupt(handle);
}

Database::~Database() { disconnect(); }

void Database::disconnect() {
    if (db_) listed(db_->getHandle(), false);
    db_.reset();
}

std::string staging_path(const std::string& path, long pid) {
    return path + kStagingMark + std::to_string(pid);
}

std::size_t remove_orphaned_staging(const std::string& path) {
    const auto slash = path.find_last_of('/');
    const std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
    const std::string prefix = (slash == std::string::npos ? path : path.substr(slash + 1)) + kStagingMark;
    std::unique_ptr<DIR, int (*)(DIR*)> listing(::opendir(dir.c_str()), ::closedir);
    if (!listing) return 0;
    std::size_t removed = 0;
    while (const dirent* entry = ::readdir(listing.get())) {
        const std::string name = entry->d_name;
        if (name.compare(0, prefix.size(), prefix) != 0) continue;
        // NAME.orgplan-new-PID, then nothing or one of SQLite's -wal, -shm, -journal
        std::size_t end = prefix.size();
        while (end < name.size() && name[end] >= '0' && name[end] <= '9') ++end;
        const auto rest = name.substr(end);
        if (end == prefix.size() || end - prefix.size() > 9 ||
            !(rest.empty() || rest == "-wal" || rest == "-shm" || rest == "-journal"))
            continue;
        const auto pid = static_cast<pid_t>(std::stol(name.substr(prefix.size(), end - prefix.size())));
        // Only files of this user whose import is gone: a live import (or a reused pid) keeps its file.
        const std::string file = (dir == "/" ? dir : dir + "/") + name;
        struct stat st {};
        if (pid == ::getpid() || ::kill(pid, 0) == 0 || errno != ESRCH) continue;
        if (::lstat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != ::geteuid()) continue;
        if (::unlink(file.c_str()) == 0) ++removed;
    }
    return removed;
}

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

std::optional<std::string> describe_database_failure(const std::exception& e, const std::string& path) {
    const auto* engine = dynamic_cast<const SQLite::Exception*>(&e);
    if (!engine) return std::nullopt;
    return describe_database_failure(engine->getExtendedErrorCode(), engine->what(), path);
}

Database::Database(const std::string& path, Open open, int busy_timeout_ms) : path_(path) {
    const bool in_memory = path == ":memory:";
    if (!in_memory) remove_orphaned_staging(path);
    if (!in_memory && !exists(path)) {
        if (open != Open::create)
            throw Error(path + ": no org database here; import an org first (orgplan import FILE...) or point "
                               "--db / ORGPLAN_DB at one");
        create_private_file(path);
    }
    try {
        connect(in_memory ? Open::create : open, busy_timeout_ms);
    } catch (...) {
        disconnect(); // no destructor runs for a constructor that throws
        throw;
    }
}

void Database::connect(Open open, int busy_timeout_ms) {
    const bool in_memory = path_ == ":memory:";
    // Readers open the file for writing too and then refuse every write (query_only): only so can SQLite roll back
    // the hot journal of a writer that was killed before reading, as it promises (a read-only connection fails with
    // "attempt to write a readonly database" until someone writes), and remove the WAL files it created when its
    // connection is the last to close (a read-only one leaves them behind). A file this user may not write is
    // still opened read-only by SQLite itself.
    const int flags = immutable_ ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE | (open == Open::read ? 0 : SQLite::OPEN_CREATE);
    int version = 0;
    try {
        // One connection per thread, so SQLite need not lock a mutex around every call.
        db_ = immutable_ ? std::make_unique<SQLite::Database>(uri_of(path_), flags | SQLite::OPEN_URI | SQLite::OPEN_NOMUTEX,
                                                              busy_timeout_ms)
                         : std::make_unique<SQLite::Database>(path_, flags | SQLite::OPEN_NOMUTEX, busy_timeout_ms);
        listed(db_->getHandle(), true);
        sqlite3_busy_handler(db_->getHandle(), wait_while_busy,
                             reinterpret_cast<void*>(static_cast<std::intptr_t>(busy_timeout_ms)));
        // sqlite3_interrupt reaches only statements running at that moment; a stop that lands between two statements
        // (an import binds rows in between) is caught here, by every statement after it.
        sqlite3_progress_handler(db_->getHandle(), 1000, [](void*) { return interrupted ? 1 : 0; }, nullptr);
        if (open == Open::read) db_->exec("PRAGMA query_only = ON");
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
            disconnect();
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
        disconnect();
        connect(Open::read, busy_timeout_ms);
        return;
    }
    try {
        if (version == 0) db_->exec("PRAGMA page_size = " + std::to_string(kPageSize)); // before the first write
        if (!in_memory && version == 0) prefer_wal(*db_); // a journal mode is set outside transactions
        // An org written by an older orgplan is copied aside before its schema changes: a migration is the one
        // write no user asked for.
        if (!in_memory && version > 0) {
            try {
                backup_database(*this, migration_backup_path(path_, version), true);
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
long long Database::data_version() { return db_->execAndGet("PRAGMA data_version").getInt64(); }

void Database::checkpoint() { db_->exec("PRAGMA wal_checkpoint(TRUNCATE)"); }

std::string resolve_db_path(const std::string& from_flag) {
    if (!from_flag.empty()) return from_flag;
    if (const char* env = std::getenv("ORGPLAN_DB"); env && *env) return env;
    return "orgplan.db";
}

} // namespace orgplan
