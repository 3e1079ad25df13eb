// orgplan log: every write to the org database, newest first: when, which command, what it changed, who ran it.
#include "context.hpp"
#include "orgplan/storage/change_log.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/storage/read_transaction.hpp"

namespace orgplan::cli {
int cmd_log(const Args& args) {
    Common common;
    std::size_t limit = 50;
    po::options_description desc("log options");
    desc.add_options()("limit", whole_option(limit, "--limit", 1, 1000000)->value_name("N"), "newest N entries (default 50)");
    add_common(desc, common);
    if (!parse(args, desc, {}, common, "orgplan log [--limit N] [--format table|json|csv|md|xlsx|html]")) return 0;
    Database db(db_path(common), Database::Open::read);
    const ReadTransaction snapshot(db);
    const auto entries = load_change_log(db, limit);
    Table table({{"id", "#"}, {"at", "when (UTC)"}, {"command", "command"}, {"user", "user"}, {"records", "changed"}});
    for (const auto& e : entries) table.add({static_cast<long long>(e.id), e.at, e.command, e.user, Fields{e.records}});
    auto output = Output::of(std::move(table), {{"limit", limit}});
    output.title = "change log";
    if (entries.empty()) output.notes.push_back("no writes recorded yet");
    emit(output, common);
    return 0;
}

} // namespace orgplan::cli
