// orgplan check: every gap or assumption in the data that changes an answer, with its size and its fix.
#include <cstdlib>

#include <fmt/format.h>

#include "context.hpp"
#include "orgplan/import/csv.hpp"
#include "orgplan/analysis/data_gaps.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/storage/read_transaction.hpp"
#include "orgplan/base/text.hpp"

namespace orgplan::cli {

int cmd_check(const Args& args) {
    Common common;
    std::string rules_file;
    po::options_description desc("check options");
    desc.add_options()("rules", po::value(&rules_file)->value_name("FILE"),
                       "title rules to compare family columns with (default: $ORGPLAN_RULES, else the built-in ones)");
    add_common(desc, common);
    if (!parse(args, desc, {}, common, "orgplan check [--rules FILE] [--format table|json|csv|md|xlsx|html]")) return 0;
    if (rules_file.empty())
        if (const char* env = std::getenv("ORGPLAN_RULES"); env && *env) rules_file = env;
    const auto rules = title_rules(rules_file);

    Database db(db_path(common), Database::Open::read);
    const ReadTransaction snapshot(db); // one answer from one commit
    const auto org = load_org(db);
    const auto gaps = find_data_gaps(org, rules, load_family_sources(db));

    Table table({{"gap", "gap"}, {"records", "records"}, {"what", "what"}, {"examples", "examples"},
                 {"affects", "affects"}, {"fix", "fix"}});
    for (const auto& g : gaps)
        table.add({g.id, static_cast<long long>(g.records), g.what, text::join(g.examples, ", "), g.affects, g.fix});
    auto output = Output::of(std::move(table), {{"gap_count", gaps.size()}, {"people", org.people.size()},
                                                {"teams", org.teams.size()}});
    output.title = "data gaps";
    const auto n = [](std::size_t count, const char* one, const char* many) {
        return fmt::format("{} {}", count, count == 1 ? one : many);
    };
    const auto scope = n(org.people.size(), "person", "people") + " and " + n(org.teams.size(), "team", "teams");
    output.notes.push_back(gaps.empty() ? "no gaps found in " + scope
                                        : fmt::format("{} in {}: each changes the answers named; the fix column says "
                                                      "how to close it",
                                                      n(gaps.size(), "kind of gap", "kinds of gap"), scope));
    emit(output, common);
    return 0;
}

} // namespace orgplan::cli
