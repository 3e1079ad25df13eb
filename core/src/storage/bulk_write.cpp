#include "orgplan/storage/bulk_write.hpp"

#include <SQLiteCpp/Database.h>

#include "statements.hpp"

namespace orgplan {

void set_page_cache(Database& db, int mib) {
    db.sql().exec("PRAGMA cache_size = -" + std::to_string(mib * 1024)); // negative: KiB rather than pages
}

ForeignKeysOff::ForeignKeysOff(Database& db) : db_(db) { db_.sql().exec("PRAGMA foreign_keys = OFF"); }

ForeignKeysOff::~ForeignKeysOff() {
    try {
        db_.sql().exec("PRAGMA foreign_keys = ON");
    } catch (const SQLite::Exception&) {
        // Only fails inside a transaction, which the owner has ended by now; the next connection has it on anyway.
    }
}

UnpublishedWrite::UnpublishedWrite(Database& db) : db_(db) {
    db_.sql().exec("PRAGMA journal_mode = OFF");
    db_.sql().exec("PRAGMA synchronous = OFF");
}

void UnpublishedWrite::finish() {
    db_.sql().exec("PRAGMA journal_mode = WAL");
    db_.sql().exec("PRAGMA synchronous = NORMAL");
}

DeferredIndexes::DeferredIndexes(Database& db, const std::vector<std::string>& tables) : db_(db) {
    for (const auto& table : tables) // sql is NULL for primary keys
        for_each_row(
            db_, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL ORDER BY name",
            [&](const Row& r) { indexes_.emplace_back(r.text(0), r.text(1)); }, table);
    for (const auto& [name, sql] : indexes_) db_.sql().exec("DROP INDEX \"" + name + "\"");
}

void DeferredIndexes::rebuild() {
    for (const auto& [name, sql] : indexes_) db_.sql().exec(sql);
    indexes_.clear();
}

} // namespace orgplan
