#include "orgplan/storage/write_transaction.hpp"

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

namespace orgplan {

WriteTransaction::WriteTransaction(Database& db) : db_(db) {
    db_.sql().exec("BEGIN IMMEDIATE");
    open_ = true;
}

WriteTransaction::~WriteTransaction() {
    if (!open_) return;
    // A failed rollback leaves nothing to do: SQLite rolls back on its own when the connection closes.
    sqlite3_exec(db_.sql().getHandle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void WriteTransaction::commit() {
    db_.sql().exec("COMMIT");
    open_ = false;
}

} // namespace orgplan
