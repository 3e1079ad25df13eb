#include "orgplan/storage/org_store.hpp"

#include "orgplan/base/error.hpp"

#include <algorithm>
#include <map>

#include "orgplan/model/enums.hpp"
#include "orgplan/storage/interrupt_store.hpp"
#include "orgplan/storage/position_store.hpp"
#include "orgplan/storage/read_transaction.hpp"
#include "orgplan/storage/scenario_base.hpp"
#include "orgplan/storage/task_force_store.hpp"

namespace orgplan {
namespace {

std::string text_or_empty(const SQLite::Column& c) { return c.isNull() ? std::string() : c.getString(); }

// Empty strings are stored as NULL in reference columns so foreign keys accept "no product".
void bind_ref(SQLite::Statement& q, int index, const std::string& id) {
    if (id.empty())
        q.bind(index);
    else
        q.bind(index, id);
}
// Binds text without copying; the caller keeps it alive until the statement has run.
void bind_text(SQLite::Statement& q, int index, const std::string& text) { q.bindNoCopy(index, text); }
// Only for views of whole NUL-terminated strings (enum names, title-rule patterns).
void bind_text(SQLite::Statement& q, int index, std::string_view whole) { q.bindNoCopy(index, whole.data()); }
void run(SQLite::Statement& q) {
    q.exec();
    q.reset();
}

// Goals with the products each is about.
std::vector<Goal> load_goals(SQLite::Database& db) {
    std::vector<Goal> goals;
    std::map<std::string, std::vector<std::string>> products_of;
    SQLite::Statement gp(db, "SELECT goal_id, product_id FROM goal_product ORDER BY goal_id, product_id");
    while (gp.executeStep()) products_of[gp.getColumn(0).getString()].push_back(gp.getColumn(1).getString());
    SQLite::Statement q(db, "SELECT id, function, objective, name, metric, metric_kind, incentive, north_star, "
                            "counter_metric, theme FROM goal ORDER BY id");
    while (q.executeStep()) {
        Goal g;
        g.id = q.getColumn(0).getString();
        g.function = q.getColumn(1).getString();
        g.objective = q.getColumn(2).getString();
        g.name = q.getColumn(3).getString();
        g.metric = q.getColumn(4).getString();
        g.metric_kind = parse_metric_kind(q.getColumn(5).getString()).value_or(MetricKind::outcome);
        g.incentive = q.getColumn(6).getInt() != 0;
        g.north_star = q.getColumn(7).getInt() != 0;
        g.counter_metric = q.getColumn(8).getString();
        g.theme = q.getColumn(9).getString();
        g.product_ids = products_of[g.id];
        goals.push_back(std::move(g));
    }
    return goals;
}

// Segments, products, initiatives and accounts: few rows each.
void load_portfolio(SQLite::Database& db, Org& org) {
    {
        SQLite::Statement q(db, "SELECT id, name FROM segment ORDER BY id");
        while (q.executeStep()) org.segments.push_back({q.getColumn(0).getString(), q.getColumn(1).getString()});
    }
    {
        SQLite::Statement q(db, "SELECT id, name, status, segment_id FROM product ORDER BY id");
        while (q.executeStep())
            org.products.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(),
                                    parse_product_status(q.getColumn(2).getString()).value_or(ProductStatus::active),
                                    text_or_empty(q.getColumn(3))});
    }
    {
        SQLite::Statement q(db, "SELECT id, name FROM initiative ORDER BY id");
        while (q.executeStep()) org.initiatives.push_back({q.getColumn(0).getString(), q.getColumn(1).getString()});
    }
    {
        SQLite::Statement q(db, "SELECT id, name, segment_id FROM account ORDER BY id");
        while (q.executeStep())
            org.accounts.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), text_or_empty(q.getColumn(2))});
    }
}

// Teams, people and memberships come by the hundred thousand: read as views, copied once.
std::vector<Team> load_teams(SQLite::Database& db, PersonDetail detail) {
    std::vector<Team> teams;
    teams.reserve(static_cast<std::size_t>(db.execAndGet("SELECT count(*) FROM team").getInt64()));
    RowQuery q(db, detail == PersonDetail::no_makers
                       ? "SELECT id, name, '', product_id, segment_id, '' FROM team ORDER BY id"
                       : "SELECT id, name, type, product_id, segment_id, parent_unit FROM team ORDER BY id");
    while (q.step())
        teams.push_back({std::string(q.text(0)), std::string(q.text(1)), std::string(q.text(2)),
                         std::string(q.text(3)), std::string(q.text(4)), std::string(q.text(5))});
    return teams;
}

// Everyone but the makers, with only what ratios read: every column comes from the partial index person_not_maker,
// a tenth of the table (a million makers' names and titles cost more to read than every ratio costs to compute).
void load_people_but_makers(SQLite::Database& db, std::vector<Person>& people) {
    RowQuery q(db, "SELECT id, name, family, manager_id, fte FROM person WHERE family <> 'maker' ORDER BY id");
    while (q.step()) {
        auto& p = people.emplace_back();
        p.id = q.text(0);
        p.name = q.text(1);
        p.family = parse_family(q.text(2)).value_or(Family::other);
        p.manager_id = q.text(3);
        p.fte = q.real(4);
    }
}

// Everyone, whole (full) or lean: only the columns validation and coverage need, names of PMs and leaders.
void load_all_people(SQLite::Database& db, PersonDetail detail, std::vector<Person>& people) {
    const std::string columns =
        detail == PersonDetail::full
            ? "id, name, email, title, family, level, pm_years, origin, manager_id, location, fte, cost, "
              "coaching_hours, unit, cost_center, function"
            : "id, CASE WHEN family = 'pm' OR family = 'product_leader' THEN name ELSE '' END, email, '', "
              "family, '', pm_years, origin, manager_id, '', fte, CASE WHEN family = 'pm' THEN cost END, "
              "coaching_hours, '', '', ''";
    RowQuery q(db, "SELECT " + columns + " FROM person ORDER BY id");
    auto optional = [&](int column) -> std::optional<double> {
        if (q.is_null(column)) return std::nullopt;
        return q.real(column);
    };
    while (q.step()) {
        auto& p = people.emplace_back();
        p.id = q.text(0);
        p.name = q.text(1);
        p.email = q.text(2);
        p.title = q.text(3);
        p.family = parse_family(q.text(4)).value_or(Family::other);
        p.level = q.text(5);
        p.pm_years = optional(6);
        p.origin = parse_origin(q.text(7)).value_or(Origin::unknown);
        p.manager_id = q.text(8);
        p.location = q.text(9);
        p.fte = q.real(10);
        p.cost = optional(11);
        p.coaching_hours = optional(12);
        p.unit = q.text(13);
        p.cost_center = q.text(14);
        p.function = q.text(15);
    }
}

std::vector<Person> load_people(SQLite::Database& db, PersonDetail detail) {
    std::vector<Person> people;
    // Counting first saves growing (and copying) a vector of a million people several times over.
    const std::string where = detail == PersonDetail::no_makers ? " WHERE family <> 'maker'" : "";
    people.reserve(static_cast<std::size_t>(db.execAndGet("SELECT count(*) FROM person" + where).getInt64()));
    if (detail == PersonDetail::no_makers)
        load_people_but_makers(db, people);
    else
        load_all_people(db, detail, people);
    return people;
}

std::vector<Membership> load_memberships(SQLite::Database& db, PersonDetail detail) {
    std::vector<Membership> memberships;
    if (detail != PersonDetail::no_makers) // counted first, as people are: a million rows grown by doubling move twice
        memberships.reserve(static_cast<std::size_t>(db.execAndGet("SELECT count(*) FROM membership").getInt64()));
    // Without makers, only PMs' memberships matter (a PM with no assignment covers their teams). The cross join keeps
    // PMs, walked through the partial index, as the outer loop instead of every membership; each PM's memberships then
    // come in team order from the primary key, with no sort.
    RowQuery q(db, detail == PersonDetail::no_makers
                       ? "SELECT m.person_id, m.team_id, m.allocation FROM person p INDEXED BY person_not_maker "
                         "CROSS JOIN membership m ON m.person_id = p.id "
                         "WHERE p.family <> 'maker' AND p.family = 'pm' ORDER BY p.id"
                       : "SELECT person_id, team_id, allocation FROM membership ORDER BY person_id, team_id");
    while (q.step()) memberships.push_back({std::string(q.text(0)), std::string(q.text(1)), q.real(2)});
    return memberships;
}

std::vector<Assignment> load_assignments(SQLite::Database& db) {
    std::vector<Assignment> assignments;
    SQLite::Statement q(db, "SELECT pm_id, target_kind, target_id, share FROM pm_assignment "
                            "ORDER BY pm_id, target_kind, target_id");
    while (q.executeStep())
        assignments.push_back({q.getColumn(0).getString(),
                               parse_target_kind(q.getColumn(1).getString()).value_or(TargetKind::team),
                               q.getColumn(2).getString(), q.getColumn(3).getDouble()});
    return assignments;
}

} // namespace

Org load_org(SQLite::Database& db, PersonDetail detail) {
    const ReadTransaction snapshot(db); // every table from the same commit
    Org org;
    load_portfolio(db, org);
    org.teams = load_teams(db, detail);
    org.people = load_people(db, detail);
    org.memberships = load_memberships(db, detail);
    org.assignments = load_assignments(db);
    org.goals = load_goals(db);
    org.interrupts = load_interrupts(db);
    for (auto& t : load_task_forces(db)) org.task_forces.push_back(std::move(t.task_force));
    org.positions = load_positions(db);
    return org;
}

std::unordered_map<std::string, std::string> load_family_sources(SQLite::Database& db, bool unmatched_only) {
    std::unordered_map<std::string, std::string> out;
    RowQuery q(db, unmatched_only ? "SELECT id, family_source FROM person WHERE family_source = 'unmatched'"
                                  : "SELECT id, family_source FROM person");
    while (q.step()) out.emplace(std::string(q.text(0)), std::string(q.text(1)));
    return out;
}

ReportingLines load_reporting_lines(SQLite::Database& db) {
    ReportingLines out;
    out.lines.reserve(static_cast<std::size_t>(db.execAndGet("SELECT count(*) FROM person").getInt64()));
    RowQuery q(db, "SELECT id, name, coalesce(manager_id, ''), unit, family FROM person ORDER BY id");
    while (q.step()) {
        auto& line = out.lines.emplace_back();
        line.id = out.text.keep(q.text(0));
        line.name = out.text.keep(q.text(1));
        line.manager_id = out.text.keep(q.text(2));
        line.unit = out.text.keep(q.text(3));
        line.family = parse_family(q.text(4)).value_or(Family::other);
    }
    return out;
}

std::vector<TitleClass> load_title_classes(SQLite::Database& db, bool unmatched_only) {
    SQLite::Statement q(db, std::string("SELECT p.title, p.family, p.family_source, "
                                        "CASE WHEN p.family_source = 'rule' THEN coalesce(t.pattern, '') ELSE '' END, "
                                        "count(*) AS n FROM person p LEFT JOIN title_match t ON t.title = p.title ") +
                                (unmatched_only ? "WHERE p.family_source = 'unmatched' " : "") +
                                "GROUP BY 1, 2, 3, 4 ORDER BY p.family_source = 'unmatched' DESC, n DESC, p.title");
    std::vector<TitleClass> out;
    while (q.executeStep())
        out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                       q.getColumn(3).getString(), q.getColumn(4).getInt64()});
    return out;
}

bool person_exists(SQLite::Database& db, const std::string& id) {
    SQLite::Statement q(db, "SELECT 1 FROM person WHERE id = ?1");
    q.bind(1, id);
    return q.executeStep();
}

std::unordered_set<std::string> people_with_family_column(SQLite::Database& db) {
    std::unordered_set<std::string> ids;
    SQLite::Statement q(db, "SELECT id FROM person WHERE family_source = 'column'");
    while (q.executeStep()) ids.insert(q.getColumn(0).getString());
    return ids;
}

MakerTotals load_maker_totals(SQLite::Database& db) {
    MakerTotals totals;
    SQLite::Statement q(db, "SELECT team_id, fte FROM team_maker_fte");
    while (q.executeStep()) {
        auto team = q.getColumn(0).getString();
        if (team.empty())
            totals.unallocated = q.getColumn(1).getDouble();
        else
            totals.team_fte.emplace_back(std::move(team), q.getColumn(1).getDouble());
    }
    return totals;
}

void refresh_maker_totals(SQLite::Database& db) {
    db.exec("DELETE FROM team_maker_fte;"
            "INSERT INTO team_maker_fte(team_id, fte) SELECT m.team_id, total(p.fte * m.allocation) FROM membership m "
            "JOIN person p ON p.id = m.person_id WHERE p.family = 'maker' GROUP BY m.team_id;"
            "INSERT INTO team_maker_fte(team_id, fte) SELECT '', max(0, (SELECT total(fte) FROM person WHERE family = "
            "'maker') - (SELECT total(fte) FROM team_maker_fte));");
}

void store_maker_totals(SQLite::Database& db, const MakerTotals& totals) {
    db.exec("DELETE FROM team_maker_fte");
    SQLite::Statement q(db, "INSERT INTO team_maker_fte(team_id, fte) VALUES(?1, ?2)");
    for (const auto& [team, fte] : totals.team_fte) {
        bind_text(q, 1, team);
        q.bind(2, fte);
        run(q);
    }
    q.bind(1, "");
    q.bind(2, totals.unallocated);
    run(q);
}

namespace {

constexpr const char* kPersonInsert = "INSERT INTO person(id, name, email, title, family, family_source, level, "
                                      "pm_years, origin, manager_id, location, fte, cost, coaching_hours, unit, "
                                      "cost_center, function)";
constexpr int kPersonColumns = 17;

// A million-row import binds every field of every person: views, no copies.
void bind_person(RowStatement& q, int first, const OrgWriter::PersonToWrite& row) {
    const auto& p = *row.person;
    const auto optional = [&](int at, const std::optional<double>& v) {
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
    q.text(first + 5, row.how->source);
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

} // namespace

namespace {

// One kind's upsert: the INSERT with every column, and for each updatable column (input name) the assignments that
// overwrite it on conflict.
struct UpsertSpec {
    std::string_view kind;
    std::string insert; // "INSERT INTO t(...) VALUES(...)"
    std::vector<std::pair<std::string_view, std::string>> updates;
};

const std::vector<UpsertSpec>& upsert_specs() {
    static const std::vector<UpsertSpec> specs = {
        {"segments", "INSERT INTO segment(id, name) VALUES(?1, ?2)", {{"name", "name = excluded.name"}}},
        {"initiatives", "INSERT INTO initiative(id, name) VALUES(?1, ?2)", {{"name", "name = excluded.name"}}},
        {"products",
         "INSERT INTO product(id, name, status, segment_id) VALUES(?1, ?2, ?3, ?4)",
         {{"name", "name = excluded.name"},
          {"status", "status = excluded.status"},
          {"segment", "segment_id = excluded.segment_id"}}},
        {"accounts",
         "INSERT INTO account(id, name, segment_id) VALUES(?1, ?2, ?3)",
         {{"name", "name = excluded.name"}, {"segment", "segment_id = excluded.segment_id"}}},
        {"teams",
         "INSERT INTO team(id, name, type, product_id, segment_id, parent_unit) VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
         {{"name", "name = excluded.name"},
          {"type", "type = excluded.type"},
          {"product", "product_id = excluded.product_id"},
          {"segment", "segment_id = excluded.segment_id"},
          {"parent_unit", "parent_unit = excluded.parent_unit"}}},
        {"people",
         std::string(kPersonInsert) + " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
         {{"name", "name = excluded.name"},
          {"email", "email = excluded.email"},
          {"title", "title = excluded.title"},
          {"family", "family = excluded.family, family_source = excluded.family_source"},
          {"level", "level = excluded.level"},
          {"pm_years", "pm_years = excluded.pm_years"},
          {"origin", "origin = excluded.origin"},
          {"manager", "manager_id = excluded.manager_id"},
          {"location", "location = excluded.location"},
          {"fte", "fte = excluded.fte"},
          {"cost", "cost = excluded.cost"},
          {"coaching_hours", "coaching_hours = excluded.coaching_hours"},
          {"unit", "unit = excluded.unit"},
          {"cost_center", "cost_center = excluded.cost_center"},
          {"function", "function = excluded.function"}}},
        {"goals",
         "INSERT INTO goal(id, function, objective, name, metric, metric_kind, incentive, north_star, counter_metric, "
         "theme) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
         {{"function", "function = excluded.function"},
          {"objective", "objective = excluded.objective"},
          {"name", "name = excluded.name"},
          {"metric", "metric = excluded.metric"},
          {"metric_kind", "metric_kind = excluded.metric_kind"},
          {"incentive", "incentive = excluded.incentive"},
          {"north_star", "north_star = excluded.north_star"},
          {"products", ""}, // goal_product rows, replaced by put(Goal) itself
          {"counter_metric", "counter_metric = excluded.counter_metric"},
          {"theme", "theme = excluded.theme"}}},
    };
    return specs;
}

const UpsertSpec& upsert_spec(std::string_view kind) {
    for (const auto& spec : upsert_specs())
        if (spec.kind == kind) return spec;
    throw std::out_of_range("no upsert for kind '" + std::string(kind) + "'");
}

std::string upsert_sql(const UpsertSpec& spec, ColumnSet update) {
    std::string set;
    for (std::size_t i = 0; i < spec.updates.size(); ++i)
        if ((update >> i & 1u) && !spec.updates[i].second.empty())
            set += (set.empty() ? "" : ", ") + spec.updates[i].second;
    return spec.insert + " ON CONFLICT(id) DO " + (set.empty() ? "NOTHING" : "UPDATE SET " + set);
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

OrgWriter::OrgWriter(SQLite::Database& db)
    : db_(db),
      person_insert_(db, kPersonInsert, kPersonColumns, &bind_person),
      goal_products_clear_(db, "DELETE FROM goal_product WHERE goal_id = ?1"),
      goal_product_(db, "INSERT OR IGNORE INTO goal_product(goal_id, product_id) VALUES(?1, ?2)"),
      membership_clear_(db, "DELETE FROM membership WHERE person_id = ?1"),
      membership_(db, "INSERT INTO membership(person_id, team_id, allocation)", 3, &bind_membership),
      assignment_clear_(db, "DELETE FROM pm_assignment WHERE pm_id = ?1"),
      assignment_(db, "INSERT INTO pm_assignment(pm_id, target_kind, target_id, share) VALUES(?1, ?2, ?3, ?4) "
                      "ON CONFLICT(pm_id, target_kind, target_id) DO UPDATE SET share = excluded.share"),
      title_match_(db, "INSERT INTO title_match(title, pattern) VALUES(?1, ?2) "
                       "ON CONFLICT(title) DO UPDATE SET pattern = excluded.pattern") {}

SQLite::Statement& OrgWriter::upsert(std::string_view kind, ColumnSet update) {
    auto& statement = upserts_[{kind, update}];
    if (!statement) statement = std::make_unique<SQLite::Statement>(db_, upsert_sql(upsert_spec(kind), update));
    return *statement;
}

void OrgWriter::clear() {
    suspend_base_capture(db_); // scenario bases keep the whole org in one go (resumed at the import's commit)
    // Children first: every table that references person is emptied before people are deleted, so each deleted
    // person finds no child rows. People reference each other through manager_id, a deferred foreign key: deleting
    // a manager before their reports is fine as long as all are gone by commit.
    db_.exec("DELETE FROM mentor_pair; DELETE FROM goal_product; DELETE FROM goal; DELETE FROM pm_assignment; "
             "DELETE FROM membership; DELETE FROM person; DELETE FROM team; DELETE FROM account; "
             "DELETE FROM initiative; DELETE FROM product; DELETE FROM segment; DELETE FROM title_match;");
}

void OrgWriter::put(const Segment& s, ColumnSet update) {
    auto& q = upsert("segments", update);
    q.bind(1, s.id);
    q.bind(2, s.name);
    run(q);
}

void OrgWriter::put(const Product& p, ColumnSet update) {
    auto& q = upsert("products", update);
    q.bind(1, p.id);
    q.bind(2, p.name);
    q.bind(3, std::string(to_string(p.status)));
    bind_ref(q, 4, p.segment_id);
    run(q);
}

void OrgWriter::put(const Initiative& i, ColumnSet update) {
    auto& q = upsert("initiatives", update);
    q.bind(1, i.id);
    q.bind(2, i.name);
    run(q);
}

void OrgWriter::put(const Account& a, ColumnSet update) {
    auto& q = upsert("accounts", update);
    q.bind(1, a.id);
    q.bind(2, a.name);
    bind_ref(q, 3, a.segment_id);
    run(q);
}

void OrgWriter::put(const Team& t, ColumnSet update) {
    auto& q = upsert("teams", update);
    q.bind(1, t.id);
    q.bind(2, t.name);
    q.bind(3, t.type);
    bind_ref(q, 4, t.product_id);
    bind_ref(q, 5, t.segment_id);
    q.bind(6, t.parent_unit);
    run(q);
}

void OrgWriter::put(const PersonRow& p, const FamilyOrigin& how, ColumnSet update) {
    auto& q = person_upserts_[update];
    if (!q) q = std::make_unique<RowStatement>(db_, upsert_sql(upsert_spec("people"), update).c_str());
    bind_person(*q, 1, {&p, &how});
    q->run();
}

void OrgWriter::insert(const PersonRow& p, const FamilyOrigin& how) { person_insert_.add({&p, &how}); }

void OrgWriter::flush() {
    person_insert_.flush();
    membership_.flush();
}

void OrgWriter::put_title_match(std::string_view title, std::string_view pattern) {
    title_match_.bind(1, std::string(title));
    bind_text(title_match_, 2, pattern);
    run(title_match_);
}

void OrgWriter::put(const Goal& g, ColumnSet update) {
    auto& q = upsert("goals", update);
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
    goal_products_clear_.bind(1, g.id);
    run(goal_products_clear_);
    for (const auto& product : g.product_ids) {
        goal_product_.bind(1, g.id);
        goal_product_.bind(2, product);
        run(goal_product_);
    }
}

void OrgWriter::erase(std::string_view kind, const std::string& id) {
    static const std::map<std::string_view, std::string_view> tables = {
        {"segments", "segment"}, {"products", "product"}, {"initiatives", "initiative"}, {"accounts", "account"},
        {"teams", "team"},       {"people", "person"},    {"goals", "goal"}};
    const auto table = tables.find(kind);
    if (table == tables.end()) throw Error("cannot erase a record of kind '" + std::string(kind) + "'");
    SQLite::Statement q(db_, "DELETE FROM " + std::string(table->second) + " WHERE id = ?1");
    q.bind(1, id);
    q.exec();
}

void OrgWriter::clear_memberships(const std::string& person_id) {
    flush();
    membership_clear_.bind(1, person_id);
    run(membership_clear_);
}

void OrgWriter::put(const MembershipRow& m) {
    person_insert_.flush(); // the membership's person must be in the table
    membership_.add(m);
}

void OrgWriter::clear_assignments(const std::string& pm_id) {
    flush();
    assignment_clear_.bind(1, pm_id);
    run(assignment_clear_);
}

void OrgWriter::clear_pm_assignments() {
    flush();
    db_.exec("DELETE FROM pm_assignment WHERE pm_id IN (SELECT id FROM person WHERE family = 'pm')");
}

void OrgWriter::put(const Assignment& a) {
    flush(); // the PM must be in the table
    assignment_.bind(1, a.pm_id);
    assignment_.bind(2, std::string(to_string(a.kind)));
    assignment_.bind(3, a.target_id);
    assignment_.bind(4, a.share);
    run(assignment_);
}

} // namespace orgplan
