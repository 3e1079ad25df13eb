#include "write.hpp"

#include <map>
#include <memory>
#include <string_view>
#include <unordered_set>

#include "orgplan/base/text.hpp"
#include "orgplan/storage/change_log.hpp"
#include "orgplan/storage/history.hpp"
#include "orgplan/storage/scenario_base.hpp"
#include "orgplan/storage/interrupt_store.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/storage/org_writer.hpp"
#include "orgplan/storage/settings_store.hpp"
#include "orgplan/storage/task_force_store.hpp"

namespace orgplan::importing {

namespace {

// Imports of at least this many people and memberships are written in bulk (see bulk_write.hpp).
constexpr std::size_t kBulkRows = 50000;

// A bulk import leaves foreign keys to its own validation; declared before the transaction, so they are enforced
// again after it ends.
std::unique_ptr<ForeignKeysOff> keys_off(Database& db, std::size_t incoming_rows) {
    return incoming_rows >= kBulkRows ? std::make_unique<ForeignKeysOff>(db) : nullptr;
}

// A large page cache keeps the secondary indexes' random inserts in memory. 64 MB holds the index pages a
// million-person org's updates touch: 200,000 people added to a million, or a million updated, took no longer than
// with 256 MB, in 100 to 120 MB less.
Database& with_large_cache(Database& db) {
    set_page_cache(db, 64);
    return db;
}

// The costs' currency becomes the org's when it has none yet (check_currency refused a different one).
void adopt_currency(Database& db, const IncomingRecords& in, const std::string& org_currency,
            std::vector<std::string>& notes) {
    if (in.currency.empty() || !org_currency.empty()) return;
    store_setting(db, "cost.currency", in.currency);
    notes.push_back("cost.currency set to " + in.currency + " from the currency column");
}

void write_structure(OrgWriter& writer, const IncomingRecords& in) {
    for (std::size_t i = 0; i < in.segments.items.size(); ++i) writer.put(in.segments.items[i], in.segments.present[i]);
    for (std::size_t i = 0; i < in.products.items.size(); ++i) writer.put(in.products.items[i], in.products.present[i]);
    for (std::size_t i = 0; i < in.initiatives.items.size(); ++i)
        writer.put(in.initiatives.items[i], in.initiatives.present[i]);
    for (std::size_t i = 0; i < in.accounts.items.size(); ++i) writer.put(in.accounts.items[i], in.accounts.present[i]);
    for (std::size_t i = 0; i < in.teams.items.size(); ++i) writer.put(in.teams.items[i], in.teams.present[i]);
}

// People in key order: stored ones updated in the columns their records had, new ones inserted; then the title
// rules that classed them.
void write_people(OrgWriter& writer, const CheckedImport& c, const std::vector<std::uint32_t>& order,
                  const ProgressFn& progress) {
    const auto& in = c.in;
    const auto n = c.people.incoming;
    if (progress) progress("writing people", 0, n);
    for (std::size_t k = 0; k < n; ++k) {
        const auto& x = in.people.items[order[k]];
        if (c.people.stored[c.people.person_of_item[order[k]]])
            writer.put(x.person, x.how(), in.people.present[order[k]]);
        else
            writer.insert(x.person, x.how());
        if (progress && (k + 1) % 100000 == 0) progress("writing people", k + 1, n);
    }
    std::unordered_set<std::string_view> titles;
    for (const auto& x : in.people.items)
        if (x.source == FamilyOrigin::Source::rule && !x.family_kept && titles.insert(x.person.title).second)
            writer.put_title_match(x.person.title, *x.rule);
}

// A stored person's incoming memberships and assignments replace all of theirs.
void write_coverage(OrgWriter& writer, const CheckedImport& c, const std::vector<std::uint32_t>& order,
                    const ProgressFn& progress) {
    for (std::size_t p = 0; p < c.people.known; ++p) {
        if (!c.people.stored[p]) continue;
        if (c.memberships.rewritten(static_cast<long>(p))) writer.clear_memberships(std::string(c.people.id_of(p)));
        if (c.assignments.replaced[p]) writer.clear_assignments(std::string(c.people.id_of(p)));
    }
    for (std::size_t k = 0; k < order.size(); ++k) {
        const auto p = c.memberships.person_of_row[order[k]];
        if (p < 0 || c.memberships.rewritten(p)) writer.put(c.in.memberships.items[order[k]]);
        if (progress && (k + 1) % 100000 == 0) progress("writing memberships", k + 1, order.size());
    }
    for (const auto& x : c.in.assignments.items) writer.put(x);
}

// Interrupts upsert by key; each task force a file names gets exactly that file's seats. With --replace, the log and
// the task forces are replaced only by an import that brings files of them.
void write_logs(Database& db, const IncomingRecords& in, bool replace) {
    if (!in.interrupts.items.empty()) {
        InterruptWriter writer(db);
        if (replace) writer.clear();
        std::map<std::string, int> occurrences;
        for (const auto& [id, x] : in.interrupts.items)
            writer.put(interrupt_key(id, x, id.empty() ? occurrences[interrupt_key("", x, 0)]++ : 0), x);
    }
    if (!in.seats.items.empty()) {
        if (replace) delete_all_task_forces(db);
        std::map<std::string, StoredTaskForce> forces;
        for (const auto& x : in.seats.items) {
            auto& t = forces[x.task_force];
            t.task_force.name = x.task_force;
            if (t.task_force.topic.empty()) t.task_force.topic = x.topic;
            t.task_force.seats.push_back(x.seat);
        }
        for (const auto& [name, t] : forces) save_task_force(db, t);
    }
}

} // namespace

ImportTransaction::ImportTransaction(Database& db, std::size_t incoming_rows, const std::string& as_of)
    : db_(db), as_of_(as_of), keys_off_(keys_off(db, incoming_rows)),
      tx_(with_large_cache(db)) {
    // A first snapshot kept in the org tables goes into history before they change.
    prepare_snapshot(db_, as_of_);
}

void ImportTransaction::commit(const std::string& command, nlohmann::json records, const std::string& user) {
    prune_kept_rows(db_); // resumes what --replace set aside; rows written again as they were need no keeping
    records["snapshot"] = record_snapshot(db_, as_of_, command).as_of;
    if (user.empty())
        record_change(db_, command, records);
    else
        record_change(db_, command, records, user);
    tx_.commit();
}

std::vector<std::string> write_records(Database& db, const ImportTransaction& tx, const CheckedImport& checked,
                               const WriteOrder& order, std::size_t stored_people,
                               const ImportOptions& options) {
    std::vector<std::string> notes;
    OrgWriter writer(db);
    // Rebuilding an index sorts the whole table once: cheaper than updating it row by row when this import writes
    // at least as many people anew (new ones, or their memberships replaced) as are stored. Records as they stand
    // are left alone, so a re-import of an org whose people stay in their teams writes few.
    std::size_t anew = 0;
    for (std::size_t p = 0; p < checked.people.known; ++p)
        if (!checked.people.stored[p] || checked.memberships.rewritten(static_cast<long>(p))) ++anew;
    std::optional<DeferredIndexes> deferred_indexes;
    if (tx.bulk() && anew >= stored_people) {
        deferred_indexes.emplace(db, std::vector<std::string>{"person", "membership"});
        // Rows in key order with no index to update need no large cache; a small one leaves memory to the import
        // (1M people: 0.83 GB -> 0.64 GB peak, and faster).
        set_page_cache(db, 16);
    }
    // Replacing, after the cache is set: emptying the tables reads every page once and needs none of them again.
    if (options.replace) writer.clear();
    adopt_currency(db, checked.in, checked.org_currency, notes);
    write_structure(writer, checked.in);
    write_people(writer, checked, order.people, options.progress);
    for (std::size_t i = 0; i < checked.in.goals.items.size(); ++i)
        writer.put(checked.in.goals.items[i], checked.in.goals.present[i]);
    write_coverage(writer, checked, order.memberships, options.progress);
    writer.flush();
    write_logs(db, checked.in, options.replace);
    store_maker_totals(db, maker_totals(checked.people, checked.records.teams, checked.memberships));
    if (deferred_indexes) {
        if (options.progress) options.progress("indexing", 0, 0);
        deferred_indexes->rebuild();
    }
    return notes;
}

} // namespace orgplan::importing
