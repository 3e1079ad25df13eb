// A write command's transaction: everything it writes lands together, or nothing does.
#pragma once

#include "orgplan/storage/database.hpp"

namespace orgplan {

/// Begins IMMEDIATE, so the write lock is taken before anything is read: what the command checks is what it
/// changes, and a second writer waits (busy timeout) instead of failing halfway. Rolled back when destroyed
/// without commit(), an exception included; the destructor never throws. Not thread-safe; must not outlive the
/// database.
class WriteTransaction {
public:
    explicit WriteTransaction(Database& db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    void commit();

private:
    Database& db_;
    bool open_ = false;
};

} // namespace orgplan
