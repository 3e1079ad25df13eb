#include "orgplan/backup.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "orgplan/database.hpp"
#include "orgplan/migrations.hpp"

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

} // namespace

void backup_database(SQLite::Database& source, const std::string& path, bool replace) {
    struct stat st {};
    if (!replace && ::stat(path.c_str(), &st) == 0)
        throw DatabaseError(path + ": exists already; choose a new name, or pass --force to replace it");
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
            SQLite::Backup(copy, source).executeStep(-1); // one step: a consistent snapshot of the source
            // A single file to mail or archive: the copy leaves WAL for the rollback journal.
            copy.exec("PRAGMA journal_mode = DELETE");
        }
        if (::rename(temp.c_str(), path.c_str()) != 0)
            throw DatabaseError(path + ": cannot move the backup into place (" + std::strerror(errno) + ")");
    } catch (const SQLite::Exception& e) {
        remove_files(temp);
        throw failed(path, e, "backup failed");
    } catch (...) {
        remove_files(temp);
        throw;
    }
}

BackupInfo check_backup(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) throw DatabaseError(path + ": no such backup file");
    if (!S_ISREG(st.st_mode)) throw DatabaseError(path + ": not a regular file; give the backup file itself");
    BackupInfo info;
    try {
        SQLite::Database db(path, SQLite::OPEN_READONLY);
        info.schema_version = db.execAndGet("PRAGMA user_version").getInt();
        if (info.schema_version == 0)
            throw DatabaseError(path + ": not an orgplan backup (no orgplan schema); nothing was restored");
        if (info.schema_version > latest_schema_version())
            throw DatabaseError(fmt::format("{}: a backup of schema version {}, newer than this orgplan knows ({}); "
                                            "restore it with a newer orgplan",
                                            path, info.schema_version, latest_schema_version()));
        const auto integrity = db.execAndGet("PRAGMA integrity_check").getString();
        if (integrity != "ok")
            throw DatabaseError(path + ": the backup is damaged (integrity check: " + integrity +
                                "); nothing was restored");
        SQLite::Statement keys(db, "PRAGMA foreign_key_check");
        if (keys.executeStep())
            throw DatabaseError(path + ": the backup has broken references (table " + keys.getColumn(0).getString() +
                                "); nothing was restored");
        for (const auto& [what, table] : counted_tables()) {
            SQLite::Statement exists(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
            exists.bind(1, table);
            if (exists.executeStep())
                info.records[what] = db.execAndGet("SELECT count(*) FROM " + table).getInt64();
        }
    } catch (const SQLite::Exception& e) {
        throw failed(path, e, "cannot read the backup");
    }
    return info;
}

BackupInfo restore_database(SQLite::Database& dest, const std::string& dest_path, const std::string& path) {
    auto info = check_backup(path);
    try {
        SQLite::Database source(path, SQLite::OPEN_READONLY);
        // The backup API writes the whole destination in one transaction under its write lock.
        SQLite::Backup(dest, source).executeStep(-1);
    } catch (const SQLite::Exception& e) {
        throw failed(dest_path, e, "restore failed, the database is as it was");
    }
    try {
        dest.exec("PRAGMA foreign_keys = ON");
        migrate(dest, dest_path);
    } catch (const SQLite::Exception& e) {
        throw failed(dest_path, e, "restored, but migrating the restored schema failed");
    }
    return info;
}

std::string migration_backup_path(const std::string& path, int version) {
    return fmt::format("{}.schema-v{}.bak", path, version);
}

} // namespace orgplan
