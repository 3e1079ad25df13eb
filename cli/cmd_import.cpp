#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <set>

#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

#include "context.hpp"
#include "orgplan/import/csv.hpp"
#include "orgplan/storage/bulk_write.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/storage/history.hpp"
#include "orgplan/import/importer.hpp"
#include "orgplan/base/text.hpp"

namespace orgplan::cli {
namespace {

// A new database is built under a private name beside the target and linked into place only when the import
// succeeded: a failed first import leaves nothing behind and never deletes a database another process created
// meanwhile.
std::string staging_name(const std::string& path) { return staging_path(path, ::getpid()); }

void remove_db_files(const std::string& path) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path + suffix, ec);
}

// Writes a file's data to disk: a staging database is written without syncs, and must be whole before it is linked.
void sync_file(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    const bool synced = fd >= 0 && ::fsync(fd) == 0;
    const int error = errno;
    if (fd >= 0) ::close(fd);
    if (!synced)
        throw DatabaseError(path + ": cannot write the new database to disk (" + std::strerror(error) +
                            "); nothing was written");
}

// Moves a finished staging database to `path`; false when another process created `path` in the meantime.
bool publish(const std::string& staging, const std::string& path) {
    sync_file(staging);
    if (::link(staging.c_str(), path.c_str()) != 0) {
        const int error = errno;
        remove_db_files(staging);
        if (error == EEXIST) return false;
        throw DatabaseError(path + ": cannot create the database (" + std::strerror(error) + "); nothing was written");
    }
    remove_db_files(staging);
    return true;
}

// --map-file lines, then --map NAME=HEADER pairs (which override the file's): each column read from one header, and
// each header feeding one column. A header named for two columns would silently feed only one of them.
ColumnMap mapping_of(const std::string& map_file, const std::vector<std::string>& maps) {
    ColumnMap mapping = map_file.empty() ? ColumnMap{} : parse_column_map_file(map_file);
    std::set<std::string> given;
    for (const auto& m : maps) {
        std::pair<std::string, std::string> pair;
        try {
            pair = parse_column_map_arg(m);
        } catch (const Error& e) {
            throw UsageError(e.what());
        }
        if (!given.insert(pair.first).second)
            throw UsageError("--map " + pair.first + " is given twice; keep one");
        mapping.insert_or_assign(pair.first, pair.second);
    }
    std::map<std::string, std::string> column_of_header;
    for (const auto& [column, header] : mapping) {
        const auto [at, fresh] = column_of_header.emplace(text::lower(text::trim(header)), column);
        if (!fresh)
            throw UsageError("--map: header '" + header + "' is mapped to both " + at->second + " and " + column +
                             "; a header feeds one column: map it once, and give the other column its own header "
                             "(or --set COLUMN=VALUE for a constant)");
    }
    return mapping;
}

// --set COLUMN=VALUE pairs: known columns, each once.
std::map<std::string, std::string> constants_of(const std::vector<std::string>& given) {
    std::map<std::string, std::string> out;
    for (const auto& c : given) {
        const auto eq = c.find('=');
        if (eq == std::string::npos || eq == 0)
            throw UsageError("--set '" + c + "': expected COLUMN=VALUE, e.g. --set kind=team");
        const auto column = text::normalise_key(c.substr(0, eq));
        try {
            check_constant_column(column);
        } catch (const Error& e) {
            throw UsageError(e.what());
        }
        if (!out.emplace(column, c.substr(eq + 1)).second)
            throw UsageError("--set " + column + " is given twice; keep one");
    }
    return out;
}

// --create-missing lists: kinds that may be created by reference.
std::set<std::string> creatable_of(const std::vector<std::string>& lists) {
    std::set<std::string> out;
    for (const auto& list : lists)
        for (const auto& given : text::split_commas(list)) {
            const auto k = text::normalise_key(given);
            if (k.empty()) continue;
            const auto& kinds = creatable_kinds();
            if (std::find(kinds.begin(), kinds.end(), k) == kinds.end())
                throw UsageError("--create-missing '" + k + "': use segments, products, initiatives, accounts or teams");
            out.insert(k);
        }
    return out;
}

// What an import says it did: records per kind, what it created, notes.
Output import_answer(const ImportSummary& summary, const std::string& path, bool replace, bool dry_run) {
    std::size_t total = 0;
    for (const auto& [k, n] : summary.records) total += n;
    Table table({{"kind", "kind"}, {"records", "records"}});
    for (const auto& k : record_kinds())
        if (auto it = summary.records.find(k); it != summary.records.end())
            table.add({k, static_cast<long long>(it->second)});
    auto output = Output::of(std::move(table), {{"ok", true},
                                                {"db", path},
                                                {"written", summary.written},
                                                {"replaced", replace && summary.written},
                                                {"records", summary.records},
                                                {"unmatched_titles", summary.unmatched_titles},
                                                {"ignored_columns", summary.ignored_columns},
                                                {"created", summary.created},
                                                {"notes", summary.notes}});
    output.title = "import";
    output.sections[0].json_key.clear(); // JSON gives records as an object by kind
    output.notes.push_back(dry_run ? fmt::format("dry run: {} records are valid; nothing was written to {}", total, path)
                                   : fmt::format("{} {} records into {}", replace ? "replaced the org with" : "imported",
                                                 total, path));
    for (const auto& [k, ids] : summary.created) {
        std::string list;
        for (std::size_t i = 0; i < ids.size() && i < 10; ++i) list += (i ? ", " : "") + ids[i];
        if (ids.size() > 10) list += fmt::format(" and {} more", ids.size() - 10);
        output.notes.push_back(fmt::format("{} {} {} referred to and defined nowhere: {}",
                                           dry_run ? "would create" : "created", ids.size(), k, list));
    }
    if (summary.unmatched_titles)
        output.notes.push_back(std::to_string(summary.unmatched_titles) +
                               " people have titles no rule matched and count as 'other'; see orgplan roles --unmatched");
    return output;
}

// Everything import's options can say.
struct ImportRun {
    Common common;
    std::vector<std::string> files, maps, constants, create_missing;
    std::string kind, map_file, rules_file, as_of, max_file_size;
    bool replace = false, dry_run = false;
    std::size_t max_errors = 50;
};

po::options_description import_options(ImportRun& r) {
    po::options_description desc("import options");
    desc.add_options()
        ("file", po::value(&r.files)->value_name("FILE"), "CSV or JSON file, or a directory of them")
        ("replace", po::bool_switch(&r.replace), "replace the whole org instead of updating it")
        ("dry-run", po::bool_switch(&r.dry_run), "validate everything, write nothing")
        ("kind", choice_option(r.kind, "--kind", record_kinds())->value_name("KIND"),
         ("what every file holds (" + text::join(record_kinds(), ", ") + "); default: from each file's name").c_str())
        ("map", po::value(&r.maps)->value_name("NAME=HEADER"),
         "read column NAME from the file's HEADER, e.g. --map title=\"Job Title\" (repeatable)")
        ("map-file", po::value(&r.map_file)->value_name("FILE"), "NAME=HEADER lines, one per column")
        ("rules", po::value(&r.rules_file)->value_name("FILE"),
         "title rules CSV (default: $ORGPLAN_RULES, else the built-in data/title_rules.csv)")
        ("set", po::value(&r.constants)->value_name("COLUMN=VALUE"),
         "a value for a column the files lack, e.g. --set kind=team for a coverage file of PMs and squads "
         "(repeatable; a file's own column wins)")
        ("create-missing", po::value(&r.create_missing)->value_name("KINDS"),
         "create records that are referred to but defined nowhere, by id (name = id): any of segments, products, "
         "initiatives, accounts, teams, comma-separated")
        ("as-of", date_option(r.as_of, "--as-of")->value_name("YYYY-MM-DD"),
         "the date this data stands for: the import's snapshot (default today; not before the latest snapshot)")
        ("max-errors", whole_option(r.max_errors, "--max-errors", 1, 1000000)->value_name("N"), "problems listed (all are counted; default 50)")
        ("max-file-size", po::value(&r.max_file_size)->value_name("SIZE"),
         "refuse files larger than SIZE, e.g. 2G (default 512M)");
    add_common(desc, r.common);
    return desc;
}

// The core's import options from the command line; `rules` must outlive them.
ImportOptions options_of(const ImportRun& r, const TitleRules& rules) {
    ImportOptions options;
    options.replace = r.replace;
    options.dry_run = r.dry_run;
    options.kind = r.kind;
    options.max_problems = r.max_errors;
    if (!r.max_file_size.empty()) {
        const auto size = parse_size(r.max_file_size);
        if (!size || *size == 0)
            throw UsageError("--max-file-size '" + r.max_file_size + "': give a size such as 512M, 2G or 100000000");
        options.max_file_size = *size;
    }
    options.as_of = r.as_of; // checked when parsed
    options.log_command =
        std::string("import") + (r.replace ? " --replace" : "") + (r.kind.empty() ? "" : " --kind " + r.kind);
    for (const auto& f : r.files) options.log_command += " " + std::filesystem::path(f).filename().string();
    options.mapping = mapping_of(r.map_file, r.maps);
    options.constants = constants_of(r.constants);
    options.create_missing = creatable_of(r.create_missing);
    options.rules = &rules;
    options.progress = terminal_progress();
    return options;
}

// Imports into the database at `path`. A first import goes into a private staging copy published whole; when another
// process created the database first, the import goes into theirs, as an update. A dry run reads the stored org, or
// validates against an empty one and creates nothing.
ImportSummary import_into(const std::string& path, const ImportRun& r, const ImportOptions& options) {
    remove_orphaned_staging(path); // a first import killed midway left its private copy behind
    ImportSummary summary;
    std::string staging;
    try {
        for (bool done = false; !done;) {
            const bool existed = std::filesystem::exists(path);
            const std::string target = r.dry_run ? (existed ? path : ":memory:") : existed ? path : staging_name(path);
            if (target != path && target != ":memory:") staging = target;
            {
                Database db(target, r.dry_run && existed ? Database::Open::read : Database::Open::create);
                std::optional<UnpublishedWrite> unpublished; // a staging copy: published whole, or deleted
                if (!staging.empty()) unpublished.emplace(db);
                summary = import_org(db, r.files, options);
                if (unpublished) unpublished->finish();
            }
            done = staging.empty() || publish(staging, path);
            staging.clear();
        }
    } catch (...) {
        finish_progress();
        if (!staging.empty()) remove_db_files(staging);
        throw;
    }
    finish_progress();
    return summary;
}

// What a failed import found, for a script or a spreadsheet: JSON's problem list (each with its "line", or its
// "record" in a JSON source), a CSV or workbook to work through. The terminal has it on stderr already.
Output problems_answer(const InputErrors& e, const std::string& path) {
    Table table({{"file", "file"}, {"line", "line"}, {"record", "record"}, {"field", "field"}, {"message", "message"}});
    for (const auto& p : e.problems()) {
        const Cell at = static_cast<long long>(p.line);
        table.add({p.file, p.is_record ? Cell{Omitted{}} : at, p.is_record ? at : Cell{Omitted{}}, p.field, p.message});
    }
    Output failed;
    failed.title = fmt::format("import: {} problem{}, nothing written", e.total(), e.total() == 1 ? "" : "s");
    failed.sections.push_back({"", std::move(table), "problems"});
    failed.sections[0].hidden_in_table = HiddenInTable::always;
    failed.fields = {{"ok", false}, {"db", path}, {"problem_count", e.total()}};
    return failed;
}

} // namespace

int cmd_import(const Args& args) {
    ImportRun run;
    auto desc = import_options(run);
    po::positional_options_description pos;
    pos.add("file", -1);
    if (!parse(args, desc, pos, run.common, "orgplan import FILE|DIR... [--replace] [--dry-run] [--map NAME=HEADER]"))
        return 0;
    if (run.files.empty())
        throw UsageError("import needs at least one file or directory\nusage: orgplan import FILE|DIR...");
    const auto rules = title_rules(run.rules_file);
    const auto options = options_of(run, rules);
    const auto path = db_path(run.common);
    ImportSummary summary;
    try {
        summary = import_into(path, run, options);
    } catch (const InputErrors& e) {
        emit(problems_answer(e, path), run.common);
        throw;
    }
    if (summary.written) note_written("the import was written to " + path);
    for (const auto& warning : summary.ignored_columns) std::cerr << "orgplan import: note: " << warning << "\n";
    for (const auto& note : summary.notes) std::cerr << "orgplan import: note: " << note << "\n";
    emit(import_answer(summary, path, run.replace, run.dry_run), run.common);
    return 0;
}

} // namespace orgplan::cli
