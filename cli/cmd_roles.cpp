#include <cstdlib>
#include <iostream>
#include <map>

#include "context.hpp"
#include "orgplan/storage/read_transaction.hpp"
#include "orgplan/import/csv.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/model/enums.hpp"
#include "orgplan/model/title_rules.hpp"
#include "orgplan/storage/org_store.hpp"

namespace orgplan::cli {
namespace {

// The rule a title matched: whole patterns can be hundreds of characters, so people read the words of the title that
// matched ('Developer'), programs get the pattern itself.
Worded matched_rule(const std::string& title, const std::string& pattern) {
    const auto words = pattern.empty() ? std::string() : TitleRules::matched_words(title, pattern);
    return {pattern, words.empty() ? "" : "'" + words + "'"};
}

const Column matched_rule_column{"rule", "matched"};

} // namespace

int cmd_roles(const Args& args) {
    Common common;
    bool unmatched_only = false;
    std::vector<std::string> titles;
    std::string rules_file;
    po::options_description desc("roles options");
    desc.add_options()
        ("unmatched", po::bool_switch(&unmatched_only), "only titles that matched no rule")
        ("test", po::value(&titles)->value_name("TITLE"),
         "classify TITLE with the rules instead of reading the database (repeatable)")
        ("rules", po::value(&rules_file)->value_name("FILE"), "rules for --test (default: $ORGPLAN_RULES, else built-in)");
    add_common(desc, common);
    if (!parse(args, desc, {}, common, "orgplan roles [--unmatched] [--test TITLE] [--format table|json|csv|md|xlsx|html]"))
        return 0;

    if (!titles.empty()) {
        if (rules_file.empty())
            if (const char* env = std::getenv("ORGPLAN_RULES"); env && *env) rules_file = env;
        const auto rules = title_rules(rules_file);
        Table table({{"title", "title"}, {"family", "family"}, {"source", "source"}, matched_rule_column});
        for (const auto& t : titles) {
            const auto m = rules.classify(t);
            table.add({t, std::string(to_string(m.family)), std::string(m.matched ? "rule" : "unmatched"),
                       matched_rule(t, m.pattern)});
        }
        print_rows(table, common);
        return 0;
    }

    Database db(db_path(common), Database::Open::read);
    const ReadTransaction snapshot(db); // one answer from one commit
    Table table({{"title", "title"}, {"family", "family"}, {"source", "source"}, matched_rule_column,
                 {"people", "people"}});
    std::size_t unmatched = 0;
    for (auto& c : load_title_classes(db, unmatched_only)) {
        if (c.source == "unmatched") ++unmatched;
        table.add({c.title, c.family, c.source, matched_rule(c.title, c.pattern), c.people});
    }
    auto output = Output::of(std::move(table), {{"unmatched_titles", unmatched}});
    output.title = "role families by title";
    output.notes.push_back(std::to_string(output.sections[0].table.size()) + " distinct titles, " +
                           std::to_string(unmatched) +
                           " matched no rule (counted as 'other'). Edit a copy of data/title_rules.csv and re-import "
                           "with --rules FILE, or give a 'family' column.");
    emit(output, common);
    return 0;
}

} // namespace orgplan::cli
