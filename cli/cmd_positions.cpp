// orgplan positions: planned positions (open roles, planned departures), as scenario merges leave them; closing one
// when it is filled or cancelled.
#include <algorithm>
#include <iostream>

#include <fmt/format.h>

#include "context.hpp"
#include "orgplan/storage/write_transaction.hpp"
#include "orgplan//storage/change_log.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/model/enums.hpp"
#include "orgplan/storage/position_store.hpp"
#include "orgplan/storage/read_transaction.hpp"

namespace orgplan::cli {

int cmd_positions(const Args& args) {
    Common common;
    std::vector<std::string> words;
    std::string status = "filled";
    bool all = false;
    po::options_description desc("positions options");
    desc.add_options()("words", po::value(&words), "list | close ID")(
        "all", po::bool_switch(&all), "list: also filled and cancelled positions")(
        "status", po::value(&status)->value_name("STATUS"), "close: filled (default) or cancelled");
    add_common(desc, common);
    po::positional_options_description pos;
    pos.add("words", -1);
    const std::string usage = "orgplan positions [list [--all] | close ID [--status filled|cancelled]]";
    if (!parse(args, desc, pos, common, usage)) return 0;
    const std::string action = words.empty() ? "list" : words[0];

    if (action == "close") {
        if (words.size() != 2) throw UsageError("positions close: give one position id\nusage: " + usage);
        const auto closed = parse_position_status(status);
        if (!closed || *closed == PositionStatus::open)
            throw UsageError("--status '" + status + "': use filled or cancelled");
        Database db(db_path(common));
        WriteTransaction tx(db);
        set_position_status(db, words[1], *closed);
        record_change(db, "positions close " + words[1], {{"positions", 1}, {"status", status}});
        tx.commit();
        note_written("the position's status was stored in " + db.path());
        emit_done(common, {words[1] + ": " + std::string(to_string(*closed))},
                  {{"position", words[1]}, {"status", to_string(*closed)}});
        return 0;
    }
    if (action != "list" || words.size() > 1) throw UsageError("positions: unknown action\nusage: " + usage);
    Database db(db_path(common), Database::Open::read);
    const ReadTransaction snapshot(db);
    const auto positions = load_positions(db);
    Table table({{"id", "id"}, {"kind", "kind"}, {"team", "team"}, {"family", "family"}, {"fte", "FTE", 1},
                 {"quarter", "quarter"}, {"person", "person"}, {"status", "status"}, {"source", "source"}});
    double opened = 0, leaving = 0;
    for (const auto& p : positions) {
        if (p.status == PositionStatus::open && p.family == Family::maker)
            (p.kind == PositionKind::open_role ? opened : leaving) += p.fte;
        if (!all && p.status != PositionStatus::open) continue;
        table.add({p.id, std::string(to_string(p.kind)), p.team_id, std::string(to_string(p.family)), p.fte,
                   p.quarter, p.person_id, std::string(to_string(p.status)), p.source});
    }
    const auto shown = table.size();
    auto output = Output::of(std::move(table), {{"open_maker_fte", opened}, {"departing_maker_fte", leaving}});
    output.title = "planned positions";
    output.sections[0].if_empty = "no planned positions"; // not an empty table (JSON: rows [])
    output.notes.push_back(shown == 0 ? "scenario apply --add-makers TEAM=N plans some; a merge brings them here"
                                      : fmt::format("open: {:.1f} maker FTE of open roles, {:.1f} of planned departures; "
                                                    "ratios --planned and plan --planned count them",
                                                    opened, leaving));
    emit(output, common);
    return 0;
}

} // namespace orgplan::cli
