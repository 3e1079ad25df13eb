// orgplan person export ID / orgplan person erase ID: data-subject requests (access and erasure).
#include <iostream>

#include <fmt/format.h>

#include "context.hpp"
#include "orgplan/storage/write_transaction.hpp"
#include "orgplan//storage/change_log.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/storage/person_data.hpp"
#include "orgplan/storage/read_transaction.hpp"

namespace orgplan::cli {

int cmd_person(const Args& args) {
    Common common;
    std::string action, id;
    bool yes = false;
    po::options_description desc("person options");
    desc.add_options()("action", po::value(&action)->value_name("export|erase"), "what to do")(
        "id", po::value(&id)->value_name("ID"), "the person's id")(
        "yes", po::bool_switch(&yes), "erase: really erase (without it, nothing is changed)");
    add_common(desc, common);
    po::positional_options_description pos;
    pos.add("action", 1).add("id", 1);
    const std::string usage = "orgplan person export ID [--out FILE] | orgplan person erase ID --yes";
    if (!parse(args, desc, pos, common, usage)) return 0;
    if ((action != "export" && action != "erase") || id.empty()) throw UsageError("usage: " + usage);
    if (common.format != "table" && common.format != "json")
        throw UsageError("person export writes JSON only (--format json, the default); erase answers as a table or "
                         "JSON");
    const auto asked = common.format; // erase answers in it; export is JSON whatever was asked
    common.format = "json";
    const auto path = db_path(common);

    if (action == "export") {
        Database db(path, Database::Open::read);
        const ReadTransaction snapshot(db);
        const auto data = export_person(db, id);
        Output output;
        output.fields = data;
        emit(output, common);
        return 0;
    }

    if (!yes)
        throw UsageError("person erase removes " + id + " from the org and every scenario and cannot be undone; "
                         "see what is stored with orgplan person export " + id + ", then add --yes");
    Database db(path, Database::Open::write);
    ErasureSummary s;
    {
        WriteTransaction tx(db);
        s = erase_person(db, id);
        // The log keeps that an erasure happened, not whom it erased.
        record_change(db, "person erase", {{"people", s.in_org ? 1 : 0}, {"scenarios", s.scenarios}});
        tx.commit();
    }
    // The log's copies of the old pages go too: a checkpoint writes the zeroed pages home and empties the WAL.
    db.checkpoint();
    common.format = asked;
    // The answer names the erased id only, as the command did: it is what the user typed.
    emit_done(common,
              {fmt::format("erased {}: {}{} memberships, {} assignments, {} mentoring pairings, {} direct reports "
                           "moved up to their manager; removed from {} scenarios, {} snapshot rows, {} interrupts and "
                           "{} task force seats",
                           id, s.in_org ? "" : "not in the org; ", s.memberships, s.assignments, s.mentor_pairs,
                           s.reports_moved, s.scenarios, s.snapshot_rows, s.interrupts, s.task_force_seats)},
              {{"action", "erase"},
               {"id", id},
               {"in_org", s.in_org},
               {"memberships", s.memberships},
               {"assignments", s.assignments},
               {"mentor_pairs", s.mentor_pairs},
               {"reports_moved", s.reports_moved},
               {"scenarios", s.scenarios},
               {"snapshot_rows", s.snapshot_rows},
               {"interrupts", s.interrupts},
               {"task_force_seats", s.task_force_seats}});
    return 0;
}

} // namespace orgplan::cli
