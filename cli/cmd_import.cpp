#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "context.hpp"
#include "orgplan/csv.hpp"
#include "orgplan/database.hpp"
#include "orgplan/importer.hpp"

namespace orgplan::cli {
namespace {

TitleRules load_rules(const std::string& flag) {
    std::string path = flag;
    if (path.empty())
        if (const char* env = std::getenv("ORGPLAN_RULES"); env && *env) path = env;
    if (path.empty()) return TitleRules::builtin();
    return TitleRules::parse(read_file(path), path);
}

// A database file this run created is removed again when the import fails, so a failed first import
// leaves nothing behind.
void remove_db_files(const std::string& path) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix, ec);
}

} // namespace

int cmd_import(const Args& args) {
    Common common;
    std::vector<std::string> files, maps;
    std::string kind, map_file, rules_file;
    bool replace = false, dry_run = false;
    std::size_t max_errors = 50;
    po::options_description desc("import options");
    desc.add_options()
        ("file", po::value(&files)->value_name("FILE"), "CSV or JSON file, or a directory of them")
        ("replace", po::bool_switch(&replace), "replace the whole org instead of updating it")
        ("dry-run", po::bool_switch(&dry_run), "validate everything, write nothing")
        ("kind", po::value(&kind)->value_name("KIND"),
         "what every file holds (people, teams, memberships, assignments, products, segments, initiatives, "
         "accounts, goals); default: from each file's name")
        ("map", po::value(&maps)->value_name("NAME=HEADER"),
         "read column NAME from the file's HEADER, e.g. --map title=\"Job Title\" (repeatable)")
        ("map-file", po::value(&map_file)->value_name("FILE"), "NAME=HEADER lines, one per column")
        ("rules", po::value(&rules_file)->value_name("FILE"),
         "title rules CSV (default: $ORGPLAN_RULES, else the built-in data/title_rules.csv)")
        ("max-errors", po::value(&max_errors)->value_name("N"), "problems listed (all are counted; default 50)");
    add_common(desc, common);
    po::positional_options_description pos;
    pos.add("file", -1);
    if (!parse(args, desc, pos, common, "orgplan import FILE|DIR... [--replace] [--dry-run] [--map NAME=HEADER]"))
        return 0;
    const auto format = output_format(common);
    if (files.empty()) throw UsageError("import needs at least one file or directory\nusage: orgplan import FILE|DIR...");
    if (!kind.empty() && kind_of_name(kind) != kind)
        throw UsageError("--kind '" + kind + "': use one of people, teams, memberships, assignments, products, "
                         "segments, initiatives, accounts, goals");

    ImportOptions options;
    options.replace = replace;
    options.dry_run = dry_run;
    options.kind = kind;
    options.max_problems = max_errors;
    if (!map_file.empty()) options.mapping = parse_column_map_file(map_file);
    for (const auto& m : maps) {
        try {
            options.mapping.insert_or_assign(parse_column_map_arg(m).first, parse_column_map_arg(m).second);
        } catch (const Error& e) {
            throw UsageError(e.what());
        }
    }
    const auto rules = load_rules(rules_file);
    options.rules = &rules;
    options.progress = terminal_progress();

    const auto path = db_path(common);
    const bool existed = std::filesystem::exists(path);
    ImportSummary summary;
    try {
        // A dry run against a missing database validates against an empty org and creates nothing.
        Database db(dry_run && !existed ? ":memory:" : path);
        summary = import_org(db, files, options);
    } catch (const InputErrors& e) {
        finish_progress();
        if (!existed && !dry_run) remove_db_files(path);
        if (format == Format::json) {
            nlohmann::json doc{{"ok", false}, {"db", path}, {"problem_count", e.total()}};
            auto list = nlohmann::json::array();
            for (const auto& p : e.problems())
                list.push_back({{"file", p.file}, {p.is_record ? "record" : "line", p.line}, {"field", p.field},
                                {"message", p.message}});
            doc["problems"] = list;
            print_json(doc);
        }
        throw;
    } catch (...) {
        finish_progress();
        if (!existed && !dry_run) remove_db_files(path);
        throw;
    }
    finish_progress();
    for (const auto& warning : summary.ignored_columns) std::cerr << "orgplan import: note: " << warning << "\n";

    std::size_t total = 0;
    for (const auto& [k, n] : summary.records) total += n;
    if (format == Format::json) {
        print_json({{"ok", true},
                    {"db", path},
                    {"written", summary.written},
                    {"replaced", replace && summary.written},
                    {"records", summary.records},
                    {"unmatched_titles", summary.unmatched_titles},
                    {"ignored_columns", summary.ignored_columns}});
        return 0;
    }
    Table table({{"kind", "kind"}, {"records", "records"}});
    for (const auto& k : record_kinds())
        if (auto it = summary.records.find(k); it != summary.records.end())
            table.add({k, static_cast<long long>(it->second)});
    if (format == Format::csv) {
        table.print_csv(std::cout);
        return 0;
    }
    table.print_table(std::cout);
    std::cout << "\n"
              << (dry_run ? fmt::format("dry run: {} records are valid; nothing was written to {}", total, path)
                          : fmt::format("{} {} records into {}", replace ? "replaced the org with" : "imported",
                                        total, path))
              << "\n";
    if (summary.unmatched_titles)
        std::cout << summary.unmatched_titles
                  << " people have titles no rule matched and count as 'other'; see orgplan roles --unmatched\n";
    return 0;
}

} // namespace orgplan::cli
