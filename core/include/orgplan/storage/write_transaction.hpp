// A write command's transaction: everything it writes lands together, or nothing does.
#pragma once

#include <SQLiteCpp/Transaction.h>

#include "orgplan/storage/database.hpp"

namespace orgplan {

/// Begins IMMEDIATE, so the write lock is taken before anything is read: what the command checks is what it
/// changes, and a second writer waits (busy timeout) instead of failing halfway. Rolled back when destroyed
/// without commit(), an exception included. Not thread-safe; must not outlive the database.
class WriteTransaction {
public:
    explicit WriteTransaction(Database& db) : tx_(db.sql(), SQLite::TransactionBehavior::IMMEDIATE) {}
    void commit() { tx_.commit(); }

private:
    SQLite::Transaction tx_;
};

} // namespace orgplan
