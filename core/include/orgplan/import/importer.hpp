// All-or-nothing import of org records from CSV and JSON files.
#pragma once

#include "orgplan/import/csv.hpp"

#include <cstddef>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "orgplan/storage/database.hpp"
#include "orgplan/import/record_source.hpp"
#include "orgplan/model/title_rules.hpp"

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
    /// Column -> constant for files that lack the column (`--set kind=team`); a file's own column wins.
    std::map<std::string, std::string> constants;
    /// Kinds whose records a reference may create by id, named after the id (`--create-missing products,segments`):
    /// any of segments, products, initiatives, accounts, teams.
    std::set<std::string> create_missing;
    /// How the change log names this import ("import --replace"); empty: "import".
    std::string log_command;
    /// Who the change log names (a signed-in user of the server); empty: the OS user.
    std::string log_user;
    /// More facts for the change log entry (an edit's old and new values).
    nlohmann::json log_facts = nlohmann::json::object();
    /// Called inside the write lock before anything stored is read: throws to refuse the import (a record edited
    /// since the version the caller saw). Optional.
    std::function<void(Database&)> precondition;
    /// Called once everything is written, before the commit: false rolls it all back (a preview of what an import
    /// would change). Optional.
    std::function<bool(Database&)> before_commit;
    /// The date the import's snapshot stands for (YYYY-MM-DD); empty: today.
    std::string as_of;
    /// Files larger than this are refused before they are read (`--max-file-size`).
    std::uint64_t max_file_size = kDefaultMaxFileSize;
};

struct ImportSummary {
    std::map<std::string, std::size_t> records; ///< kind -> records read
    std::size_t unmatched_titles = 0;           ///< distinct titles no rule matched (family `other`)
    bool written = false;
    /// Columns no kind uses, as "file: column 'x' is not used (did you mean 'y'?)": a misspelt header would
    /// otherwise lose its data silently.
    std::vector<std::string> ignored_columns;
    /// Records created because something referred to them (ImportOptions::create_missing): kind -> ids.
    std::map<std::string, std::vector<std::string>> created;
    /// Notes on what the import decided for the user, e.g. shares split evenly.
    std::vector<std::string> notes;
};

/// The kinds `--create-missing` accepts.
const std::vector<std::string>& creatable_kinds();
/// Throws orgplan::Error unless some kind of record has `column` (a --set name).
void check_constant_column(const std::string& column);

/// The kinds of record, in the order they are written.
const std::vector<std::string>& record_kinds();
/// File stem or JSON key to kind: "people", "employees_2026" -> "people"; "" when unknown.
std::string kind_of_name(const std::string& name);

/// Reads every file (a directory stands for the .csv and .json files in it), validates the merged org
/// and writes it in one transaction. On any problem throws InputErrors listing them all (up to
/// max_problems) and leaves the database exactly as it was; other failures throw orgplan::Error.
ImportSummary import_org(Database& db, const std::vector<std::string>& paths, const ImportOptions& options);

} // namespace orgplan
