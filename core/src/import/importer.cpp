#include "orgplan/import/importer.hpp"

#include <future>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <optional>

#include "check_assignments.hpp"
#include "check_logs.hpp"
#include "check_managers.hpp"
#include "check_memberships.hpp"
#include "check_records.hpp"
#include "create_missing.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/storage/history.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/storage/settings_store.hpp"
#include "people_index.hpp"
#include "read.hpp"
#include "write.hpp"

// One import, phase by phase: read → map headers → parse (read_files) → create missing records → check records →
// index people → check managers → check memberships and assignments → check logs → write. Each phase is a function
// of its own file with its inputs and outputs in its signature; this file only passes them along.
namespace orgplan {

using namespace importing;

namespace {

std::size_t unmatched_titles(const IncomingRecords& in) {
    std::size_t n = 0;
    for (const auto& x : in.people.items)
        if (x.source == FamilyOrigin::Source::unmatched && !x.family_kept) ++n;
    return n;
}

template <typename T>
void append(std::vector<T>& to, const std::vector<T>& from) {
    to.insert(to.end(), from.begin(), from.end());
}

} // namespace

ImportSummary import_org(Database& db, const std::vector<std::string>& paths, const ImportOptions& options) {
    if (!options.rules) throw Error("import needs title rules");
    if (paths.empty()) throw Error("import needs at least one file or directory");
    Problems problems(options.max_problems);
    ImportSummary summary;
    auto read = read_files(paths, options, problems);
    auto& in = read.records;
    summary.records = read.counts;
    summary.ignored_columns = read.ignored_columns;
    summary.notes = read.notes;

    // The write order is sorted on a second thread while this one checks; it reads only ids, which no check changes.
    std::future<WriteOrder> order;
    if (!options.dry_run) order = std::async(std::launch::async, [&in] { return write_order(in); });
    const auto as_of = options.as_of.empty() ? today() : options.as_of;
    std::optional<ImportTransaction> tx;
    if (!options.dry_run) tx.emplace(db, in.people.items.size() + in.memberships.items.size(), as_of);
    if (options.precondition) options.precondition(db);
    if (options.progress) options.progress("validating", 0, 0);
    // Validation needs ids, not names. Replacing, the import is checked against nothing stored.
    const Org stored = options.replace ? Org{} : load_org(db, PersonDetail::none);
    const StoredPeople stored_people = options.replace ? StoredPeople{} : load_stored_people(db);

    summary.created = create_missing(options.create_missing, stored, in);
    const auto records = check_records(in, stored, problems);
    const auto people = index_people(in, stored_people, [&] { return people_with_family_column(db); }, problems);
    check_cycles(in, people, check_managers(in, people, stored_people, problems), problems);
    const auto memberships = check_memberships(in, people, records.teams, stored_people, problems);
    const auto assignments = check_assignments(in, people, records, stored, problems);
    append(summary.notes, assignments.notes);
    check_logs(in, people, records, problems);
    const std::string org_currency = load_settings(db).text("cost.currency"); // read once, inside the write lock
    check_currency(in, org_currency, problems);
    if (problems.any()) problems.raise();
    summary.unmatched_titles = unmatched_titles(in);
    if (options.dry_run) return summary;

    const auto write_order = order.get();
    release_locations(in); // only the checks name records by place: a million people's go before the write
#ifdef __GLIBC__
    // The write order was sorted on another thread, whose heap keeps its scratch (12 bytes a person and a membership)
    // and no later step reuses it; it goes back to the system with the locations (8 bytes a record) before SQLite's
    // page cache fills (4 ms).
    malloc_trim(0);
#endif
    append(summary.notes, write_records(db, *tx, {in, people, records, memberships, assignments, org_currency},
                                        write_order, stored_people.people.size(), options));
    if (options.before_commit && !options.before_commit(db)) return summary; // rolled back with `tx`
    auto logged = nlohmann::json(summary.records);
    if (!summary.created.empty()) logged["created"] = summary.created;
    logged.update(options.log_facts);
    tx->commit(options.log_command.empty() ? std::string("import") : options.log_command, std::move(logged),
               options.log_user);
    summary.written = true;
    return summary;
}

} // namespace orgplan
