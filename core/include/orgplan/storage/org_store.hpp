// Reading the org snapshot from the database and writing records into it.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <unordered_set>
#include <vector>
#include <string_view>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "orgplan/org.hpp"
#include "orgplan/model/reporting_lines.hpp"
#include "orgplan/storage/row_statement.hpp"

namespace orgplan {

/// How much of each person to read: `lean` keeps what analysis and import validation need (id, email, family,
/// FTE, manager, PM experience and origin, coaching hours) and the names of PMs and leaders, and leaves other
/// text empty;
/// `no_makers` keeps only id, name, family, FTE and manager of everyone who is not a maker, only PMs' memberships,
/// and teams without type and parent unit, for ratio reports that take makers from load_maker_totals() instead
/// (plugins always get the whole org).
enum class PersonDetail { full, lean, no_makers };

/// Maker FTE per team id, one entry per team with makers, and the maker FTE allocated to no team.
struct MakerTotals {
    std::vector<std::pair<std::string, double>> team_fte;
    double unallocated = 0;
};
/// Whether a person with this id is stored.
bool person_exists(SQLite::Database& db, const std::string& id);
/// Ids of stored people whose family came from a family column (not from title rules).
std::unordered_set<std::string> people_with_family_column(SQLite::Database& db);

/// Reads the totals the last write stored (table team_maker_fte): one row per team, no join over people.
MakerTotals load_maker_totals(SQLite::Database& db);
/// Replaces the stored totals; every write of people or memberships calls it in the same transaction.
void store_maker_totals(SQLite::Database& db, const MakerTotals& totals);
/// Recomputes the stored maker totals from the people and memberships (after a write other than an import).
void refresh_maker_totals(SQLite::Database& db);

/// Reads the whole org, all of it from one commit (inside the caller's transaction, or a read transaction of its
/// own). Rows come back ordered by id so output is stable run to run.
Org load_org(SQLite::Database& db, PersonDetail detail = PersonDetail::full);

/// How each person's role family was set by the import: person id -> "column", "rule" or "unmatched". With
/// `unmatched_only`, only the people whose title no rule matched (a gap every answer counting families rests on).
std::unordered_map<std::string, std::string> load_family_sources(SQLite::Database& db, bool unmatched_only = false);

/// Everyone's reporting line, in id order, with the text the lines view (spans and layers need no more).
ReportingLines load_reporting_lines(SQLite::Database& db);

/// People grouped by title, family and how the family was set, with the rule pattern that matched: orgplan roles.
struct TitleClass {
    std::string title, family, source, pattern;
    long long people = 0;
};
/// Unmatched titles first, then the most common; only unmatched ones with `unmatched_only`.
std::vector<TitleClass> load_title_classes(SQLite::Database& db, bool unmatched_only);

/// How a person's family was decided, kept for `orgplan roles`.
/// Views into the title rules, which outlive the write.
struct FamilyOrigin {
    std::string_view source; ///< column, rule or unmatched
    std::string_view rule;   ///< the matching pattern when source is rule
};

/// A person as an import writes them: text as views into the files read (they outlive the write), the rest parsed.
struct PersonRow {
    std::string_view id, name, email, title, level, manager_id, location, unit, cost_center, function;
    Family family = Family::other;
    std::optional<double> pm_years;
    Origin origin = Origin::unknown;
    double fte = 1.0;
    std::optional<double> cost, coaching_hours;
};

/// A membership as an import writes it; see PersonRow.
struct MembershipRow {
    std::string_view person_id, team_id;
    double allocation = 1.0;
};

/// Which stored columns an upsert overwrites when the record exists already; bit i stands for entry i of
/// updatable_columns(). A column an input file does not have keeps its stored value; a new record gets the
/// value given (the default when the column was absent).
using ColumnSet = std::uint32_t;
inline constexpr ColumnSet kAllColumns = ~ColumnSet{0};

/// The columns of a kind ("people", "teams", "products", "accounts", "segments", "initiatives", "goals") that an
/// update may overwrite, named as in input files; ids are not among them. For people, "family" covers the family
/// and how it was decided. Throws std::out_of_range for another kind.
const std::vector<std::string_view>& updatable_columns(std::string_view kind);
/// The bit of `column` in a ColumnSet of `kind`; 0 for a column that is not updatable.
ColumnSet column_bit(std::string_view kind, std::string_view column);

/// Upserts records with prepared statements reused across rows. The caller owns the transaction.
class OrgWriter {
public:
    explicit OrgWriter(SQLite::Database& db);

    /// Deletes every org record (settings are kept).
    void clear();
    void put(const Segment& s, ColumnSet update = kAllColumns);
    void put(const Product& p, ColumnSet update = kAllColumns);
    void put(const Initiative& i, ColumnSet update = kAllColumns);
    void put(const Account& a, ColumnSet update = kAllColumns);
    void put(const Team& t, ColumnSet update = kAllColumns);
    /// Upserts a person; of a stored person only the columns in `update` change.
    void put(const PersonRow& p, const FamilyOrigin& how, ColumnSet update = kAllColumns);
    /// Like put() for a person known not to be stored yet: a plain insert, cheaper than an upsert, batched with
    /// other inserts. `p` and `how` must stay alive until flush().
    void insert(const PersonRow& p, const FamilyOrigin& how);
    /// Records which rule classified a title (for `orgplan roles`).
    void put_title_match(std::string_view title, std::string_view pattern);
    /// Upserts a goal; its products are replaced only when `update` has "products".
    void put(const Goal& g, ColumnSet update = kAllColumns);
    /// Deletes one record of `kind` (segments, products, initiatives, accounts, teams, people, goals) by id; rows
    /// that refer to it follow the schema's foreign keys.
    void erase(std::string_view kind, const std::string& id);
    /// Removes a person's memberships before their new ones are put.
    void clear_memberships(const std::string& person_id);
    /// Inserts a membership, batched; the person's stored memberships must have been cleared (or there were none),
    /// and the same person and team may not come twice. The views must stay alive until flush().
    void put(const MembershipRow& m);
    /// Writes batched inserts still pending; call it before the transaction commits.
    void flush();

    /// A batched person insert: the row and how its family was decided.
    struct PersonToWrite {
        const PersonRow* person;
        const FamilyOrigin* how;
    };
    void clear_assignments(const std::string& pm_id);
    /// Removes the assignments of everyone whose family is pm (a principle's proposal replaces them); a product
    /// leader's own coverage as player-coach stays.
    void clear_pm_assignments();
    void put(const Assignment& a);

private:
    /// The prepared upsert of `kind` that overwrites `update`, made on first use: one file gives one set for all its
    /// records, so a few statements serve an import.
    SQLite::Statement& upsert(std::string_view kind, ColumnSet update);

    SQLite::Database& db_;
    std::map<std::pair<std::string_view, ColumnSet>, std::unique_ptr<SQLite::Statement>> upserts_;
    // Person and membership rows come by the million: they bind views (RowStatement).
    BatchInsert<PersonToWrite> person_insert_;
    std::map<ColumnSet, std::unique_ptr<RowStatement>> person_upserts_;
    SQLite::Statement goal_products_clear_, goal_product_, membership_clear_;
    BatchInsert<MembershipRow> membership_;
    SQLite::Statement assignment_clear_, assignment_, title_match_;
};

} // namespace orgplan
