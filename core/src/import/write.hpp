// Write: everything checked goes into the database in one transaction, or nothing does.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "check_assignments.hpp"
#include "check_memberships.hpp"
#include "check_records.hpp"
#include "incoming.hpp"
#include "orgplan/import/importer.hpp"
#include "orgplan/storage/bulk_write.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/storage/write_transaction.hpp"
#include "people_index.hpp"
#include "write_order.hpp"

namespace orgplan::importing {

/// The import's write transaction. It starts before the stored org is read, so no other writer can change what the
/// import is validated against; destroyed uncommitted, it rolls everything back. A large import (`bulk`) leaves
/// foreign keys to the import's own validation, which checked every reference before any row was written. It stays
/// in WAL: leaving it for the rollback journal saved 3% at a million people, and made a failed import rewrite the
/// file's header and a killed one leave a hot journal behind.
class ImportTransaction {
public:
    /// `incoming_rows`: people and memberships the import brings; `as_of`: the date its snapshot stands for.
    ImportTransaction(Database& db, std::size_t incoming_rows, const std::string& as_of);
    bool bulk() const { return keys_off_ != nullptr; }
    /// Records the snapshot and the change log entry (`records` under `command`, by `user` or, empty, the OS user),
    /// commits.
    void commit(const std::string& command, nlohmann::json records, const std::string& user = "");

private:
    Database& db_;
    std::string as_of_;
    // Restored in reverse order: the transaction ends before foreign keys are put back.
    std::unique_ptr<ForeignKeysOff> keys_off_;
    WriteTransaction tx_;
};

/// What the checks established, for the write.
struct CheckedImport {
    const IncomingRecords& in;
    const PeopleIndex& people;
    const RecordIndexes& records;
    const MembershipFacts& memberships;
    const AssignmentFacts& assignments;
    const std::string& org_currency; ///< the stored cost.currency the checks compared with ("" when none)
};

/// Writes every checked record inside `tx`: with `options.replace` the org's tables are cleared first (and the
/// interrupt log and task forces when files of them came); stored people get only the columns their records had,
/// their memberships and assignments replaced when new ones came. Returns notes for the summary.
std::vector<std::string> write_records(Database& db, const ImportTransaction& tx, const CheckedImport& checked,
                               const WriteOrder& order, std::size_t stored_people,
                               const ImportOptions& options);

} // namespace orgplan::importing
