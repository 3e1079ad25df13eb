#include "orgplan/database.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "orgplan/error.hpp"
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
        throw Error(path + ": cannot create the database (" + std::strerror(errno) +
                    "); check the directory exists and is writable, or pass --db");
    if (fd >= 0) ::close(fd);
}

} // namespace

Database::Database(const std::string& path, Create create, int busy_timeout_ms) : path_(path) {
    const bool in_memory = path == ":memory:";
    if (!in_memory && !exists(path)) {
        if (create == Create::never)
            throw Error(path + ": no org database here; import an org first (orgplan import FILE...) or point "
                               "--db / ORGPLAN_DB at one");
        create_private_file(path);
    }
    try {
        // One connection per thread, so SQLite need not lock a mutex around every call.
        db_ = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX,
                                                 busy_timeout_ms);
        db_->exec("PRAGMA foreign_keys = ON");
        if (!in_memory) {
            db_->exec("PRAGMA journal_mode = WAL");
            db_->exec("PRAGMA synchronous = NORMAL");
        }
        // Reading the schema fails here, not later, when the file is not a SQLite database.
        db_->execAndGet("SELECT count(*) FROM sqlite_master");
    } catch (const SQLite::Exception& e) {
        throw Error(path + ": not a usable orgplan database (" + e.what() + ")");
    }
    migrate(*db_, path);
}

int Database::schema_version() { return db_->execAndGet("PRAGMA user_version").getInt(); }

std::string resolve_db_path(const std::string& from_flag) {
    if (!from_flag.empty()) return from_flag;
    if (const char* env = std::getenv("ORGPLAN_DB"); env && *env) return env;
    return "orgplan.db";
}

} // namespace orgplan
