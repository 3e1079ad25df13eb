// Writing the org: records as an import brings them, upserted column by column with statements reused across rows.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "orgplan/base/packed_text.hpp"
#include "orgplan/org.hpp"
#include "orgplan/storage/database.hpp"

namespace orgplan {

/// How a person's family was decided, kept for `orgplan roles`.
struct FamilyOrigin {
    enum class Source : std::uint8_t { column, rule, unmatched };
    Source source = Source::column;
    const std::string* rule = nullptr; ///< the matching pattern when source is rule, kept by the title rules
    /// As stored: "column", "rule" or "unmatched".
    std::string_view source_name() const;
};

/// A person as an import writes them: text as views into the files read (they outlive the write), the rest parsed.
/// Views are packed (eight bytes each): an import holds a million of these.
struct PersonRow {
    PackedText id, name, email, title, level, manager_id, location, unit, cost_center, function;
    Family family = Family::other;
    Origin origin = Origin::unknown; // beside the family: no padding after either (a million records)
    OptionalNumber pm_years;
    double fte = 1.0;
    OptionalNumber cost, coaching_hours;
};

/// A person of an org as a row to write: views of `p`, which must outlive the row.
PersonRow person_row(const Person& p);

/// A membership as an import writes it; see PersonRow.
struct MembershipRow {
    PackedText person_id, team_id;
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
    explicit OrgWriter(Database& db);
    ~OrgWriter();
    OrgWriter(const OrgWriter&) = delete;
    OrgWriter& operator=(const OrgWriter&) = delete;

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
    /// other inserts. `p` must stay alive until flush(); `how` is copied (an import keeps it as two fields).
    void insert(const PersonRow& p, FamilyOrigin how);
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
        FamilyOrigin how;
    };
    void clear_assignments(const std::string& pm_id);
    /// Removes the assignments of everyone whose family is pm (a principle's proposal replaces them); a product
    /// leader's own coverage as player-coach stays.
    void clear_pm_assignments();
    void put(const Assignment& a);

private:
    struct Statements;
    Database& db_;
    std::unique_ptr<Statements> s_;
};

} // namespace orgplan
