// Maps one file's header onto the columns of its kind: synonyms, --set constants, missing and doubled columns.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "columns.hpp"
#include "orgplan/import/record_source.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/storage/org_writer.hpp"
#include "problems.hpp"

namespace orgplan::importing {

class HeaderMap {
public:
    /// Maps `source`'s header onto `specs`, reporting at `header` a required column missing, a column given twice or
    /// under two names. `constants` (column -> value, from --set) stand in for columns the file lacks; records
    /// parsed through this map view their values, so `constants` must outlive the records (ImportOptions does).
    HeaderMap(const RecordSource& source, const std::vector<ColumnSpec>& specs,
              const std::map<std::string, std::string>& constants, Problems& problems, Loc header);

    /// False when the header has a problem: the file's records are not read.
    bool ok() const { return ok_; }
    /// Notes on columns no spec uses, with the closest known name ("did you mean"); empty when not ok().
    const std::vector<std::string>& unused_columns() const { return unused_; }
    /// The --set columns this file lacked, so their constant was used.
    const std::set<std::string>& constants_used() const { return used_; }

    bool has(std::string_view name) const { return index_of(name) >= 0 || index_of(name) == kConstant; }
    /// Whether the record has the column at all (JSON records may lack keys that others have).
    bool present(const Record& r, std::string_view name) const {
        const int i = index_of(name);
        return i == kConstant || (i >= 0 && (r.absent.empty() || !r.absent[static_cast<std::size_t>(i)]));
    }
    /// The record's columns as bits over `columns` (updatable_columns of its kind).
    ColumnSet present_columns(const Record& r, const std::vector<std::string_view>& columns) const;
    /// The trimmed value of a column of this kind, empty when the file lacks it. A view into the record's text.
    std::string_view get(const Record& r, std::string_view name) const;

private:
    void check_duplicate_columns(const RecordSource& source, Problems& problems, Loc header);
    void note_unused_columns(const RecordSource& source, const std::vector<ColumnSpec>& specs);
    // A kind has at most fifteen columns: a scan of short names beats a map on every field of every record, and
    // comparing sizes and first letters first spares nearly every full comparison (20 lookups per person).
    // -1 when the file lacks the column or the kind has no such column.
    int index_of(std::string_view name) const {
        if (name.empty()) return -1;
        for (const auto& [column, index] : index_)
            if (column.size() == name.size() && column[0] == name[0] && column == name) return index;
        return -1;
    }
    std::string_view constant(std::string_view name) const;

    static constexpr int kConstant = -2; // index_ value of a column given by --set
    // present_columns of a record with every column (a CSV file's), for the last list of columns asked about.
    mutable const std::vector<std::string_view>* every_record_for_ = nullptr;
    mutable ColumnSet every_record_ = 0;
    bool ok_ = true;
    std::vector<std::pair<std::string_view, int>> index_; // our column name (from column_specs) -> file column
    std::vector<std::pair<std::string_view, std::string_view>> constants_; // --set values this file uses
    std::vector<std::string> unused_;
    std::set<std::string> used_;
};

/// Levenshtein distance, for suggesting the column a misspelt header meant.
std::size_t edit_distance(const std::string& a, const std::string& b);

} // namespace orgplan::importing
