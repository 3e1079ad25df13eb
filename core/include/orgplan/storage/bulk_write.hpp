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

/// Turns foreign key enforcement off for one large write whose references the writer has checked itself (an import
/// validates every reference against the incoming and stored records before it writes a row), so SQLite does not look
/// each one up again: two million lookups, half a second, in an import of a million people and their memberships.
///
/// Construct it outside any transaction (SQLite changes enforcement only between transactions); the destructor turns
/// enforcement on again after the transaction has ended and never throws. ON DELETE CASCADE does not fire while off:
/// the writer deletes child rows itself.
class ForeignKeysOff {
public:
    explicit ForeignKeysOff(Database& db);
    ~ForeignKeysOff();
    ForeignKeysOff(const ForeignKeysOff&) = delete;
    ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

private:
    Database& db_;
};

/// Writes into a database file no one else sees yet (a first import's private copy, which the caller publishes whole
/// when the write succeeded and deletes otherwise) with neither a journal nor syncs: a failed write needs no rollback,
/// as its file goes, and the WAL doubled every page written (a million people: their pages went three times into the
/// WAL, then once into the file). finish() puts WAL journaling back, so the published file is like any other; the
/// caller syncs the file before publishing it. Construct it and call finish() outside transactions.
class UnpublishedWrite {
public:
    explicit UnpublishedWrite(Database& db);
    void finish();

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
