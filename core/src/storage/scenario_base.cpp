#include "orgplan/storage/scenario_base.hpp"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "orgplan/base/error.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/storage/table_columns.hpp"
#include "statements.hpp"

namespace orgplan {
namespace {

// Every table load_org reads a record of the org from (interrupts and task forces are logs: the org's as they are).
const char* const kKept[] = {"segment", "product", "initiative", "account",    "team",          "person",
                             "goal",    "goal_product", "membership", "pm_assignment", "position"};

std::string kept_table(const std::string& table) { return "base_" + table; }

// The kept rows' columns of the org table (without _base and _present).
std::vector<std::string> row_columns(Database& db, const std::string& table) {
    auto columns = table_columns(db, kept_table(table)).columns;
    columns.erase(std::remove_if(columns.begin(), columns.end(),
                                 [](const std::string& c) { return c == "_base" || c == "_present"; }),
                  columns.end());
    return columns;
}

bool capturing(Database& db) { return db.sql().tableExists(kept_table(kKept[0])); }

// The kept rows' table of an org table (new columns added), and its three triggers made afresh.
void install(Database& db, const TableColumns& t) {
    const auto kept = kept_table(t.table);
    db.sql().exec(fmt::format("CREATE TABLE IF NOT EXISTS {0} ({1}, _base INTEGER NOT NULL, _present INTEGER NOT NULL, "
                              "PRIMARY KEY ({2}, _base)) WITHOUT ROWID;"
                              "CREATE INDEX IF NOT EXISTS {0}_base ON {0}(_base)",
                              kept, joined(t.columns), joined(t.keys)));
    const auto has = table_columns(db, kept).columns;
    for (const auto& c : t.columns)
        if (std::find(has.begin(), has.end(), c) == has.end()) db.sql().exec(fmt::format("ALTER TABLE {} ADD COLUMN {}", kept, c));
    // A row already kept for the newest base keeps its older content. Not INSERT OR IGNORE: a statement's own
    // conflict clause (an import's upsert) overrides the conflict clauses of the triggers it fires.
    const auto keep = [&](const std::vector<std::string>& columns, const char* row, int present) {
        return fmt::format("INSERT INTO {0}({1}, _base, _present) SELECT {2}, b, {3} FROM (SELECT max(id) AS b FROM "
                           "scenario_base) WHERE b IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {0} WHERE {4} AND _base = b);",
                           kept, joined(columns), joined(columns, std::string(row) + "."), present, matching(t.keys, kept, row));
    };
    const auto keep_old = keep(t.columns, "OLD", 1), keep_absent = keep(t.keys, "NEW", 0);
    // An update that changes nothing (an import's upsert of the same person) keeps nothing.
    std::string changed;
    for (const auto& c : t.columns) changed += fmt::format("{0}OLD.{1} IS NOT NEW.{1}", changed.empty() ? "" : " OR ", c);
    const std::tuple<const char*, std::string, std::string> triggers[] = {
        {"INSERT", "", keep_absent}, {"DELETE", "", keep_old}, {"UPDATE", " WHEN " + changed, keep_old + keep_absent}};
    for (const auto& [event, when, body] : triggers) {
        const auto name = fmt::format("keep_{}_{}", t.table, event);
        db.sql().exec(fmt::format("DROP TRIGGER IF EXISTS {0}; CREATE TRIGGER {0} AFTER {1} ON {2}{3} BEGIN {4} END", name,
                                  event, t.table, when, body));
    }
}

void drop_triggers(Database& db, const char* table) {
    for (const char* event : {"INSERT", "DELETE", "UPDATE"})
        db.sql().exec(fmt::format("DROP TRIGGER IF EXISTS keep_{}_{}", table, event));
}

void uninstall(Database& db) {
    for (const char* table : kKept) {
        drop_triggers(db, table);
        db.sql().exec("DROP TABLE IF EXISTS " + kept_table(table));
    }
}

// The org tables seen as base `base` by unqualified names (temporary views come first), for as long as it lives.
class BaseView {
public:
    BaseView(Database& db, long long base)
        : db_(db), query_only_(db.sql().execAndGet("PRAGMA query_only").getInt() != 0) {
        // A reader refuses every write (query_only), temporary views included; these touch no file.
        if (query_only_) db.sql().exec("PRAGMA query_only = OFF");
        try {
            for (const char* table : kKept) {
                const auto t = table_columns(db, table);
                const auto kept = row_columns(db, table);
                std::string from_kept;
                for (const auto& c : t.columns)
                    from_kept += (from_kept.empty() ? "" : ", ") +
                                 (std::find(kept.begin(), kept.end(), c) == kept.end() ? "NULL AS " + c : "k." + c);
                // Per key, the row kept first at or after the base (SQLite takes a bare column's values from the
                // row min() picks); live rows where none was kept.
                db.sql().exec(fmt::format(
                          "CREATE TEMP VIEW {0} AS SELECT {1} FROM main.{0} WHERE NOT EXISTS (SELECT 1 FROM main.{3} f WHERE "
                          "{6} AND f._base >= {4}) UNION ALL SELECT {1} FROM (SELECT {5}, k._present, min(k._base) FROM "
                          "main.{3} k WHERE k._base >= {4} GROUP BY {2}) WHERE _present = 1",
                          table, joined(t.columns), joined(t.keys, "k."), kept_table(table), base, from_kept,
                          matching(t.keys, "f", "main." + std::string(table))));
                made_.push_back(table);
            }
        } catch (...) {
            drop();
            throw;
        }
    }
    ~BaseView() { drop(); }
    BaseView(const BaseView&) = delete;
    BaseView& operator=(const BaseView&) = delete;

private:
    void drop() noexcept {
        for (const auto& table : made_) try {
                db_.sql().exec("DROP VIEW IF EXISTS temp." + table);
            } catch (...) { // the connection is gone or broken: the views went with it
            }
        made_.clear();
        if (query_only_) try {
                db_.sql().exec("PRAGMA query_only = ON");
            } catch (...) {
            }
    }
    Database& db_;
    bool query_only_;
    std::vector<std::string> made_;
};

} // namespace

long long open_scenario_base(Database& db, const std::string& settings) {
    prune_kept_rows(db);
    const auto newest = select_row(db, "SELECT id, settings FROM scenario_base ORDER BY id DESC LIMIT 1",
                                   [](const Row& r) { return std::make_pair(r.integer(0), r.text(1)); });
    if (newest && newest->second == settings && base_is_live(db, newest->first)) return newest->first;
    execute(db, "INSERT INTO scenario_base(settings) VALUES(?1)", settings);
    const long long id = db.sql().getLastInsertRowid();
    for (const char* table : kKept) install(db, table_columns(db, table));
    return id;
}

std::string scenario_base_settings(Database& db, long long base) {
    if (auto settings = select_row(db, "SELECT settings FROM scenario_base WHERE id = ?1",
                                   [](const Row& r) { return r.text(0); }, static_cast<std::int64_t>(base)))
        return *settings;
    throw Error(fmt::format("no scenario base {}: the database is damaged", base));
}

bool base_is_live(Database& db, long long base) {
    if (!capturing(db)) return true;
    for (const char* table : kKept)
        if (any_row(db, "SELECT 1 FROM " + kept_table(table) + " WHERE _base >= ?1 LIMIT 1", static_cast<std::int64_t>(base)))
            return false;
    return true;
}

Org load_base_org(Database& db, long long base) {
    if (base_is_live(db, base)) return load_org(db);
    BaseView view(db, base);
    return load_org(db);
}

void release_unused_bases(Database& db) {
    const auto unused = select_rows(db,
                                    "SELECT id FROM scenario_base WHERE id NOT IN (SELECT base_id FROM scenario WHERE "
                                    "base_id IS NOT NULL) ORDER BY id DESC",
                                    [](const Row& r) { return static_cast<long long>(r.integer(0)); });
    const bool kept_rows = capturing(db);
    for (const long long base : unused) {
        // An older base still reads, per row, the first row kept at or after it: rows this base kept are its rows
        // now, unless it kept one of its own.
        const auto older = select_row(db, "SELECT max(id) FROM scenario_base WHERE id < ?1 HAVING max(id) IS NOT NULL",
                                      [](const Row& r) { return static_cast<long long>(r.integer(0)); },
                                      static_cast<std::int64_t>(base));
        const bool has_older = older.has_value();
        const long long to = older.value_or(0);
        for (const char* table : kKept) {
            if (!kept_rows) break;
            const auto kept = kept_table(table);
            if (has_older) {
                const auto columns = joined(row_columns(db, table));
                db.sql().exec(fmt::format("INSERT OR IGNORE INTO {0}({1}, _base, _present) SELECT {1}, {2}, _present FROM {0} "
                                          "WHERE _base = {3}",
                                          kept, columns, to, base));
            }
            db.sql().exec(fmt::format("DELETE FROM {} WHERE _base = {}", kept, base));
        }
        execute(db, "DELETE FROM scenario_base WHERE id = ?1", static_cast<std::int64_t>(base));
    }
    if (db.sql().execAndGet("SELECT count(*) FROM scenario_base").getInt64() == 0) uninstall(db);
}

void suspend_base_capture(Database& db) {
    if (!capturing(db)) return;
    for (const char* table : kKept) {
        const auto t = table_columns(db, table);
        db.sql().exec(fmt::format("DROP TABLE IF EXISTS temp.was_{0}; CREATE TEMP TABLE was_{0} AS SELECT * FROM main.{0}; "
                                  "CREATE INDEX temp.was_{0}_key ON was_{0}({1})",
                                  table, joined(t.keys)));
        drop_triggers(db, table);
    }
}

void resume_base_capture(Database& db) {
    // Only a suspended capture has the tables aside (temporary: sqlite_temp_schema, which tableExists does not read).
    if (!capturing(db) ||
        !db.sql().execAndGet("SELECT count(*) FROM sqlite_temp_schema WHERE type = 'table' AND name = 'was_person'").getInt())
        return;
    for (const char* table : kKept) {
        const auto t = table_columns(db, table);
        const auto kept = kept_table(table);
        std::string same_row;
        for (const auto& c : t.columns) same_row += fmt::format(" AND l.{0} IS w.{0}", c);
        // "FROM (newest base) WHERE nothing is kept yet for it of the key of `row`"
        const auto newest_without = [&](const char* row) {
            return fmt::format("(SELECT max(id) AS b FROM scenario_base) WHERE b IS NOT NULL AND NOT EXISTS (SELECT 1 "
                               "FROM {} WHERE {} AND _base = b)",
                               kept, matching(t.keys, kept, row));
        };
        // Rows that were there and are not there again as they were: kept as they were. Keys there now and not
        // before: kept as absent then. What was kept for the newest base already stays.
        db.sql().exec(fmt::format("INSERT INTO {0}({1}, _base, _present) SELECT {2}, b, 1 FROM temp.was_{3} w, {4} AND NOT "
                                  "EXISTS (SELECT 1 FROM main.{3} l WHERE {5}{6})",
                                  kept, joined(t.columns), joined(t.columns, "w."), table, newest_without("w"),
                                  matching(t.keys, "l", "w"), same_row));
        db.sql().exec(fmt::format("INSERT INTO {0}({1}, _base, _present) SELECT {2}, b, 0 FROM main.{3} l, {4} AND NOT EXISTS "
                                  "(SELECT 1 FROM temp.was_{3} w WHERE {5})",
                                  kept, joined(t.keys), joined(t.keys, "l."), table, newest_without("l"),
                                  matching(t.keys, "w", "l")));
        db.sql().exec(fmt::format("DROP TABLE temp.was_{}", table));
        install(db, t);
    }
}

void prune_kept_rows(Database& db) {
    if (!capturing(db)) return;
    resume_base_capture(db);
    for (const char* table : kKept) {
        const auto t = table_columns(db, table);
        const auto kept = kept_table(table);
        const auto columns = row_columns(db, table);
        std::string same_row;
        for (const auto& c : columns) same_row += fmt::format(" AND l.{0} IS {1}.{0}", c, kept);
        // The newest row kept for a key, when the live row is that row again (or is again absent): every base that
        // read it reads the same from the live table.
        db.sql().exec(fmt::format(
                  "DELETE FROM {0} WHERE NOT EXISTS (SELECT 1 FROM {0} n WHERE {1} AND n._base > {0}._base) AND CASE WHEN "
                  "_present = 1 THEN EXISTS (SELECT 1 FROM main.{2} l WHERE {3}{4}) ELSE NOT EXISTS (SELECT 1 FROM main.{2} l "
                  "WHERE {3}) END",
                  kept, matching(t.keys, "n", kept), table, matching(t.keys, "l", kept), same_row));
    }
}

long long erase_from_bases(Database& db, const std::string& id, const std::string& manager) {
    if (!capturing(db)) return 0;
    const long long had = *select_row(db, "SELECT coalesce(max(_base), 0) FROM base_person WHERE id = ?1 AND _present = 1",
                                      [](const Row& r) { return r.integer(0); }, id);
    // Reports first, while the person's own kept row can still say who their manager was.
    for (const char* sql : {"UPDATE base_person SET manager_id = coalesce(nullif(?2, ''), (SELECT k.manager_id FROM "
                            "base_person k WHERE k.id = ?1 ORDER BY k._base LIMIT 1)) WHERE manager_id = ?1",
                            "DELETE FROM base_person WHERE id = ?1", "DELETE FROM base_membership WHERE person_id = ?1",
                            "DELETE FROM base_pm_assignment WHERE pm_id = ?1"}) {
        SQLite::Statement q(db.sql(), sql);
        q.bind(1, id);
        if (q.getBindParameterCount() > 1) q.bind(2, manager);
        q.exec();
    }
    return had;
}

} // namespace orgplan
