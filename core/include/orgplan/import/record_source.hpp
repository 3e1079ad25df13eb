// Tabular records from CSV or JSON files, with the user's column mapping applied.
#pragma once

#include "orgplan/import/csv.hpp"

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace orgplan {

/// Maps our column names to the names used in the user's files, e.g. title -> "Job Title".
using ColumnMap = std::map<std::string, std::string>;

/// Reads `name=Header` lines (blank lines and '#' comments skipped); throws InputErrors on bad lines.
ColumnMap parse_column_map_file(const std::string& path);
/// Parses one `name=Header` argument of --map; throws orgplan::Error when there is no '='.
std::pair<std::string, std::string> parse_column_map_arg(const std::string& arg);

/// One record: its location and its values aligned with RecordSource::columns(). The values are views into text
/// the source keeps: valid as long as the source, so a million records need no copies.
struct Record {
    long position = 0;                    ///< line (CSV) or 1-based record number (JSON)
    std::vector<std::string_view> values;
    /// Columns this record does not have at all (a JSON object without the key), aligned with values; empty when
    /// the record has every column (CSV). Absent differs from empty: an absent column leaves a stored value alone.
    std::vector<bool> absent;
};

/// A stream of records of one kind from one file.
class RecordSource {
public:
    virtual ~RecordSource() = default;
    /// Column names as our canonical names where the file or the mapping names them, in file order;
    /// names are lower-cased and trimmed.
    virtual const std::vector<std::string>& columns() const = 0;
    virtual bool next(Record& record) = 0;
    /// About how many records follow (at least as many), so callers can reserve room once.
    virtual std::size_t size_hint() const = 0;
    /// True when positions count records rather than lines.
    virtual bool positions_are_records() const = 0;
    virtual const std::string& source() const = 0;
    /// Index of a canonical column or -1.
    int column(const std::string& name) const;

    /// For a parse on two threads: stops this source at a line break near the middle of what it has left and
    /// returns a source of the records from there on, which views this one's text (keep this source alive as long
    /// as that one and its records). nullptr when it cannot split (JSON; no line break past the middle).
    virtual std::unique_ptr<RecordSource> split_half() { return nullptr; }
    /// Once this source ran out after split_half(): true when its last record ended where the other half starts, so
    /// the two read as the whole would. Otherwise (a quoted field with a line break spanned the middle) the other
    /// half must be dropped, and this source reads on to the end.
    virtual bool rejoin() { return true; }
};

/// One kind's worth of records found in a file: CSV files hold one kind (named by the file or --kind);
/// a JSON file holds either an array (one kind) or an object whose keys are kinds.
struct KindedSource {
    std::string kind;
    std::unique_ptr<RecordSource> records;
};

/// Opens `path`. `forced_kind` overrides kind detection for CSV files and JSON arrays; `kind_of_name`
/// turns a file stem or JSON key into a kind ("" when unknown). A file over `max_file_size` bytes is refused
/// unread. Throws orgplan::Error with the path.
std::vector<KindedSource> open_records(const std::string& path, const std::string& forced_kind,
                                       const ColumnMap& mapping,
                                       std::string (*kind_of_name)(const std::string&),
                                       std::uint64_t max_file_size = kDefaultMaxFileSize);

} // namespace orgplan
