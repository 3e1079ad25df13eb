#include "orgplan/storage/org_view.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "orgplan/base/error.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/storage/table_columns.hpp"
#include "statements.hpp"

namespace orgplan {
namespace {

// Which rows of each table a view keeps, over the temporary sets built by mark_scope(). A table missing here is
// never copied. `history` says the table has an h_ twin kept by the same rule. The unary + on columns keeps SQLite
// from using two IN lists as keys of a primary key (a search per person per team: a billion for 100,000 people);
// each row of the source is read once and looked up in the sets instead.
struct TableRule {
    const char* table;
    const char* keep; ///< SQL condition over alias t; "1" keeps every row
    bool history;
};

constexpr TableRule kRules[] = {
    {"segment", "+t.id IN kept_segment", true},
    {"product", "+t.id IN kept_product", true},
    {"account", "+t.id IN kept_account", true},
    {"initiative", "+t.id IN kept_initiative", true},
    {"team", "+t.id IN kept_team", true},
    {"person", "+t.id IN kept_person", true},
    {"membership", "+t.person_id IN kept_person AND +t.team_id IN kept_team", true},
    {"pm_assignment",
     "+t.pm_id IN kept_person AND ((+t.target_kind = 'team' AND +t.target_id IN kept_team) OR (+t.target_kind = 'product' "
     "AND +t.target_id IN kept_product) OR (+t.target_kind = 'segment' AND +t.target_id IN kept_segment) OR "
     "(+t.target_kind = 'account' AND +t.target_id IN kept_account) OR (+t.target_kind = 'initiative' AND +t.target_id "
     "IN kept_initiative))",
     true},
    {"goal", "+t.id IN kept_goal", true},
    {"goal_product", "+t.goal_id IN kept_goal AND +t.product_id IN kept_product", true},
    {"mentor_pair", "+t.mentor_id IN kept_person AND +t.novice_id IN kept_person", false},
    {"position", "(+t.team_id <> '' AND +t.team_id IN kept_team) OR (+t.person_id <> '' AND +t.person_id IN kept_person) "
                 "OR (+t.team_id = '' AND +t.person_id = '' AND (SELECT whole FROM view_kind))",
     false},
    {"interrupt", "+t.pm_id IN kept_person OR (+t.pm_id = '' AND (+t.team_id IN kept_team OR +t.product_id IN "
                  "kept_product OR (SELECT whole FROM view_kind)))",
     false},
    {"task_force", "+t.name IN (SELECT task_force FROM src.task_force_seat WHERE person_id IN kept_person)", false},
    {"task_force_seat", "+t.person_id IN kept_person", false},
    {"setting", "1", false},
    {"title_match", "1", false},
    {"snapshot", "1", false},
};

// The sets of ids a view keeps, as temporary tables: the people in scope, their teams, what those refer to.
void mark_scope(Database& db, const std::string& scope) {
    const bool whole = scope.empty();
    db.sql().exec(fmt::format("CREATE TEMP TABLE view_kind(whole INTEGER); INSERT INTO view_kind VALUES({})", whole ? 1 : 0));
    db.sql().exec("CREATE TEMP TABLE kept_person(id TEXT PRIMARY KEY)");
    if (whole) {
        db.sql().exec("INSERT OR IGNORE INTO kept_person SELECT id FROM src.person");
    } else {
        if (!any_row(db, "SELECT 1 FROM src.person WHERE id = ?1", scope))
            throw Error("the scope " + scope + " names no person in the org (orgplan user add ... --scope PERSON_ID)");
        execute(db, "WITH RECURSIVE below(id) AS (SELECT ?1 UNION SELECT p.id FROM src.person p JOIN below b ON "
                    "p.manager_id = b.id) INSERT OR IGNORE INTO kept_person SELECT id FROM below",
                scope);
    }
    const char* all_or = whole ? "SELECT id FROM src.{0} UNION " : "";
    db.sql().exec(fmt::format("CREATE TEMP TABLE kept_team(id TEXT PRIMARY KEY);"
                              "INSERT OR IGNORE INTO kept_team {} SELECT team_id FROM src.membership WHERE person_id IN kept_person",
                              whole ? "SELECT id FROM src.team UNION" : ""));
    const auto assigned = [](const char* kind) {
        return fmt::format("SELECT target_id FROM src.pm_assignment WHERE target_kind = '{}' AND pm_id IN kept_person",
                           kind);
    };
    db.sql().exec(fmt::format("CREATE TEMP TABLE kept_product(id TEXT PRIMARY KEY); INSERT OR IGNORE INTO kept_product {} SELECT "
                              "product_id FROM src.team WHERE id IN kept_team AND product_id IS NOT NULL UNION {}",
                              fmt::format(all_or, "product"), assigned("product")));
    db.sql().exec(fmt::format("CREATE TEMP TABLE kept_account(id TEXT PRIMARY KEY); INSERT OR IGNORE INTO kept_account {} {}",
                              fmt::format(all_or, "account"), assigned("account")));
    db.sql().exec(fmt::format("CREATE TEMP TABLE kept_initiative(id TEXT PRIMARY KEY); INSERT OR IGNORE INTO kept_initiative {} {}",
                              fmt::format(all_or, "initiative"), assigned("initiative")));
    db.sql().exec(fmt::format(
              "CREATE TEMP TABLE kept_segment(id TEXT PRIMARY KEY); INSERT OR IGNORE INTO kept_segment {} SELECT segment_id FROM "
              "src.team WHERE id IN kept_team AND segment_id IS NOT NULL UNION SELECT segment_id FROM src.product WHERE id "
              "IN kept_product AND segment_id IS NOT NULL UNION SELECT segment_id FROM src.account WHERE id IN kept_account "
              "AND segment_id IS NOT NULL UNION {}",
              fmt::format(all_or, "segment"), assigned("segment")));
    // A function's goal stays when it is about a product in view, or about no product at all.
    db.sql().exec("CREATE TEMP TABLE kept_goal(id TEXT PRIMARY KEY); INSERT OR IGNORE INTO kept_goal SELECT id FROM src.goal g WHERE "
                  "NOT EXISTS (SELECT 1 FROM src.goal_product gp WHERE gp.goal_id = g.id) OR EXISTS (SELECT 1 FROM "
                  "src.goal_product gp WHERE gp.goal_id = g.id AND gp.product_id IN kept_product)");
}

// What a column of a person row becomes in the view: personal fields blank, a manager outside the scope gone, an
// interrupt's requester outside the scope unnamed.
std::string column_value(const std::string& table, const std::string& column, const ViewRules& rules) {
    const bool person = table == "person" || table == "h_person";
    if (person && !rules.personal_fields) {
        if (column == "email" || column == "location" || column == "cost_center") return "''";
        if (column == "pm_years" || column == "cost") return "NULL";
    }
    if (person && column == "manager_id") return "CASE WHEN t.manager_id IN kept_person THEN t.manager_id END";
    if (table == "interrupt" && (column == "requester_id" || column == "requester_name"))
        return fmt::format("CASE WHEN t.requester_id IN kept_person OR (SELECT whole FROM view_kind) THEN t.{} ELSE '' "
                           "END",
                           column);
    return "t." + column;
}

void copy_table(Database& db, const std::string& table, const char* keep, const ViewRules& rules) {
    const auto columns = table_columns(db, table).columns;
    std::string names, values;
    for (const auto& c : columns) {
        names += (names.empty() ? "" : ", ") + c;
        values += (values.empty() ? "" : ", ") + column_value(table, c, rules);
    }
    db.sql().exec(fmt::format("INSERT INTO main.{0}({1}) SELECT {2} FROM src.{0} t WHERE {3}", table, names, values, keep));
}

// Micro-aggregation: everyone's cost becomes the mean of a group of at least `min_size` people: their main team
// when it is that large, else their unit, else everyone left. Totals over those groups stay exact.
void group_costs(Database& db, int min_size) {
    struct PersonCost {
        std::string id, team, unit;
        std::optional<double> cost;
    };
    const auto rows = select_rows(
        db,
        "SELECT p.id, (SELECT m.team_id FROM membership m WHERE m.person_id = p.id ORDER BY m.allocation DESC, "
        "m.team_id LIMIT 1), p.unit, p.cost FROM person p",
        [](const Row& r) {
            return PersonCost{r.text(0), r.text(1), r.text(2), r.is_null(3) ? std::nullopt : std::optional(r.real(3))};
        });
    std::vector<std::string> group(rows.size());
    // Pass 1 by team, pass 2 by unit for those left, then the rest together.
    const auto assign = [&](auto key_of, const char* prefix) {
        std::map<std::string, std::vector<std::size_t>> members;
        for (std::size_t i = 0; i < rows.size(); ++i)
            if (group[i].empty() && !key_of(rows[i]).empty()) members[key_of(rows[i])].push_back(i);
        for (const auto& [key, list] : members)
            if (static_cast<int>(list.size()) >= min_size)
                for (auto i : list) group[i] = prefix + key;
    };
    assign([](const PersonCost& r) -> const std::string& { return r.team; }, "team:");
    assign([](const PersonCost& r) -> const std::string& { return r.unit; }, "unit:");
    std::size_t rest = std::count(group.begin(), group.end(), std::string());
    std::unordered_map<std::string, std::pair<double, int>> sums; // cost total and people with a cost
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (group[i].empty()) group[i] = static_cast<int>(rest) >= min_size ? "rest" : "";
        if (rows[i].cost && !group[i].empty()) {
            sums[group[i]].first += *rows[i].cost;
            ++sums[group[i]].second;
        }
    }
    SQLite::Statement update(db.sql(), "UPDATE person SET cost = ?2 WHERE id = ?1");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        update.bind(1, rows[i].id);
        const auto it = sums.find(group[i]);
        // Someone with no known cost stays unknown; a group too small to hide anyone has no cost at all.
        if (!rows[i].cost || group[i].empty() || it == sums.end()) update.bind(2);
        else update.bind(2, it->second.first / it->second.second);
        update.exec();
        update.reset();
    }
    db.sql().exec("UPDATE h_person SET cost = NULL");
}

} // namespace

void write_org_view(const std::string& source, const std::string& target, const ViewRules& rules) {
    Database view(target, Database::Open::create);
    auto& db = view;
    execute(db, "ATTACH DATABASE ?1 AS src", source);
    db.sql().exec("PRAGMA foreign_keys = OFF"); // a person's manager may come after them; checked below
    db.sql().exec("BEGIN");
    mark_scope(db, rules.scope);
    for (const auto& rule : kRules) {
        copy_table(db, rule.table, rule.keep, rules);
        if (rule.history) copy_table(db, std::string("h_") + rule.table, rule.keep, rules);
    }
    refresh_maker_totals(db);
    if (rules.cost_group_min && !rules.personal_fields) {
        // Costs were blanked with the other personal fields: take them again, then hide each one in its group.
        db.sql().exec("UPDATE person SET cost = (SELECT s.cost FROM src.person s WHERE s.id = person.id)");
        group_costs(db, *rules.cost_group_min);
    }
    db.sql().exec("COMMIT");
    db.sql().exec("DETACH DATABASE src");
    db.sql().exec("PRAGMA foreign_keys = ON");
    if (const auto table = select_row(db, "PRAGMA foreign_key_check", [](const Row& r) { return r.text(0); }))
        throw Error(fmt::format("the view of {} breaks a reference in table {}; please report this", source, *table));
}

} // namespace orgplan
