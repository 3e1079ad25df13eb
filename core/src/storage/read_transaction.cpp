#include "orgplan/storage/read_transaction.hpp"

#include <sqlite3.h>

namespace orgplan {

ReadTransaction::ReadTransaction(SQLite::Database& db) : db_(db) {
    if (sqlite3_get_autocommit(db_.getHandle()) == 0) return; // a transaction is open: it already gives one view
    db_.exec("BEGIN DEFERRED");
    began_ = true;
}

ReadTransaction::~ReadTransaction() {
    if (!began_) return;
    // Nothing was written: ending the transaction only releases the snapshot.
    sqlite3_exec(db_.getHandle(), "COMMIT", nullptr, nullptr, nullptr);
}

} // namespace orgplan
