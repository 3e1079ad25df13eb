// Guards for one large write (an import of many records): each changes how SQLite writes for its duration.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "orgplan/storage/database.hpp"

namespace orgplan {

/// Sets the connection's page cache to `mib` MiB (SQLite's default is 2 MB): a large write keeps the random inserts
/// of secondary indexes in memory with a large one, and leaves memory to itself with a small one.
void set_page_cache(Database& db, int mib);

/// Checks foreign keys once over the whole database at the end of one large write instead of row by row.
///
/// Construct it outside any transaction: it turns enforcement off for the connection (SQLite allows that only
/// between transactions), so deleting a whole table is one truncation rather than a million child lookups. Call
/// check() inside the transaction before committing: it runs PRAGMA foreign_key_check and throws orgplan::Error
/// naming the first broken references, so the transaction rolls back and nothing is written. The destructor turns
/// enforcement on again (after the transaction has ended) and never throws. ON DELETE CASCADE does not fire while
/// off: the writer deletes child rows itself.
class DeferredForeignKeys {
public:
    explicit DeferredForeignKeys(Database& db);
    ~DeferredForeignKeys();
    DeferredForeignKeys(const DeferredForeignKeys&) = delete;
    DeferredForeignKeys& operator=(const DeferredForeignKeys&) = delete;
    void check();

private:
    Database& db_;
};

/// Drops the secondary indexes of `tables` inside the caller's transaction, so rows go into the tables alone;
/// rebuild() creates them again from their saved definitions, one sorted pass each, before the caller commits.
/// If the transaction rolls back instead, the drops roll back with it.
class DeferredIndexes {
public:
    DeferredIndexes(Database& db, const std::vector<std::string>& tables);
    void rebuild();

private:
    Database& db_;
    std::vector<std::pair<std::string, std::string>> indexes_; ///< name, CREATE INDEX statement
};

} // namespace orgplan
