// All-or-nothing import of org records from CSV and JSON files.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "orgplan/database.hpp"
#include "orgplan/record_source.hpp"
#include "orgplan/title_rules.hpp"

namespace orgplan {

/// Reports long work: stage name, records done, records expected (0 when unknown).
using ProgressFn = std::function<void(std::string_view stage, std::size_t done, std::size_t total)>;

struct ImportOptions {
    bool replace = false;   ///< delete the org before writing (settings are kept)
    bool dry_run = false;   ///< validate everything, write nothing
    std::string kind;       ///< force the kind of every CSV file / JSON array; empty: from the file name
    ColumnMap mapping;      ///< our column name -> the file's header
    const TitleRules* rules = nullptr; ///< required: classifies titles without an explicit family
    std::size_t max_problems = 50;     ///< problems listed; all are counted
    ProgressFn progress;               ///< optional
};

struct ImportSummary {
    std::map<std::string, std::size_t> records; ///< kind -> records read
    std::size_t unmatched_titles = 0;           ///< distinct titles no rule matched (family `other`)
    bool written = false;
    /// Columns no kind uses, as "file: column 'x' is not used (did you mean 'y'?)": a misspelt header would
    /// otherwise lose its data silently.
    std::vector<std::string> ignored_columns;
};

/// The kinds of record, in the order they are written.
const std::vector<std::string>& record_kinds();
/// File stem or JSON key to kind: "people", "employees_2026" -> "people"; "" when unknown.
std::string kind_of_name(const std::string& name);

/// Reads every file (a directory stands for the .csv and .json files in it), validates the merged org
/// and writes it in one transaction. On any problem throws InputErrors listing them all (up to
/// max_problems) and leaves the database exactly as it was; other failures throw orgplan::Error.
ImportSummary import_org(Database& db, const std::vector<std::string>& paths, const ImportOptions& options);

} // namespace orgplan
