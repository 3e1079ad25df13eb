#include <iostream>
#include <optional>

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include "context.hpp"
#include "orgplan/read_transaction.hpp"
#include "orgplan/database.hpp"
#include "orgplan/mentoring.hpp"
#include "orgplan/org_store.hpp"

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
        ("candidates", po::value(&candidates)->value_name("K"),
         "best-matching mentors weighed exactly per novice (default 48; others count at the base cost)");
    add_common(desc, common);
    po::positional_options_description pos;
    pos.add("words", -1);
    const std::string usage = "orgplan mentoring plan [--save] | orgplan mentoring show";
    if (!parse(args, desc, pos, common, usage)) return 0;
    const auto format = output_format(common);
    const std::string action = words.empty() ? "plan" : words[0];
    if (words.size() > 1 || (action != "plan" && action != "show")) throw UsageError("usage: " + usage);
    if (candidates == 0) throw UsageError("--candidates must be at least 1");

    Database db(db_path(common), save ? Database::Open::write : Database::Open::read);
    // --save computes inside its write transaction: the pairings are saved for the org they were planned on.
    std::optional<SQLite::Transaction> write;
    if (save) write.emplace(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
    const ReadTransaction snapshot(db.sql());
    const auto org = load_org(db.sql());
    std::unordered_map<std::string, std::string> names;
    for (const auto& p : org.people) names.emplace(p.id, p.name);

    if (action == "show") {
        Table table({{"mentor", "mentor"}, {"mentor_name", "mentor name"}, {"novice", "novice"}, {"novice_name", "novice name"}});
        for (const auto& [mentor, novice] : load_mentor_pairs(db.sql()))
            table.add({mentor, names[mentor], novice, names[novice]});
        print_rows(table, format);
        if (format == Format::table && table.size() == 0) std::cout << "no saved plan; run orgplan mentoring plan --save\n";
        return 0;
    }

    const auto settings = Settings::load(db.sql());
    const auto plan = plan_mentoring(org, settings, candidates);
    if (save) {
        save_mentor_pairs(db.sql(), plan.pairings);
        write->commit();
    }
    Table pairs({{"mentor", "mentor"}, {"mentor_name", "mentor name"}, {"novice", "novice"},
                 {"novice_name", "novice name"}, {"hours", "h/week"}, {"shared", "shared"}, {"cost", "cost"}});
    for (const auto& p : plan.pairings) {
        std::string shared;
        for (const auto& w : p.why) shared += (shared.empty() ? "" : ", ") + w;
        pairs.add({p.mentor_id, names[p.mentor_id], p.novice_id, names[p.novice_id], p.hours, shared,
                   static_cast<long long>(p.cost)});
    }
    if (format == Format::csv) {
        pairs.print_csv(std::cout);
        return 0;
    }
    if (format == Format::json) {
        auto loads = nlohmann::json::array();
        for (const auto& m : plan.mentors)
            loads.push_back({{"mentor", m.mentor_id}, {"leader", m.leader}, {"capacity_hours", stable(m.capacity_hours)},
                             {"used_hours", stable(m.used_hours)}});
        print_rows(pairs, format,
                   {{"novices", plan.novices}, {"uncovered", plan.uncovered}, {"mentors", loads},
                    {"total_cost", plan.total_cost}, {"recommendation", plan.recommendation}, {"saved", save}});
        return 0;
    }
    pairs.print_table(std::cout);
    Table loads({{"mentor", "mentor"}, {"name", "name"}, {"role", "role"}, {"used", "used h/week"},
                 {"capacity", "capacity h/week"}});
    for (const auto& m : plan.mentors)
        loads.add({m.mentor_id, names[m.mentor_id], std::string(m.leader ? "leader" : "senior PM"), m.used_hours,
                   m.capacity_hours});
    std::cout << "\nmentor load:\n";
    loads.print_table(std::cout);
    std::cout << fmt::format("\n{} novices, {} coached, {} without coaching{}\n", plan.novices,
                             plan.novices - plan.uncovered.size(), plan.uncovered.size(),
                             plan.uncovered.empty() ? "" : ": " + [&] {
                                 std::string s;
                                 for (const auto& u : plan.uncovered) s += (s.empty() ? "" : ", ") + names[u] + " (" + u + ")";
                                 return s;
                             }());
    std::cout << "recommendation: " << plan.recommendation << "\n";
    if (save) std::cout << "saved: diagnose now checks coaching against these pairings\n";
    return 0;
}

} // namespace orgplan::cli
