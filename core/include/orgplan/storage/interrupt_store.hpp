// The interrupt log in the database: read with the org, written by imports.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "orgplan/org.hpp"
#include "orgplan/storage/database.hpp"

namespace SQLite {
class Statement;
}

namespace orgplan {

/// Every stored interrupt, ordered by date (then by key, so output is stable). Inside the caller's transaction.
std::vector<Interrupt> load_interrupts(Database& db);

/// The key that identifies an interrupt across imports: the file's id when it has one; otherwise the row's content
/// and how many identical rows came before it in the same import, so importing the same log twice stores it once
/// while two identical calls on one day stay two.
std::string interrupt_key(const std::string& id, const Interrupt& x, int occurrence);

/// Upserts interrupts by key. The caller owns the transaction.
class InterruptWriter {
public:
    explicit InterruptWriter(Database& db);
    ~InterruptWriter();
    InterruptWriter(const InterruptWriter&) = delete;
    InterruptWriter& operator=(const InterruptWriter&) = delete;
    /// Deletes the whole log (an import bringing interrupt files with --replace).
    void clear();
    void put(const std::string& key, const Interrupt& x);

private:
    Database& db_;
    std::unique_ptr<SQLite::Statement> upsert_; ///< prepared once, run for every interrupt
};

} // namespace orgplan
