// orgplan interrupts: what executive and sales interrupts cost the PMs, grouped and per month.

#include <fmt/format.h>

#include "context.hpp"
#include "orgplan/database.hpp"
#include "orgplan/interrupt_report.hpp"
#include "orgplan/org_store.hpp"
#include "orgplan/read_transaction.hpp"

namespace orgplan::cli {
namespace {

Table groups_table(const std::string& by, const InterruptReport& r) {
    // Kinds and functions are their own names; people, teams and products have one besides their id.
    const bool named = by != "kind" && by != "function";
    std::vector<Column> columns = {{by, by}};
    if (named) columns.push_back({"name", "name"});
    if (by == "requester") columns.push_back({"function", "function"});
    columns.insert(columns.end(), {{"interrupts", "interrupts"},
                                   {"hours", "hours", 1},
                                   {"unplanned_hours", "unplanned", 1},
                                   {"share", by == "pm" ? "of their time" : "of PM time", 3},
                                   {"unplanned_share", "unplanned share", 3}});
    if (by == "pm") columns.push_back({"top_requester", "top requester (unplanned)"});
    Table table(columns);
    for (const auto& row : r.rows) {
        std::vector<Cell> cells{row.key};
        if (named) cells.push_back(row.key == "(none)" && by == "pm" ? "no PM covers it"
                                                                     : row.label);
        if (by == "requester") cells.push_back(row.function);
        cells.insert(cells.end(), {static_cast<long long>(row.count), row.hours, row.unplanned_hours, row.share,
                                   row.unplanned_share});
        if (by == "pm") cells.push_back(row.top_requester);
        table.add(std::move(cells));
    }
    return table;
}

Table months_table(const InterruptReport& r) {
    Table table({{"month", "month"},
                 {"interrupts", "interrupts"},
                 {"hours", "hours", 1},
                 {"unplanned_hours", "unplanned", 1},
                 {"share", "of PM time", 3}});
    for (const auto& m : r.months)
        table.add({m.month, static_cast<long long>(m.count), m.hours, m.unplanned_hours, m.share});
    return table;
}

} // namespace

int cmd_interrupts(const Args& args) {
    Common common;
    std::string by = "pm", from, to;
    po::options_description desc("interrupts options");
    desc.add_options()("by", po::value(&by)->value_name("GROUP"),
                       "pm (default), requester, function, team, product or kind")(
        "from", po::value(&from)->value_name("YYYY-MM-DD"), "first day counted (default: the log's first month)")(
        "to", po::value(&to)->value_name("YYYY-MM-DD"), "last day counted (default: the end of the log's last month)");
    add_common(desc, common);
    if (!parse(args, desc, {}, common,
               "orgplan interrupts [--by pm|requester|function|team|product|kind] [--from DATE] [--to DATE] "
               "[--format table|json|csv|md|xlsx|html]"))
        return 0;
    Database db(db_path(common), Database::Open::read);
    Org org;
    Settings settings;
    {
        const ReadTransaction snapshot(db.sql());
        settings = Settings::load(db.sql());
        org = load_org(db.sql());
    }
    InterruptReport r;
    try {
        r = interrupt_report(org, by, interrupt_period(org, from, to), settings.get("interrupts.hours_per_week"));
    } catch (const Error& e) {
        throw UsageError(e.what());
    }
    auto output = Output::of(groups_table(by, r), {{"by", by},
                                                   {"from", r.period.from},
                                                   {"to", r.period.to},
                                                   {"hours_per_week", r.hours_per_week},
                                                   {"pm_fte", stable(r.pm_fte)},
                                                   {"pm_capacity_hours", stable(r.pm_capacity_hours)},
                                                   {"interrupts", r.count},
                                                   {"hours", stable(r.hours)},
                                                   {"unplanned_hours", stable(r.unplanned_hours)},
                                                   {"unattributed_hours", stable(r.unattributed_hours)}});
    output.title = "interrupts by " + by;
    output.sections.push_back({"per month", months_table(r), "months", std::nullopt, ""});
    if (org.interrupts.empty()) {
        output.notes.push_back("no interrupts are logged yet: import an interrupts file (docs/interrupts.md)");
    } else {
        output.notes.push_back(fmt::format(
            "{} to {} ({:.1f} weeks): {} interrupts, {:.1f} hours, {:.1f} of them unplanned", r.period.from,
            r.period.to, r.period.weeks(), r.count, r.hours, r.unplanned_hours));
        output.notes.push_back(fmt::format("PM time in the period: {:.2f} PM FTE x {:g} hours a week (setting "
                                           "interrupts.hours_per_week) = {:.0f} hours",
                                           r.pm_fte, r.hours_per_week, r.pm_capacity_hours));
        if (r.unattributed_hours > 0)
            output.notes.push_back(fmt::format("{:.1f} hours hit teams or products no PM covers: in no PM's share",
                                               r.unattributed_hours));
    }
    emit(output, common);
    return 0;
}

} // namespace orgplan::cli
