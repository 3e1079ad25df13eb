#include "orgplan/storage/bulk_write.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "orgplan/base/error.hpp"

namespace orgplan {

void set_page_cache(Database& db, int mib) {
    db.sql().exec("PRAGMA cache_size = -" + std::to_string(mib * 1024)); // negative: KiB rather than pages
}

DeferredForeignKeys::DeferredForeignKeys(Database& db) : db_(db) { db_.sql().exec("PRAGMA foreign_keys = OFF"); }

DeferredForeignKeys::~DeferredForeignKeys() {
    try {
        db_.sql().exec("PRAGMA foreign_keys = ON");
    } catch (const SQLite::Exception&) {
        // Only fails inside a transaction, which the owner has ended by now; the next connection has it on anyway.
    }
}

void DeferredForeignKeys::check() {
    SQLite::Statement q(db_.sql(), "PRAGMA foreign_key_check");
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

DeferredIndexes::DeferredIndexes(Database& db, const std::vector<std::string>& tables) : db_(db) {
    SQLite::Statement q(db_.sql(), "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?1 "
                                   "AND sql IS NOT NULL ORDER BY name"); // sql is NULL for primary keys
    for (const auto& table : tables) {
        q.bind(1, table);
        while (q.executeStep()) indexes_.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
        q.reset();
    }
    for (const auto& [name, sql] : indexes_) db_.sql().exec("DROP INDEX \"" + name + "\"");
}

void DeferredIndexes::rebuild() {
    for (const auto& [name, sql] : indexes_) db_.sql().exec(sql);
    indexes_.clear();
}

} // namespace orgplan
