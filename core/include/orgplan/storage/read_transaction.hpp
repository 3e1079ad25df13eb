// A read transaction: every query inside it sees the database as one commit left it.
#pragma once

#include "orgplan/storage/database.hpp"

namespace orgplan {

/// Begins a read transaction (BEGIN DEFERRED; in WAL mode the snapshot is taken by the first read) and ends it when
/// destroyed, so that an answer built from several queries (the org, its settings, stored totals) never mixes two
/// imports. Does nothing inside a transaction already open (a write command computing inside its own). Destructor
/// never throws. Not thread-safe; must not outlive the database.
class ReadTransaction {
public:
    explicit ReadTransaction(Database& db);
    ~ReadTransaction();
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;

private:
    Database& db_;
    bool began_ = false;
};

} // namespace orgplan
