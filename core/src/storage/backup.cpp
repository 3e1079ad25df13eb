#include "orgplan/storage/backup.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "orgplan/storage/database.hpp"
#include "orgplan/storage/migrations.hpp"

namespace orgplan {
namespace {

// The tables whose rows a backup's summary counts, by what they hold.
const std::map<std::string, std::string>& counted_tables() {
    static const std::map<std::string, std::string> tables = {
        {"people", "person"},     {"teams", "team"},         {"memberships", "membership"},
        {"assignments", "pm_assignment"}, {"products", "product"}, {"segments", "segment"},
        {"goals", "goal"},        {"scenarios", "scenario"}, {"mentor_pairs", "mentor_pair"}};
    return tables;
}

void remove_files(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((path + suffix).c_str());
}

DatabaseError failed(const std::string& path, const SQLite::Exception& e, const char* doing) {
    return DatabaseError(describe_database_failure(e.getExtendedErrorCode(), std::string(doing) + ": " + e.what(),
                                                   path));
}

// Whether "T.C" (a column named in an integrity report) really holds a NULL; true for a name that is no column.
bool holds_null(SQLite::Database& db, const std::string& column) {
    const auto dot = column.find('.');
    if (dot == std::string::npos) return true;
    SQLite::Statement known(db, "SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2");
    known.bind(1, column.substr(0, dot));
    known.bind(2, column.substr(dot + 1));
    if (!known.executeStep()) return true;
    const auto quoted = [](const std::string& name) { return "\"" + name + "\""; };
    return db.execAndGet("SELECT count(*) FROM " + quoted(column.substr(0, dot)) + " WHERE " +
                         quoted(column.substr(dot + 1)) + " IS NULL")
               .getInt64() != 0;
}

// SQLite's integrity check, less one false report: SQLite 3.40 (Debian bookworm's) says "NULL value in T.C" for a
// NOT NULL column outside the primary key of a WITHOUT ROWID table, whose value reads back fine: once for every row
// of the history tables. Such a line is kept only when the column really holds a NULL (counted once per column).
// Every message is read: the check's default stops at 100, which an org with history fills with these, so a real
// problem after them went unseen. The first few real ones are listed, with how many there are.
std::string integrity_problems(SQLite::Database& db) {
    constexpr std::size_t kListed = 10;
    static const std::string null_value = "NULL value in ";
    std::map<std::string, bool> null_in; // column named by a report -> whether it really holds a NULL
    std::string problems;
    std::size_t found = 0;
    SQLite::Statement check(db, "PRAGMA integrity_check(2147483647)");
    while (check.executeStep()) {
        const auto line = check.getColumn(0).getString();
        if (line == "ok") continue;
        if (line.compare(0, null_value.size(), null_value) == 0) {
            const auto column = line.substr(null_value.size());
            auto known = null_in.find(column);
            if (known == null_in.end()) known = null_in.emplace(column, holds_null(db, column)).first;
            if (!known->second) continue;
        }
        if (found++ < kListed) problems += (problems.empty() ? "" : "; ") + line;
    }
    if (found > kListed) problems += fmt::format("; and {} more", found - kListed);
    return problems;
}

} // namespace

BackupInfo backup_database(Database& source, const std::string& path, bool replace) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
        if (!replace) throw DatabaseError(path + ": exists already; choose a new name, or pass --force to replace it");
        // --force replaces a file; a device or pipe (/dev/null) renamed over would be gone for everyone.
        if (!S_ISREG(st.st_mode))
            throw DatabaseError(path + ": not a regular file; a backup goes to a file of its own");
    }
    const auto temp = path + ".orgplan-backup-" + std::to_string(::getpid());
    remove_files(temp);
    const int fd = ::open(temp.c_str(), O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0600);
    if (fd < 0)
        throw DatabaseError(path + ": cannot create the backup (" + std::strerror(errno) +
                            "); check the directory exists and is writable");
    ::close(fd);
    try {
        {
            SQLite::Database copy(temp, SQLite::OPEN_READWRITE);
            SQLite::Backup(copy, source.sql()).executeStep(-1); // one step: a consistent snapshot of the source
            // A single file to mail or archive: the copy leaves WAL for the rollback journal.
            copy.exec("PRAGMA journal_mode = DELETE");
        }
        // Checked before it takes the name: a copy that restore would refuse never stands at the target.
        auto info = check_backup(temp, path);
        if (::rename(temp.c_str(), path.c_str()) != 0)
            throw DatabaseError(path + ": cannot move the backup into place (" + std::strerror(errno) + ")");
        return info;
    } catch (const SQLite::Exception& e) {
        remove_files(temp);
        throw failed(path, e, "backup failed");
    } catch (...) {
        remove_files(temp);
        throw;
    }
}

BackupInfo check_backup(const std::string& path) { return check_backup(path, path); }

BackupInfo check_backup(const std::string& path, const std::string& named) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) throw DatabaseError(named + ": no such backup file");
    if (!S_ISREG(st.st_mode)) throw DatabaseError(named + ": not a regular file; give the backup file itself");
    BackupInfo info;
    try {
        SQLite::Database db(path, SQLite::OPEN_READONLY);
        info.schema_version = db.execAndGet("PRAGMA user_version").getInt();
        if (info.schema_version == 0)
            throw DatabaseError(named + ": not an orgplan backup (no orgplan schema); nothing was restored");
        if (info.schema_version > latest_schema_version())
            throw DatabaseError(fmt::format("{}: a backup of schema version {}, newer than this orgplan knows ({}); "
                                            "restore it with a newer orgplan",
                                            named, info.schema_version, latest_schema_version()));
        const auto integrity = integrity_problems(db);
        if (!integrity.empty())
            throw DatabaseError(named + ": the backup is damaged (integrity check: " + integrity +
                                "); nothing was restored");
        SQLite::Statement keys(db, "PRAGMA foreign_key_check");
        if (keys.executeStep())
            throw DatabaseError(named + ": the backup has broken references (table " + keys.getColumn(0).getString() +
                                "); nothing was restored");
        for (const auto& [what, table] : counted_tables()) {
            SQLite::Statement exists(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
            exists.bind(1, table);
            if (exists.executeStep())
                info.records[what] = db.execAndGet("SELECT count(*) FROM " + table).getInt64();
        }
    } catch (const SQLite::Exception& e) {
        throw failed(named, e, "cannot read the backup");
    }
    return info;
}

BackupInfo restore_database(Database& dest, const std::string& dest_path, const std::string& path) {
    auto info = check_backup(path);
    try {
        SQLite::Database source(path, SQLite::OPEN_READONLY);
        // The backup API writes the whole destination in one transaction under its write lock.
        SQLite::Backup(dest.sql(), source).executeStep(-1);
    } catch (const SQLite::Exception& e) {
        throw failed(dest_path, e, "restore failed, the database is as it was");
    }
    try {
        dest.sql().exec("PRAGMA foreign_keys = ON");
        migrate(dest.sql(), dest_path);
    } catch (const SQLite::Exception& e) {
        throw failed(dest_path, e, "restored, but migrating the restored schema failed");
    }
    return info;
}

std::string migration_backup_path(const std::string& path, int version) {
    return fmt::format("{}.schema-v{}.bak", path, version);
}

} // namespace orgplan
