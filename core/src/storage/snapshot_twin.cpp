#include "snapshot_twin.hpp"

#include <exception>

#include <sys/stat.h>

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

namespace orgplan {
namespace {

// A transaction's commit is the one its first read sees: read once, and check that the read did begin it.
bool take_snapshot(Database& db) {
    db.sql().exec("SELECT 1 FROM sqlite_master LIMIT 1");
    return sqlite3_txn_state(db.sql().getHandle(), "main") == SQLITE_TXN_READ;
}

bool file_at_least(const std::string& path, std::int64_t bytes) {
    struct stat st {};
    return path != ":memory:" && !path.empty() && ::stat(path.c_str(), &st) == 0 && st.st_size >= bytes;
}

} // namespace

SnapshotTwin::SnapshotTwin(const std::string& path) : db_(path, Database::Open::read), snapshot_(db_) {}

std::unique_ptr<SnapshotTwin> SnapshotTwin::begin(Database& db, std::int64_t min_file_bytes) {
    auto* handle = db.sql().getHandle();
    if (sqlite3_get_autocommit(handle) != 0 || sqlite3_txn_state(handle, "main") != SQLITE_TXN_NONE) return nullptr;
    if (!file_at_least(db.path(), min_file_bytes)) return nullptr;
    try {
        // Opened (and its transaction begun, nothing read) before the lock: a writer waits only for the two reads.
        std::unique_ptr<SnapshotTwin> twin(new SnapshotTwin(db.path()));
        // No busy timeout: a writer holding the lock means reading alone, not waiting for it.
        SQLite::Database lock(db.path(), SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX);
        lock.exec("BEGIN IMMEDIATE");
        if (!take_snapshot(db) || !take_snapshot(twin->db_)) return nullptr;
        lock.exec("ROLLBACK");
        return twin;
    } catch (const std::exception&) {
        // db's snapshot stands (or its next read fails again, with the store's message): it reads alone.
        return nullptr;
    }
}

} // namespace orgplan
