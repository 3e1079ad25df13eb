#include "orgplan/storage/history.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <optional>

#include <fmt/format.h>
#include <SQLiteCpp/Database.h>

#include "orgplan/base/error.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/storage/table_columns.hpp"
#include "statements.hpp"

namespace orgplan {
namespace {

constexpr long long kOpen = 0; // valid_to of rows still valid: SQLite stores the integer 0 in no bytes at all

// An org table and its history twin, h_TABLE.
using Tracked = TableColumns;

// In the order rows can be inserted with foreign keys on (managers are deferred).
const char* const kTables[] = {"segment", "product", "initiative", "account",    "team",
                               "person",  "goal",    "goal_product", "membership", "pm_assignment"};

std::vector<Tracked> tracked(Database& db) {
    std::vector<Tracked> out;
    for (const char* table : kTables) out.push_back(table_columns(db, table));
    return out;
}

constexpr const char* kSnapshotColumns = "SELECT id, as_of, taken_at, command FROM snapshot ";

SnapshotInfo read_snapshot(const Row& r) { return {r.integer(0), r.text(1), r.text(2), r.text(3)}; }

SnapshotInfo snapshot_of(Database& db, long long id) {
    return *select_row(db, std::string(kSnapshotColumns) + "WHERE id = ?1", read_snapshot, static_cast<std::int64_t>(id));
}

} // namespace

void check_date(const std::string& date, const std::string& option) {
    std::tm tm{};
    const bool shaped = date.size() == 10 && date[4] == '-' && date[7] == '-' &&
                        std::sscanf(date.c_str(), "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) == 3;
    if (shaped) {
        const int year = tm.tm_year, month = tm.tm_mon, day = tm.tm_mday;
        tm.tm_year -= 1900;
        tm.tm_mon -= 1;
        std::tm copy = tm;
        std::mktime(&copy); // normalises 2026-02-30 to March
        if (copy.tm_year == year - 1900 && copy.tm_mon == month - 1 && copy.tm_mday == day) return;
    }
    throw Error(option + " '" + date + "' is not a date; write it as YYYY-MM-DD, e.g. 2026-11-01");
}

namespace {
// The snapshot kept in the org tables themselves, if any: (id, as_of).
std::optional<std::pair<long long, std::string>> lazy_snapshot(Database& db) {
    return select_row(db, "SELECT id, as_of FROM snapshot WHERE lazy = 1",
                      [](const Row& r) { return std::make_pair(static_cast<long long>(r.integer(0)), r.text(1)); });
}

// A snapshot of the same date taken again: when and by which command.
void retake_snapshot(Database& db, long long id, const std::string& command) {
    execute(db, "UPDATE snapshot SET taken_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), command = ?2 WHERE id = ?1",
            static_cast<std::int64_t>(id), command);
}
} // namespace

void prepare_snapshot(Database& db, const std::string& as_of) {
    const auto lazy = lazy_snapshot(db);
    if (!lazy || lazy->second == as_of) return;
    for (const auto& t : tracked(db))
        db.sql().exec(fmt::format("INSERT INTO h_{0}({1}, valid_from, valid_to) SELECT {1}, {2}, {3} FROM {0} ORDER BY {4}",
                                  t.table, joined(t.columns), lazy->first, kOpen, joined(t.keys)));
    db.sql().exec("UPDATE snapshot SET lazy = 0 WHERE lazy = 1");
}

SnapshotInfo record_snapshot(Database& db, const std::string& as_of, const std::string& command) {
    long long id = 0;
    const auto latest = select_row(db, std::string(kSnapshotColumns) + "ORDER BY as_of DESC LIMIT 1", read_snapshot);
    const bool first = !latest;
    if (latest) {
        if (as_of < latest->as_of)
            throw Error(fmt::format("--as-of {} is before the latest snapshot ({}); snapshots are recorded in "
                                    "date order (orgplan history lists them)",
                                    as_of, latest->as_of));
        if (as_of == latest->as_of) id = latest->id;
    }
    if (first || (id && lazy_snapshot(db))) {
        // The first snapshot stays in the org tables: nothing is copied until the next import of another date.
        if (first) {
            execute(db, "INSERT INTO snapshot(as_of, command, lazy) VALUES(?1, ?2, 1)", as_of, command);
            id = db.sql().getLastInsertRowid();
        } else {
            retake_snapshot(db, id, command);
        }
        return snapshot_of(db, id);
    }
    const auto tables = tracked(db);
    if (id) {
        // The same date again: that snapshot is taken anew, so what it recorded is undone first.
        for (const auto& t : tables) {
            db.sql().exec(fmt::format("DELETE FROM h_{} WHERE valid_from = {}", t.table, id));
            db.sql().exec(fmt::format("UPDATE h_{} SET valid_to = {} WHERE valid_to = {}", t.table, kOpen, id));
        }
        retake_snapshot(db, id, command);
    } else {
        execute(db, "INSERT INTO snapshot(as_of, command) VALUES(?1, ?2)", as_of, command);
        id = db.sql().getLastInsertRowid();
    }
    for (const auto& t : tables) {
        const auto h = "h_" + t.table;
        const bool any_open =
            db.sql().execAndGet(fmt::format("SELECT EXISTS (SELECT 1 FROM {} WHERE valid_to = {})", h, kOpen)).getInt() != 0;
        if (!any_open) { // the first snapshot of this table: every row, with no lookups
            db.sql().exec(fmt::format("INSERT INTO {0}({1}, valid_from, valid_to) SELECT {1}, {2}, {3} FROM {4} ORDER BY {5}",
                                      h, joined(t.columns), id, kOpen, t.table, joined(t.keys)));
            continue;
        }
        // Rows removed or changed since: their history row closes at this snapshot...
        db.sql().exec(fmt::format("UPDATE {0} SET valid_to = {1} WHERE valid_to = {2} AND NOT EXISTS (SELECT 1 FROM {3} "
                                  "WHERE {4} AND {5})",
                                  h, id, kOpen, t.table, matching(t.keys, t.table, h), matching(t.columns, t.table, h, " IS ")));
        // ...and rows new or changed open a history row of their own.
        db.sql().exec(fmt::format("INSERT INTO {0}({1}, valid_from, valid_to) SELECT {1}, {2}, {3} FROM {4} WHERE NOT EXISTS "
                                  "(SELECT 1 FROM {0} WHERE {5} AND {0}.valid_to = {3})",
                                  h, joined(t.columns), id, kOpen, t.table, matching(t.keys, h, t.table)));
    }
    return snapshot_of(db, id);
}

std::vector<SnapshotInfo> list_snapshots(Database& db) {
    return select_rows(db, std::string(kSnapshotColumns) + "ORDER BY as_of", read_snapshot);
}

SnapshotInfo snapshot_on(Database& db, const std::string& date) {
    if (auto on = select_row(db, std::string(kSnapshotColumns) + "WHERE as_of <= ?1 ORDER BY as_of DESC LIMIT 1",
                             read_snapshot, date))
        return *on;
    const auto all = list_snapshots(db);
    throw Error(all.empty() ? "no snapshots yet: every import records one (orgplan import --as-of DATE ...)"
                            : fmt::format("no snapshot on or before {}; the first is of {} (orgplan history lists them)",
                                          date, all.front().as_of));
}

std::unique_ptr<Database> materialize_snapshot(const std::string& path, long long id) {
    auto mem = std::make_unique<Database>(":memory:");
    auto& db = *mem;
    execute(db, "ATTACH DATABASE ?1 AS src", path);
    db.sql().exec("PRAGMA foreign_keys = OFF");
    const bool in_tables = any_row(db, "SELECT 1 FROM src.snapshot WHERE id = ?1 AND lazy = 1", static_cast<std::int64_t>(id));

    for (const auto& t : tracked(db)) {
        if (in_tables) { // the snapshot is the org tables as they stand
            db.sql().exec(fmt::format("INSERT INTO main.{0}({1}) SELECT {1} FROM src.{0}", t.table, joined(t.columns)));
            continue;
        }
        const auto columns = joined(t.columns);
        // In key order, so each table's B-tree is appended to rather than split all over.
        db.sql().exec(fmt::format("INSERT INTO main.{0}({1}) SELECT {1} FROM src.h_{0} WHERE valid_from <= {2} AND "
                                  "(valid_to = 0 OR valid_to > {2}) ORDER BY {3}",
                                  t.table, columns, id, joined(t.keys)));
    }
    db.sql().exec("INSERT INTO main.setting SELECT * FROM src.setting");
    // Interrupts carry their own dates: those up to the snapshot's date. Task forces are not historized: today's.
    execute(db, "INSERT INTO main.interrupt SELECT * FROM src.interrupt WHERE date <= (SELECT as_of FROM src.snapshot "
                "WHERE id = ?1)",
            static_cast<std::int64_t>(id));
    db.sql().exec("INSERT INTO main.task_force SELECT * FROM src.task_force;"
                  "INSERT INTO main.task_force_seat SELECT * FROM src.task_force_seat");
    db.sql().exec("DETACH DATABASE src");
    db.sql().exec("PRAGMA foreign_keys = ON");
    refresh_maker_totals(db);
    return mem;
}

std::vector<PersonChange> people_changes(Database& db, long long from, long long to) {
    const auto at = [](const char* alias, long long s) {
        return fmt::format("{0}.valid_from <= {1} AND ({0}.valid_to = 0 OR {0}.valid_to > {1})", alias, s);
    };
    // A person's teams at a snapshot, as one sorted list.
    const auto teams = [](long long s) {
        return fmt::format("(SELECT person_id, group_concat(team_id, ', ') AS teams FROM (SELECT person_id, team_id FROM "
                           "h_membership WHERE valid_from <= {0} AND (valid_to = 0 OR valid_to > {0}) ORDER BY person_id, team_id) "
                           "GROUP BY person_id)",
                           s);
    };
    const std::string sql = fmt::format(
        "SELECT 'joiner', b.id, b.name, '', b.family FROM h_person b WHERE {1} AND NOT EXISTS (SELECT 1 FROM h_person a "
        "WHERE a.id = b.id AND {0}) "
        "UNION ALL SELECT 'leaver', a.id, a.name, a.family, '' FROM h_person a WHERE {0} AND NOT EXISTS (SELECT 1 FROM "
        "h_person b WHERE b.id = a.id AND {1}) "
        "UNION ALL SELECT 'family', a.id, b.name, a.family, b.family FROM h_person a JOIN h_person b ON b.id = a.id "
        "WHERE {0} AND {1} AND a.family <> b.family "
        "UNION ALL SELECT 'manager', a.id, b.name, coalesce(a.manager_id, ''), coalesce(b.manager_id, '') FROM h_person "
        "a JOIN h_person b ON b.id = a.id WHERE {0} AND {1} AND a.manager_id IS NOT b.manager_id "
        "UNION ALL SELECT 'team', a.id, b.name, coalesce(ta.teams, ''), coalesce(tb.teams, '') FROM h_person a JOIN "
        "h_person b ON b.id = a.id LEFT JOIN {2} ta ON ta.person_id = a.id LEFT JOIN {3} tb ON tb.person_id = a.id "
        "WHERE {0} AND {1} AND coalesce(ta.teams, '') <> coalesce(tb.teams, '') "
        "ORDER BY 1, 2",
        at("a", from), at("b", to), teams(from), teams(to));
    return select_rows(db, sql, [](const Row& r) {
        return PersonChange{r.text(0), r.text(1), r.text(2), r.text(3), r.text(4)};
    });
}

} // namespace orgplan
