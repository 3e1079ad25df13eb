#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "orgplan/analysis/shared_work.hpp"
#include "orgplan/storage/write_transaction.hpp"
#include "orgplan/storage/settings_store.hpp"
#include "orgplan/answers/answers.hpp"
#include "context.hpp"
#include "orgplan/storage/change_log.hpp"
#include "orgplan/storage/read_transaction.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/planning/mentoring.hpp"
#include "orgplan/storage/mentor_pair_store.hpp"
#include "orgplan/storage/org_store.hpp"

namespace orgplan::cli {

int cmd_mentoring(const Args& args) {
    Common common;
    std::vector<std::string> words;
    bool save = false;
    std::size_t candidates = 48;
    po::options_description desc("mentoring options");
    desc.add_options()
        ("words", po::value(&words), "plan | show")
        ("save", po::bool_switch(&save), "with plan: store the pairings; diagnostics then check coverage against them")
        ("candidates", whole_option(candidates, "--candidates", 1, 100000)->value_name("K"),
         "best-matching mentors weighed exactly per novice (default 48; others count at the base cost)");
    add_common(desc, common);
    po::positional_options_description pos;
    pos.add("words", -1);
    const std::string usage = "orgplan mentoring plan [--save] | orgplan mentoring show";
    if (!parse(args, desc, pos, common, usage)) return 0;
    const std::string action = words.empty() ? "plan" : words[0];
    if (words.size() > 1 || (action != "plan" && action != "show")) throw UsageError("usage: " + usage);

    Database db(db_path(common), save ? Database::Open::write : Database::Open::read);
    // --save computes inside its write transaction: the pairings are saved for the org they were planned on.
    std::optional<WriteTransaction> write;
    if (save) write.emplace(db);
    const ReadTransaction snapshot(db);
    const auto org = load_org(db);
    const SharedWork work_once(org); // the answer and its data gaps share coverage and the people index
    GapsAhead gaps("mentoring", org, db); // found while the answer is worked out

    if (action == "show") {
        const auto people = people_by_id(org);
        const auto name = [&](const std::string& id) { return std::string(people->name_of(id)); };
        Table table({{"mentor", "mentor"}, {"mentor_name", "mentor name"}, {"novice", "novice"}, {"novice_name", "novice name"}});
        for (const auto& [mentor, novice] : load_mentor_pairs(db))
            table.add({mentor, name(mentor), novice, name(novice)});
        auto output = Output::of(std::move(table));
        if (output.sections[0].table.size() == 0) output.notes.push_back("no saved plan; run orgplan mentoring plan --save");
        emit(output, common);
        return 0;
    }

    const auto settings = load_settings(db);
    const auto plan = plan_mentoring(org, settings, candidates);
    if (save) {
        std::vector<MentorPair> pairs;
        for (const auto& p : plan.pairings) pairs.push_back({p.mentor_id, p.novice_id, p.hours});
        save_mentor_pairs(db, pairs);
        record_change(db, "mentoring plan --save", {{"mentor_pairs", plan.pairings.size()}});
        write->commit();
    }
    auto output = mentoring_answer(org, plan);
    output.fields["saved"] = save;
    if (save) output.notes.push_back("saved: diagnose now checks coaching against these pairings");
    note_gaps(output, gaps);
    emit(output, common);
    return 0;
}

} // namespace orgplan::cli
