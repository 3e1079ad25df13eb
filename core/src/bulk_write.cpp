#include "orgplan/bulk_write.hpp"

#include <SQLiteCpp/Statement.h>

#include "orgplan/error.hpp"

namespace orgplan {
namespace {

std::string journal_mode(SQLite::Database& db) { return db.execAndGet("PRAGMA journal_mode").getString(); }

} // namespace

BulkJournal::BulkJournal(SQLite::Database& db) : db_(db) {
    if (journal_mode(db_) != "wal") return; // in-memory databases have no WAL to leave
    try {
        // Leaving WAL checkpoints the log and needs the database to itself; SQLite answers "wal" when it cannot.
        if (db_.execAndGet("PRAGMA journal_mode = DELETE").getString() != "delete") return;
        db_.exec("PRAGMA synchronous = FULL");
        switched_ = true;
    } catch (const SQLite::Exception&) {
        // Busy: another connection holds the database; the write stays in WAL.
    }
}

BulkJournal::~BulkJournal() {
    if (!switched_) return;
    try {
        db_.exec("PRAGMA journal_mode = WAL");
        db_.exec("PRAGMA synchronous = NORMAL");
    } catch (const SQLite::Exception&) {
        // The data is written either way; the next orgplan command opens the database in WAL again.
    }
}

DeferredForeignKeys::DeferredForeignKeys(SQLite::Database& db) : db_(db) { db_.exec("PRAGMA foreign_keys = OFF"); }

DeferredForeignKeys::~DeferredForeignKeys() {
    try {
        db_.exec("PRAGMA foreign_keys = ON");
    } catch (const SQLite::Exception&) {
        // Only fails inside a transaction, which the owner has ended by now; the next connection has it on anyway.
    }
}

void DeferredForeignKeys::check() {
    SQLite::Statement q(db_, "PRAGMA foreign_key_check");
    std::string found;
    std::size_t count = 0;
    while (q.executeStep()) {
        if (++count <= 5)
            found += std::string(found.empty() ? "" : "; ") + q.getColumn(0).getString() + " row " +
                     q.getColumn(1).getString() + " -> " + q.getColumn(2).getString();
    }
    if (count)
        throw Error("the write would leave " + std::to_string(count) + " broken reference" + (count == 1 ? "" : "s") +
                    " (" + found + "); nothing was written");
}

DeferredIndexes::DeferredIndexes(SQLite::Database& db, const std::vector<std::string>& tables) : db_(db) {
    SQLite::Statement q(db_, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?1 "
                             "AND sql IS NOT NULL ORDER BY name"); // sql is NULL for primary keys
    for (const auto& table : tables) {
        q.bind(1, table);
        while (q.executeStep()) indexes_.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
        q.reset();
    }
    for (const auto& [name, sql] : indexes_) db_.exec("DROP INDEX \"" + name + "\"");
}

void DeferredIndexes::rebuild() {
    for (const auto& [name, sql] : indexes_) db_.exec(sql);
    indexes_.clear();
}

} // namespace orgplan
