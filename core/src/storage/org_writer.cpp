#include "orgplan/storage/org_writer.hpp"

#include <map>
#include <memory>

#include <fmt/format.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "orgplan/base/error.hpp"
#include "orgplan/model/enums.hpp"
#include "orgplan/storage/row_statement.hpp"
#include "orgplan/storage/scenario_base.hpp"

namespace orgplan {

PersonRow person_row(const Person& p) {
    PersonRow row;
    row.id = std::string_view(p.id);
    row.name = std::string_view(p.name);
    row.email = std::string_view(p.email);
    row.title = std::string_view(p.title);
    row.level = std::string_view(p.level);
    row.manager_id = std::string_view(p.manager_id);
    row.location = std::string_view(p.location);
    row.unit = std::string_view(p.unit);
    row.cost_center = std::string_view(p.cost_center);
    row.function = std::string_view(p.function);
    row.family = p.family;
    row.origin = p.origin;
    row.pm_years = p.pm_years;
    row.fte = p.fte;
    row.cost = p.cost;
    row.coaching_hours = p.coaching_hours;
    return row;
}

std::string_view FamilyOrigin::source_name() const {
    switch (source) {
    case Source::rule: return "rule";
    case Source::unmatched: return "unmatched";
    case Source::column: break;
    }
    return "column";
}

namespace {

// Empty strings are stored as NULL in reference columns so foreign keys accept "no product".
void bind_ref(SQLite::Statement& q, int index, const std::string& id) {
    if (id.empty())
        q.bind(index);
    else
        q.bind(index, id);
}
// Only for views of whole NUL-terminated strings (enum names, title-rule patterns).
void bind_text(SQLite::Statement& q, int index, std::string_view whole) { q.bindNoCopy(index, whole.data()); }
void run(SQLite::Statement& q) {
    q.exec();
    q.reset();
}

constexpr const char* kPersonInsert = "INSERT INTO person(id, name, email, title, family, family_source, level, "
                                      "pm_years, origin, manager_id, location, fte, cost, coaching_hours, unit, "
                                      "cost_center, function)";
constexpr int kPersonColumns = 17;

// A million-row import binds every field of every person: views, no copies.
void bind_person(RowStatement& q, int first, const OrgWriter::PersonToWrite& row) {
    const auto& p = *row.person;
    const auto optional = [&](int at, const std::optional<double> v) {
        if (v)
            q.real(at, *v);
        else
            q.null(at);
    };
    q.text(first, p.id);
    q.text(first + 1, p.name);
    q.text(first + 2, p.email);
    q.text(first + 3, p.title);
    q.text(first + 4, to_string(p.family));
    q.text(first + 5, row.how.source_name());
    q.text(first + 6, p.level);
    optional(first + 7, p.pm_years);
    q.text(first + 8, to_string(p.origin));
    if (p.manager_id.empty())
        q.null(first + 9);
    else
        q.text(first + 9, p.manager_id);
    q.text(first + 10, p.location);
    q.real(first + 11, p.fte);
    optional(first + 12, p.cost);
    optional(first + 13, p.coaching_hours);
    q.text(first + 14, p.unit);
    q.text(first + 15, p.cost_center);
    q.text(first + 16, p.function);
}

void bind_membership(RowStatement& q, int first, const MembershipRow& m) {
    q.text(first, m.person_id);
    q.text(first + 1, m.team_id);
    q.real(first + 2, m.allocation);
}

// One kind's upsert: the INSERT with every column, and for each updatable column (input name) the assignments that
// overwrite it on conflict.
struct UpsertSpec {
    std::string_view kind;
    std::string insert; // "INSERT INTO t(...) VALUES(...)"
    std::vector<std::pair<std::string_view, std::vector<std::string_view>>> updates; // name in files -> columns
};

const std::vector<UpsertSpec>& upsert_specs() {
    static const std::vector<UpsertSpec> specs = {
        {"segments", "INSERT INTO segment(id, name) VALUES(?1, ?2)", {{"name", {"name"}}}},
        {"initiatives", "INSERT INTO initiative(id, name) VALUES(?1, ?2)", {{"name", {"name"}}}},
        {"products",
         "INSERT INTO product(id, name, status, segment_id) VALUES(?1, ?2, ?3, ?4)",
         {{"name", {"name"}}, {"status", {"status"}}, {"segment", {"segment_id"}}}},
        {"accounts",
         "INSERT INTO account(id, name, segment_id) VALUES(?1, ?2, ?3)",
         {{"name", {"name"}}, {"segment", {"segment_id"}}}},
        {"teams",
         "INSERT INTO team(id, name, type, product_id, segment_id, parent_unit) VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
         {{"name", {"name"}},
          {"type", {"type"}},
          {"product", {"product_id"}},
          {"segment", {"segment_id"}},
          {"parent_unit", {"parent_unit"}}}},
        {"people",
         std::string(kPersonInsert) + " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
         {{"name", {"name"}},
          {"email", {"email"}},
          {"title", {"title"}},
          {"family", {"family", "family_source"}},
          {"level", {"level"}},
          {"pm_years", {"pm_years"}},
          {"origin", {"origin"}},
          {"manager", {"manager_id"}},
          {"location", {"location"}},
          {"fte", {"fte"}},
          {"cost", {"cost"}},
          {"coaching_hours", {"coaching_hours"}},
          {"unit", {"unit"}},
          {"cost_center", {"cost_center"}},
          {"function", {"function"}}}},
        {"goals",
         "INSERT INTO goal(id, function, objective, name, metric, metric_kind, incentive, north_star, counter_metric, "
         "theme) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
         {{"function", {"function"}},
          {"objective", {"objective"}},
          {"name", {"name"}},
          {"metric", {"metric"}},
          {"metric_kind", {"metric_kind"}},
          {"incentive", {"incentive"}},
          {"north_star", {"north_star"}},
          {"products", {}}, // goal_product rows, replaced by put(Goal) itself
          {"counter_metric", {"counter_metric"}},
          {"theme", {"theme"}}}},
    };
    return specs;
}

const UpsertSpec& upsert_spec(std::string_view kind) {
    for (const auto& spec : upsert_specs())
        if (spec.kind == kind) return spec;
    throw std::out_of_range("no upsert for kind '" + std::string(kind) + "'");
}

// The stored row is updated only where a column differs: a record written again as it stands changes no page (a
// monthly re-import of a million people, most of them as they were, rewrote every row).
std::string upsert_sql(const UpsertSpec& spec, ColumnSet update) {
    std::string set, differs;
    for (std::size_t i = 0; i < spec.updates.size(); ++i)
        if (update >> i & 1u)
            for (const auto column : spec.updates[i].second) {
                set += fmt::format("{}{} = excluded.{}", set.empty() ? "" : ", ", column, column);
                differs += fmt::format("{}{} IS NOT excluded.{}", differs.empty() ? "" : " OR ", column, column);
            }
    return spec.insert + " ON CONFLICT(id) DO " + (set.empty() ? "NOTHING" : "UPDATE SET " + set + " WHERE " + differs);
}

} // namespace

const std::vector<std::string_view>& updatable_columns(std::string_view kind) {
    static const auto by_kind = [] {
        std::map<std::string_view, std::vector<std::string_view>> out;
        for (const auto& spec : upsert_specs())
            for (const auto& [column, sql] : spec.updates) out[spec.kind].push_back(column);
        return out;
    }();
    return by_kind.at(kind);
}

ColumnSet column_bit(std::string_view kind, std::string_view column) {
    const auto& names = updatable_columns(kind);
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == column) return ColumnSet{1} << i;
    return 0;
}

// The writer's prepared statements, made once and reused for every row.
struct OrgWriter::Statements {
    explicit Statements(Database& db)
        : db(db),
          person_insert(db, kPersonInsert, kPersonColumns, &bind_person),
          goal_products_clear(db.sql(), "DELETE FROM goal_product WHERE goal_id = ?1"),
          goal_product(db.sql(), "INSERT OR IGNORE INTO goal_product(goal_id, product_id) VALUES(?1, ?2)"),
          membership_clear(db.sql(), "DELETE FROM membership WHERE person_id = ?1"),
          membership(db, "INSERT INTO membership(person_id, team_id, allocation)", 3, &bind_membership),
          assignment_clear(db.sql(), "DELETE FROM pm_assignment WHERE pm_id = ?1"),
          assignment(db.sql(), "INSERT INTO pm_assignment(pm_id, target_kind, target_id, share) VALUES(?1, ?2, ?3, ?4) "
                               "ON CONFLICT(pm_id, target_kind, target_id) DO UPDATE SET share = excluded.share"),
          title_match(db.sql(), "INSERT INTO title_match(title, pattern) VALUES(?1, ?2) "
                                "ON CONFLICT(title) DO UPDATE SET pattern = excluded.pattern") {}

    /// The prepared upsert of `kind` that overwrites `update`, made on first use: one file gives one set for all its
    /// records, so a few statements serve an import.
    SQLite::Statement& upsert(std::string_view kind, ColumnSet update) {
        auto& statement = upserts[{kind, update}];
        if (!statement) statement = std::make_unique<SQLite::Statement>(db.sql(), upsert_sql(upsert_spec(kind), update));
        return *statement;
    }

    Database& db;
    std::map<std::pair<std::string_view, ColumnSet>, std::unique_ptr<SQLite::Statement>> upserts;
    // Person and membership rows come by the million: they bind views (RowStatement).
    BatchInsert<PersonToWrite> person_insert;
    std::map<ColumnSet, std::unique_ptr<RowStatement>> person_upserts;
    SQLite::Statement goal_products_clear, goal_product, membership_clear;
    BatchInsert<MembershipRow> membership;
    SQLite::Statement assignment_clear, assignment, title_match;
};

OrgWriter::OrgWriter(Database& db) : db_(db), s_(std::make_unique<Statements>(db)) {}
OrgWriter::~OrgWriter() = default;

void OrgWriter::clear() {
    suspend_base_capture(db_); // scenario bases keep the whole org in one go (resumed at the import's commit)
    // Children first: every table that references person is emptied before people are deleted, so each deleted
    // person finds no child rows. People reference each other through manager_id, a deferred foreign key: deleting
    // a manager before their reports is fine as long as all are gone by commit.
    db_.sql().exec("DELETE FROM mentor_pair; DELETE FROM goal_product; DELETE FROM goal; DELETE FROM pm_assignment; "
             "DELETE FROM membership; DELETE FROM person; DELETE FROM team; DELETE FROM account; "
             "DELETE FROM initiative; DELETE FROM product; DELETE FROM segment; DELETE FROM title_match;");
}

void OrgWriter::put(const Segment& s, ColumnSet update) {
    auto& q = s_->upsert("segments", update);
    q.bind(1, s.id);
    q.bind(2, s.name);
    run(q);
}

void OrgWriter::put(const Product& p, ColumnSet update) {
    auto& q = s_->upsert("products", update);
    q.bind(1, p.id);
    q.bind(2, p.name);
    q.bind(3, std::string(to_string(p.status)));
    bind_ref(q, 4, p.segment_id);
    run(q);
}

void OrgWriter::put(const Initiative& i, ColumnSet update) {
    auto& q = s_->upsert("initiatives", update);
    q.bind(1, i.id);
    q.bind(2, i.name);
    run(q);
}

void OrgWriter::put(const Account& a, ColumnSet update) {
    auto& q = s_->upsert("accounts", update);
    q.bind(1, a.id);
    q.bind(2, a.name);
    bind_ref(q, 3, a.segment_id);
    run(q);
}

void OrgWriter::put(const Team& t, ColumnSet update) {
    auto& q = s_->upsert("teams", update);
    q.bind(1, t.id);
    q.bind(2, t.name);
    q.bind(3, t.type);
    bind_ref(q, 4, t.product_id);
    bind_ref(q, 5, t.segment_id);
    q.bind(6, t.parent_unit);
    run(q);
}

void OrgWriter::put(const PersonRow& p, const FamilyOrigin& how, ColumnSet update) {
    auto& q = s_->person_upserts[update];
    if (!q) q = std::make_unique<RowStatement>(db_, upsert_sql(upsert_spec("people"), update).c_str());
    bind_person(*q, 1, {&p, how});
    q->run();
}

void OrgWriter::insert(const PersonRow& p, FamilyOrigin how) { s_->person_insert.add({&p, how}); }

void OrgWriter::flush() {
    s_->person_insert.flush();
    s_->membership.flush();
}

void OrgWriter::put_title_match(std::string_view title, std::string_view pattern) {
    s_->title_match.bind(1, std::string(title));
    bind_text(s_->title_match, 2, pattern);
    run(s_->title_match);
}

void OrgWriter::put(const Goal& g, ColumnSet update) {
    auto& q = s_->upsert("goals", update);
    q.bind(1, g.id);
    q.bind(2, g.function);
    q.bind(3, g.objective);
    q.bind(4, g.name);
    q.bind(5, g.metric);
    q.bind(6, std::string(to_string(g.metric_kind)));
    q.bind(7, g.incentive ? 1 : 0);
    q.bind(8, g.north_star ? 1 : 0);
    q.bind(9, g.counter_metric);
    q.bind(10, g.theme);
    run(q);
    if (!(update & column_bit("goals", "products"))) return;
    s_->goal_products_clear.bind(1, g.id);
    run(s_->goal_products_clear);
    for (const auto& product : g.product_ids) {
        s_->goal_product.bind(1, g.id);
        s_->goal_product.bind(2, product);
        run(s_->goal_product);
    }
}

void OrgWriter::erase(std::string_view kind, const std::string& id) {
    static const std::map<std::string_view, std::string_view> tables = {
        {"segments", "segment"}, {"products", "product"}, {"initiatives", "initiative"}, {"accounts", "account"},
        {"teams", "team"},       {"people", "person"},    {"goals", "goal"}};
    const auto table = tables.find(kind);
    if (table == tables.end()) throw Error("cannot erase a record of kind '" + std::string(kind) + "'");
    SQLite::Statement q(db_.sql(), "DELETE FROM " + std::string(table->second) + " WHERE id = ?1");
    q.bind(1, id);
    q.exec();
}

void OrgWriter::clear_memberships(const std::string& person_id) {
    flush();
    s_->membership_clear.bind(1, person_id);
    run(s_->membership_clear);
}

void OrgWriter::put(const MembershipRow& m) {
    s_->person_insert.flush(); // the membership's person must be in the table
    s_->membership.add(m);
}

void OrgWriter::clear_assignments(const std::string& pm_id) {
    flush();
    s_->assignment_clear.bind(1, pm_id);
    run(s_->assignment_clear);
}

void OrgWriter::clear_pm_assignments() {
    flush();
    db_.sql().exec("DELETE FROM pm_assignment WHERE pm_id IN (SELECT id FROM person WHERE family = 'pm')");
}

void OrgWriter::put(const Assignment& a) {
    flush(); // the PM must be in the table
    s_->assignment.bind(1, a.pm_id);
    s_->assignment.bind(2, std::string(to_string(a.kind)));
    s_->assignment.bind(3, a.target_id);
    s_->assignment.bind(4, a.share);
    run(s_->assignment);
}

} // namespace orgplan
