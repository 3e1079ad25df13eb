#include "orgplan/storage/migrations.hpp"

#include <SQLiteCpp/Transaction.h>

#include "orgplan/base/error.hpp"

namespace orgplan {
namespace {

// ALTER TABLE cannot drop a NOT NULL. Removing a constraint changes no stored byte, and for exactly that SQLite
// documents editing the table's CREATE statement in sqlite_schema and bumping the schema version
// (https://sqlite.org/lang_altertable.html#otheralter) instead of copying the table: person is the parent of
// memberships and assignments, and a copy would need foreign keys off, which cannot change inside a transaction.
void allow_unknown_pm_years(SQLite::Database& db) {
    // A table whose pm_years already takes NULL (one rebuilt by hand, or a test's schema taken back) needs nothing.
    SQLite::Statement column(db, "SELECT \"notnull\" FROM pragma_table_info('person') WHERE name = 'pm_years'");
    if (column.executeStep() && column.getColumn(0).getInt() == 0) return;
    const std::string before = "pm_years       REAL NOT NULL DEFAULT 0 CHECK (pm_years >= 0)";
    std::string sql = db.execAndGet("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'person'").getString();
    const auto at = sql.find(before);
    if (at == std::string::npos)
        throw Error("the person table does not have the pm_years column this migration expects; the database "
                    "was left untouched");
    sql.replace(at, before.size(), "pm_years       REAL CHECK (pm_years >= 0)");
    const int schema_version = db.execAndGet("PRAGMA schema_version").getInt();
    db.exec("PRAGMA writable_schema = ON");
    SQLite::Statement update(db, "UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = 'person'");
    update.bind(1, sql);
    update.exec();
    db.exec("PRAGMA schema_version = " + std::to_string(schema_version + 1));
    db.exec("PRAGMA writable_schema = OFF");
}

} // namespace

// CHECK constraints spell out value lists with OR: SQLite builds a temporary b-tree for every IN list each time an
// INSERT statement runs, which made million-row imports several times slower.
const std::vector<Migration>& migrations() {
    static const std::vector<Migration> all = {
        {1, "org model: people, teams, memberships, products, segments, initiatives, accounts, PM assignments",
         R"sql(
CREATE TABLE segment (
  id   TEXT PRIMARY KEY,
  name TEXT NOT NULL
);
CREATE TABLE product (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  status     TEXT NOT NULL DEFAULT 'active'
             CHECK ((status = 'active' OR status = 'maintenance' OR status = 'unsupported' OR status = 'retired')),
  segment_id TEXT REFERENCES segment(id)
);
CREATE TABLE initiative (
  id   TEXT PRIMARY KEY,
  name TEXT NOT NULL
);
CREATE TABLE account (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  segment_id TEXT REFERENCES segment(id)
);
CREATE TABLE team (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  type        TEXT NOT NULL DEFAULT '',
  product_id  TEXT REFERENCES product(id),
  segment_id  TEXT REFERENCES segment(id),
  parent_unit TEXT NOT NULL DEFAULT ''
);
CREATE TABLE person (
  id             TEXT PRIMARY KEY,
  name           TEXT NOT NULL,
  email          TEXT NOT NULL DEFAULT '',
  title          TEXT NOT NULL DEFAULT '',
  family         TEXT NOT NULL
                 CHECK ((family = 'maker' OR family = 'pm' OR family = 'product_leader' OR family = 'eng_manager' OR family = 'other')),
  family_source  TEXT NOT NULL CHECK ((family_source = 'column' OR family_source = 'rule' OR family_source = 'unmatched')),
  level          TEXT NOT NULL DEFAULT '',
  pm_years       REAL NOT NULL DEFAULT 0 CHECK (pm_years >= 0),
  origin         TEXT NOT NULL DEFAULT 'unknown'
                 CHECK ((origin = 'unknown' OR origin = 'external_senior' OR origin = 'internal_transfer' OR origin = 'newcomer')),
  manager_id     TEXT REFERENCES person(id) DEFERRABLE INITIALLY DEFERRED,
  location       TEXT NOT NULL DEFAULT '',
  fte            REAL NOT NULL DEFAULT 1 CHECK (fte > 0 AND fte <= 1),
  cost           REAL CHECK (cost IS NULL OR cost >= 0),
  coaching_hours REAL CHECK (coaching_hours IS NULL OR coaching_hours >= 0)
) WITHOUT ROWID;
CREATE INDEX person_manager ON person(manager_id);
-- The title rule that classified each title, kept once per title rather than once per person.
CREATE TABLE title_match (
  title   TEXT PRIMARY KEY,
  pattern TEXT NOT NULL
);
CREATE TABLE membership (
  person_id  TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  team_id    TEXT NOT NULL REFERENCES team(id) ON DELETE CASCADE,
  allocation REAL NOT NULL CHECK (allocation > 0 AND allocation <= 1),
  PRIMARY KEY (person_id, team_id)
) WITHOUT ROWID;
CREATE INDEX membership_team ON membership(team_id);
CREATE TABLE pm_assignment (
  pm_id       TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  target_kind TEXT NOT NULL CHECK ((target_kind = 'team' OR target_kind = 'product' OR target_kind = 'segment' OR target_kind = 'initiative' OR target_kind = 'account')),
  target_id   TEXT NOT NULL,
  share       REAL NOT NULL CHECK (share > 0 AND share <= 1),
  PRIMARY KEY (pm_id, target_kind, target_id)
) WITHOUT ROWID;
CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
)sql"},
        {2, "functions' goals, metrics and incentives", R"sql(
CREATE TABLE goal (
  id             TEXT PRIMARY KEY,
  function       TEXT NOT NULL,
  objective      TEXT NOT NULL DEFAULT '',
  name           TEXT NOT NULL,
  metric         TEXT NOT NULL DEFAULT '',
  metric_kind    TEXT NOT NULL CHECK ((metric_kind = 'activity' OR metric_kind = 'output' OR metric_kind = 'outcome' OR metric_kind = 'revenue')),
  incentive      INTEGER NOT NULL DEFAULT 0 CHECK ((incentive = 0 OR incentive = 1)),
  north_star     INTEGER NOT NULL DEFAULT 0 CHECK ((north_star = 0 OR north_star = 1)),
  counter_metric TEXT NOT NULL DEFAULT '',
  theme          TEXT NOT NULL DEFAULT ''
);
CREATE TABLE goal_product (
  goal_id    TEXT NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
  product_id TEXT NOT NULL REFERENCES product(id) ON DELETE CASCADE,
  PRIMARY KEY (goal_id, product_id)
) WITHOUT ROWID;
)sql"},
        {3, "saved mentoring pairings and scenarios", R"sql(
CREATE TABLE mentor_pair (
  mentor_id TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  novice_id TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  hours     REAL NOT NULL CHECK (hours > 0),
  PRIMARY KEY (novice_id, mentor_id)
) WITHOUT ROWID;
CREATE TABLE scenario (
  name       TEXT PRIMARY KEY,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  org_json   TEXT NOT NULL,
  settings_json TEXT NOT NULL DEFAULT '{}',
  changes    TEXT NOT NULL DEFAULT '[]'
);
)sql"},
        {4, "maker FTE per team kept with the org; an index of everyone who is not a maker; managers indexed where set", R"sql(
-- Derived from person and membership, rewritten by every write to them (only import writes them), so that ratio
-- reports read one row per team instead of joining every membership to its person. team_id '' holds the maker
-- FTE that is in no team.
CREATE TABLE team_maker_fte (
  team_id TEXT PRIMARY KEY,
  fte     REAL NOT NULL
) WITHOUT ROWID;
INSERT INTO team_maker_fte(team_id, fte)
  SELECT m.team_id, total(p.fte * m.allocation) FROM membership m JOIN person p ON p.id = m.person_id
  WHERE p.family = 'maker' GROUP BY m.team_id;
INSERT INTO team_maker_fte(team_id, fte)
  SELECT '', max(0, (SELECT total(fte) FROM person WHERE family = 'maker') - (SELECT total(fte) FROM team_maker_fte));
-- Ratio reports read the tenth of people who are not makers, in id order, from this index alone.
CREATE INDEX person_not_maker ON person(id, family, fte, manager_id, name) WHERE family <> 'maker';
-- Most people manage nobody and most makers' manager is not in the org: only set references are indexed (the
-- foreign key's lookups of reports, manager_id = ?, still use it).
DROP INDEX person_manager;
CREATE INDEX person_manager ON person(manager_id) WHERE manager_id IS NOT NULL;
)sql"},
        {5, "people's HR unit (department), cost center and function", R"sql(
ALTER TABLE person ADD COLUMN unit TEXT NOT NULL DEFAULT '';
ALTER TABLE person ADD COLUMN cost_center TEXT NOT NULL DEFAULT '';
ALTER TABLE person ADD COLUMN function TEXT NOT NULL DEFAULT '';
)sql"},
        {6, "a change log of every write", R"sql(
CREATE TABLE change_log (
  id      INTEGER PRIMARY KEY,
  at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  command TEXT NOT NULL,
  user    TEXT NOT NULL,
  records TEXT NOT NULL DEFAULT '{}'
);
)sql"},
        {7, "scenarios keep the org they were created from, and when they were merged", R"sql(
ALTER TABLE scenario ADD COLUMN base_json TEXT;
ALTER TABLE scenario ADD COLUMN merged_at TEXT;
)sql"},
        {8, "snapshots: every import records the org as of a date, keeping only the rows that changed", R"sql(
CREATE TABLE snapshot (
  id       INTEGER PRIMARY KEY,
  as_of    TEXT NOT NULL UNIQUE,
  taken_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  command  TEXT NOT NULL DEFAULT '',
  -- 1: the snapshot is the org tables as they stand, not yet copied into history. Only the first snapshot is taken
  -- so, which keeps a first import as fast as without history; the next import copies it before writing.
  lazy     INTEGER NOT NULL DEFAULT 0
);
-- Each org table's rows by the snapshots they were valid in: [valid_from, valid_to), open rows have valid_to 0
-- (stored in no bytes). A row is copied only when it changes, so history grows with the changes, not the org. Keyed
-- like their tables plus valid_to, without rowid: one B-tree each, appended to in key order.
CREATE TABLE h_segment (
  id TEXT,
  name TEXT,
  valid_from INTEGER NOT NULL,
  valid_to INTEGER NOT NULL,
  PRIMARY KEY (id, valid_to)
) WITHOUT ROWID;
CREATE TABLE h_product (
  id TEXT,
  name TEXT,
  status TEXT,
  segment_id TEXT,
  valid_from INTEGER NOT NULL,
  valid_to INTEGER NOT NULL,
  PRIMARY KEY (id, valid_to)
) WITHOUT ROWID;
CREATE TABLE h_initiative (
  id TEXT,
  name TEXT,
  valid_from INTEGER NOT NULL,
  valid_to INTEGER NOT NULL,
  PRIMARY KEY (id, valid_to)
) WITHOUT ROWID;
CREATE TABLE h_account (
  id TEXT,
  name TEXT,
  segment_id TEXT,
  valid_from INTEGER NOT NULL,
  valid_to INTEGER NOT NULL,
  PRIMARY KEY (id, valid_to)
) WITHOUT ROWID;
CREATE TABLE h_team (
  id TEXT,
  name TEXT,
  type TEXT,
  product_id TEXT,
  segment_id TEXT,
  parent_unit TEXT,
  valid_from INTEGER NOT NULL,
  valid_to INTEGER NOT NULL,
  PRIMARY KEY (id, valid_to)
) WITHOUT ROWID;
CREATE TABLE h_person (
  id TEXT,
  name TEXT,
  email TEXT,
  title TEXT,
  family TEXT,
  family_source TEXT,
  level TEXT,
  pm_years REAL,
  origin TEXT,
  manager_id TEXT,
  location TEXT,
  fte REAL,
  cost REAL,
  coaching_hours REAL,
  unit TEXT,
  cost_center TEXT,
  function TEXT,
  valid_from INTEGER NOT NULL,
  valid_to INTEGER NOT NULL,
  PRIMARY KEY (id, valid_to)
) WITHOUT ROWID;
CREATE TABLE h_goal (
  id TEXT,
  function TEXT,
  objective TEXT,
  name TEXT,
  metric TEXT,
  metric_kind TEXT,
  incentive INTEGER,
  north_star INTEGER,
  counter_metric TEXT,
  theme TEXT,
  valid_from INTEGER NOT NULL,
  valid_to INTEGER NOT NULL,
  PRIMARY KEY (id, valid_to)
) WITHOUT ROWID;
CREATE TABLE h_goal_product (
  goal_id TEXT,
  product_id TEXT,
  valid_from INTEGER NOT NULL,
  valid_to INTEGER NOT NULL,
  PRIMARY KEY (goal_id, product_id, valid_to)
) WITHOUT ROWID;
CREATE TABLE h_membership (
  person_id TEXT,
  team_id TEXT,
  allocation REAL,
  valid_from INTEGER NOT NULL,
  valid_to INTEGER NOT NULL,
  PRIMARY KEY (person_id, team_id, valid_to)
) WITHOUT ROWID;
CREATE TABLE h_pm_assignment (
  pm_id TEXT,
  target_kind TEXT,
  target_id TEXT,
  share REAL,
  valid_from INTEGER NOT NULL,
  valid_to INTEGER NOT NULL,
  PRIMARY KEY (pm_id, target_kind, target_id, valid_to)
) WITHOUT ROWID;
-- An org stored before snapshots existed becomes the first snapshot, as of the day of the migration, kept in the
-- org tables themselves until the next import (see below).
INSERT INTO snapshot(id, as_of, command, lazy) SELECT 1, date('now'), 'migration', 1 WHERE EXISTS (SELECT 1 FROM person);
)sql"},
        {9, "interrupts of PMs, teams and products; task forces with their working groups and review audiences", R"sql(
-- Ids are plain text, not foreign keys: the log and task forces outlive a re-import that starts the org from nothing
-- (import --replace), and answers name ids no longer in the org instead of losing the rows.
CREATE TABLE interrupt (
  key                TEXT PRIMARY KEY, -- 'id:' and the file's id, or 'row:' and the row's content and occurrence
  date               TEXT NOT NULL,
  requester_id       TEXT NOT NULL DEFAULT '',
  requester_name     TEXT NOT NULL DEFAULT '',
  requester_function TEXT NOT NULL DEFAULT '',
  pm_id              TEXT NOT NULL DEFAULT '',
  team_id            TEXT NOT NULL DEFAULT '',
  product_id         TEXT NOT NULL DEFAULT '',
  hours              REAL NOT NULL CHECK (hours > 0),
  kind               TEXT NOT NULL,
  planned            INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX interrupt_date ON interrupt(date);
CREATE TABLE task_force (
  name      TEXT PRIMARY KEY,
  topic     TEXT NOT NULL DEFAULT '',
  products  TEXT NOT NULL DEFAULT '',
  functions TEXT NOT NULL DEFAULT '',
  created   TEXT NOT NULL
);
CREATE TABLE task_force_seat (
  task_force TEXT NOT NULL REFERENCES task_force(name) ON DELETE CASCADE,
  person_id  TEXT NOT NULL,
  role       TEXT NOT NULL CHECK (role IN ('working', 'review')),
  reason     TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (task_force, person_id)
) WITHOUT ROWID;
CREATE INDEX task_force_seat_person ON task_force_seat(person_id);
)sql"},
        // Years stored as 0 before this version stay 0: nothing tells a missing column from a PM new to the role.
        {10, "a PM's years of experience may be unknown (NULL) instead of 0", "", allow_unknown_pm_years},
        {11, "planned positions: open roles and planned departures", R"sql(
-- Team and person ids are plain text, as in the interrupt log: a position outlives a re-import that starts the org
-- from nothing, and a departure names someone who may have left by then.
CREATE TABLE position (
  id        TEXT PRIMARY KEY,
  kind      TEXT NOT NULL CHECK (kind = 'open_role' OR kind = 'departure'),
  team_id   TEXT NOT NULL DEFAULT '',
  family    TEXT NOT NULL
            CHECK ((family = 'maker' OR family = 'pm' OR family = 'product_leader' OR family = 'eng_manager' OR family = 'other')),
  fte       REAL NOT NULL DEFAULT 1 CHECK (fte > 0 AND fte <= 1),
  quarter   TEXT NOT NULL DEFAULT '',
  person_id TEXT NOT NULL DEFAULT '',
  status    TEXT NOT NULL DEFAULT 'open' CHECK (status = 'open' OR status = 'filled' OR status = 'cancelled'),
  source    TEXT NOT NULL DEFAULT ''
);
)sql"},
        {12, "users of the shared org (orgplan serve) and their API tokens", R"sql(
-- Who may sign in to `orgplan serve`, with what role, limited to whose part of the org (a person id; '' = all).
CREATE TABLE app_user (
  name          TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 64),
  role          TEXT NOT NULL CHECK (role = 'viewer' OR role = 'planner' OR role = 'hr' OR role = 'admin'),
  scope         TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  created       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
-- Bearer tokens for scripts: only a digest is kept, so the database never holds a usable token.
CREATE TABLE api_token (
  id        TEXT PRIMARY KEY,
  user_name TEXT NOT NULL REFERENCES app_user(name) ON DELETE CASCADE,
  digest    TEXT NOT NULL UNIQUE,
  created   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  revoked   TEXT
);
CREATE INDEX api_token_user ON api_token(user_name);
)sql"},
        {13, "scenarios have an owner, a review status, a version and their changes as steps; sharing and reviews",
         R"sql(
ALTER TABLE scenario ADD COLUMN owner TEXT NOT NULL DEFAULT '';
ALTER TABLE scenario ADD COLUMN status TEXT NOT NULL DEFAULT 'draft'
  CHECK (status IN ('draft', 'in_review', 'approved', 'rejected', 'merged'));
-- Grows with every write to the scenario: a browser edit based on an older version is refused (If-Match).
ALTER TABLE scenario ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
-- Each change as the options of `scenario apply` for it, who made it and when; NULL for scenarios whose changes
-- were kept only as text (those cannot be undone).
ALTER TABLE scenario ADD COLUMN steps TEXT;
UPDATE scenario SET status = 'merged' WHERE merged_at IS NOT NULL;
-- Who else may open a scenario (edit 0) or change it too (edit 1). User names are plain text like the change log's:
-- a removed user's shares simply match nobody.
CREATE TABLE scenario_share (
  scenario  TEXT NOT NULL REFERENCES scenario(name) ON DELETE CASCADE,
  user_name TEXT NOT NULL,
  edit      INTEGER NOT NULL DEFAULT 0 CHECK (edit IN (0, 1)),
  PRIMARY KEY (scenario, user_name)
) WITHOUT ROWID;
-- The review of a scenario: submissions, approvals, rejections, with comments; and whom a submission asks.
CREATE TABLE scenario_review (
  id        INTEGER PRIMARY KEY,
  scenario  TEXT NOT NULL REFERENCES scenario(name) ON DELETE CASCADE,
  at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  user_name TEXT NOT NULL,
  action    TEXT NOT NULL CHECK (action IN ('submit', 'approve', 'reject', 'withdraw', 'merge')),
  comment   TEXT NOT NULL DEFAULT '',
  approvers TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX scenario_review_scenario ON scenario_review(scenario, id);
)sql"},
        {14, "scenarios store what they change over a copy-on-write base, not a copy of the org", R"sql(
-- The org as it was when scenarios were made from it: the live tables, with the rows written since put back (kept
-- by triggers that exist only while a base does; storage/scenario_base.hpp). `settings` are the org's then.
CREATE TABLE scenario_base (
  id        INTEGER PRIMARY KEY,
  opened_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  settings  TEXT NOT NULL
);
-- A scenario with a base stores only its changed records in `delta` (org_json is then ''); older scenarios keep
-- their copies in org_json and base_json.
ALTER TABLE scenario ADD COLUMN base_id INTEGER REFERENCES scenario_base(id);
ALTER TABLE scenario ADD COLUMN delta TEXT;
)sql"},
        {15, "the people whose family no title rule set, found without reading everyone", R"sql(
-- The data-gap notes and the report ask for these few on every answer: a million-person org read whole for them
-- took a tenth of a second.
CREATE INDEX person_family_not_rule ON person(family_source) WHERE family_source <> 'rule';
)sql"},
    };
    return all;
}

int latest_schema_version() { return migrations().back().version; }

void migrate(SQLite::Database& db, const std::string& path, int up_to) {
    const int target = up_to < 0 ? latest_schema_version() : up_to;
    auto check = [&](int current) {
        if (current > latest_schema_version())
            throw Error(path + ": the database has schema version " + std::to_string(current) +
                        " but this orgplan knows only up to " + std::to_string(latest_schema_version()) +
                        "; use a newer orgplan (the database was left untouched)");
        return current < target;
    };
    if (!check(db.execAndGet("PRAGMA user_version").getInt())) return;
    // The version is read again inside the write transaction: another process may have migrated (or created) the
    // schema between the first read and the lock.
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    const int current = db.execAndGet("PRAGMA user_version").getInt();
    if (!check(current)) return;
    for (const auto& m : migrations()) {
        if (m.version <= current || m.version > target) continue;
        if (!m.sql.empty()) db.exec(m.sql);
        if (m.apply) m.apply(db);
        db.exec("PRAGMA user_version = " + std::to_string(m.version));
    }
    tx.commit();
}

} // namespace orgplan
