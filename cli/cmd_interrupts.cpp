// orgplan interrupts: what executive and sales interrupts cost the PMs, grouped and per month.

#include "orgplan/answers/answers.hpp"
#include "context.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/storage/read_transaction.hpp"

namespace orgplan::cli {

int cmd_interrupts(const Args& args) {
    Common common;
    std::string by = "pm", from, to;
    po::options_description desc("interrupts options");
    desc.add_options()("by", po::value(&by)->value_name("GROUP"),
                       "pm (default), requester, function, team, product or kind")(
        "from", date_option(from, "--from")->value_name("YYYY-MM-DD"), "first day counted (default: the log's first month)")(
        "to", date_option(to, "--to")->value_name("YYYY-MM-DD"), "last day counted (default: the end of the log's last month)");
    add_common(desc, common);
    if (!parse(args, desc, {}, common,
               "orgplan interrupts [--by pm|requester|function|team|product|kind] [--from DATE] [--to DATE] "
               "[--format table|json|csv|md|xlsx|html]"))
        return 0;
    Database db(db_path(common), Database::Open::read);
    const auto [org, settings] = read_org_and_settings(db);
    Output output;
    try {
        output = interrupts_answer(org, settings, by, from, to);
    } catch (const Error& e) {
        throw UsageError(e.what());
    }
    emit(output, common);
    return 0;
}

} // namespace orgplan::cli
