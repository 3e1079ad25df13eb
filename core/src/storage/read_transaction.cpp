#include "orgplan/storage/read_transaction.hpp"

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

namespace orgplan {

ReadTransaction::ReadTransaction(Database& db) : db_(db) {
    if (sqlite3_get_autocommit(db_.sql().getHandle()) == 0) return; // a transaction is open: it already gives one view
    db_.sql().exec("BEGIN DEFERRED");
    began_ = true;
}

ReadTransaction::~ReadTransaction() {
    if (!began_) return;
    // Nothing was written: ending the transaction only releases the snapshot.
    sqlite3_exec(db_.sql().getHandle(), "COMMIT", nullptr, nullptr, nullptr);
}

} // namespace orgplan
