// orgplan taskforce: propose a working group and a review audience, save them, and see who sits on how many.

#include <cstdlib>
#include <iostream>
#include <unordered_map>

#include <fmt/format.h>

#include "orgplan/storage/write_transaction.hpp"
#include "orgplan//answers/answers.hpp"
#include "context.hpp"
#include "orgplan/import/csv.hpp"
#include "orgplan/storage/change_log.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/model/functions.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/storage/read_transaction.hpp"
#include "orgplan/analysis/task_force.hpp"
#include "orgplan/storage/task_force_store.hpp"
#include "orgplan/base/text.hpp"

namespace orgplan::cli {
namespace {

struct TaskForceOptions {
    std::vector<std::string> words;
    std::string topic, products, functions, size = "4-6", members, review, seniority_file;
    std::size_t review_max = 20;
    std::size_t at_least = 2;
    bool save = false;
};

// The seniority words: --seniority FILE, else $ORGPLAN_SENIORITY, else the built-in list.
SeniorityWords seniority_words(const std::string& flag) {
    std::string path = flag;
    if (path.empty())
        if (const char* env = std::getenv("ORGPLAN_SENIORITY"); env && *env) path = env;
    return path.empty() ? SeniorityWords::builtin() : SeniorityWords::parse(read_file(path), path);
}

Table seats_table(const std::vector<TaskForcePick>& picks) {
    Table table({{"role", "role"}, {"person", "person"}, {"name", "name"}, {"function", "function"},
                 {"level", "level"}, {"reason", "reason"}});
    for (const auto& p : picks)
        table.add({std::string(p.review ? "review" : "working"), p.person_id, p.name, p.function, p.level, p.reason});
    return table;
}

// The picks of a saved task force, with today's names and functions; someone no longer in the org says so.
std::vector<TaskForcePick> picks_of(const Org& org, const TaskForce& t) {
    std::unordered_map<std::string, const Person*> people;
    for (const auto& p : org.people) people.emplace(p.id, &p);
    const FunctionOf function_of(org);
    std::vector<TaskForcePick> out;
    for (const auto& s : t.seats) {
        TaskForcePick pick{s.person_id, "(not in the org)", "", "", s.review, s.reason};
        if (auto it = people.find(s.person_id); it != people.end())
            pick = {s.person_id, it->second->name, function_of(*it->second), it->second->level, s.review, s.reason};
        out.push_back(std::move(pick));
    }
    return out;
}

void save(Database& db, const StoredTaskForce& t, const std::string& command) {
    WriteTransaction tx(db);
    save_task_force(db, t);
    record_change(db, command, {{"task_forces", 1}, {"seats", t.task_force.seats.size()}});
    tx.commit();
}

int propose(Database& db, const TaskForceOptions& o, const Common& common) {
    const auto [org, settings] = read_org_and_settings(db);
    if (o.topic.empty()) throw UsageError("taskforce propose: give --topic, what the task force is for");
    TaskForceRequest r;
    r.name = o.words[1];
    r.topic = o.topic;
    r.products = text::split_commas(o.products);
    r.functions = text::split_commas(o.functions);
    r.review_max = o.review_max;
    r.seniority = seniority_words(o.seniority_file);
    r.per_function = static_cast<std::size_t>(settings.get("taskforce.per_function"));
    r.max_per_person = static_cast<std::size_t>(settings.get("taskforce.max_per_person"));
    TaskForceProposal p;
    try {
        std::tie(r.min_size, r.max_size) = parse_size_range(o.size, "--size");
        p = propose_task_force(org, r);
    } catch (const Error& e) {
        throw UsageError(e.what());
    }
    auto picks = p.working;
    picks.insert(picks.end(), p.review.begin(), p.review.end());
    auto output = Output::of(seats_table(picks), {{"name", r.name},
                                                  {"topic", r.topic},
                                                  {"products", r.products},
                                                  {"functions", r.functions},
                                                  {"working", p.working.size()},
                                                  {"review", p.review.size()},
                                                  {"passed_over", p.passed_over},
                                                  {"warnings", p.warnings},
                                                  {"saved", o.save}});
    output.title = "task force " + r.name + (r.topic.empty() ? "" : ": " + r.topic);
    output.notes.push_back(fmt::format("working group: {} people (asked {}-{}, at most {} per function); review "
                                       "audience: {} directors and VPs",
                                       p.working.size(), r.min_size, r.max_size, r.per_function, p.review.size()));
    for (const auto& w : p.warnings) output.notes.push_back("warning: " + w);
    if (!p.passed_over.empty())
        output.notes.push_back(fmt::format("passed over, on {} task forces or more already (taskforce.max_per_person): {}",
                                           r.max_per_person, text::join(p.passed_over, "; ")));
    if (o.save) {
        StoredTaskForce t{{r.name, r.topic, {}}, r.products, r.functions, ""};
        for (const auto& pick : picks) t.task_force.seats.push_back({pick.person_id, pick.review, pick.reason});
        save(db, t, "taskforce propose " + r.name + " --save");
        output.notes.push_back("saved as task force " + r.name + " (orgplan taskforce show " + r.name + ")");
    } else {
        output.notes.push_back("not saved: add --save to keep it (orgplan taskforce list)");
    }
    emit(output, common);
    return 0;
}

// A hand-picked task force: --members and --review list person ids.
int save_given(Database& db, const TaskForceOptions& o, const Common& common) {
    const auto org = read_org_and_settings(db).org;
    std::unordered_map<std::string, bool> known;
    for (const auto& p : org.people) known.emplace(p.id, true);
    StoredTaskForce t{{o.words[1], o.topic, {}}, text::split_commas(o.products), text::split_commas(o.functions), ""};
    for (const auto& [list, review] : {std::pair{&o.members, false}, std::pair{&o.review, true}})
        for (const auto& id : text::split_commas(*list)) {
            if (!known.count(id)) throw UsageError("unknown person '" + id + "'; give person ids (orgplan ratios --by pm lists PMs)");
            for (const auto& s : t.task_force.seats)
                if (s.person_id == id) throw UsageError("'" + id + "' is given twice; one seat per person");
            t.task_force.seats.push_back({id, review, "picked by hand"});
        }
    if (t.task_force.seats.empty()) throw UsageError("taskforce save: give --members (and --review) as person ids");
    save(db, t, "taskforce save " + t.task_force.name);
    emit_done(common, {fmt::format("saved task force {}: {} seats", t.task_force.name, t.task_force.seats.size())},
              {{"task_force", t.task_force.name}, {"seats", t.task_force.seats.size()}});
    return 0;
}

int list(Database& db, const Common& common) {
    const ReadTransaction snapshot(db);
    Table table({{"name", "name"}, {"topic", "topic"}, {"working", "working"}, {"review", "review"},
                 {"products", "products"}, {"created", "created"}});
    for (const auto& t : load_task_forces(db)) {
        long long working = 0, review = 0;
        for (const auto& s : t.task_force.seats) ++(s.review ? review : working);
        table.add({t.task_force.name, t.task_force.topic, working, review, text::join(t.products, ","), t.created});
    }
    print_rows(table, common);
    return 0;
}

int show(Database& db, const std::string& name, const Common& common) {
    const auto org = read_org_and_settings(db).org;
    const auto it = std::find_if(org.task_forces.begin(), org.task_forces.end(),
                                 [&](const TaskForce& t) { return t.name == name; });
    if (it == org.task_forces.end()) throw UsageError("no task force '" + name + "' (orgplan taskforce list)");
    auto output = Output::of(seats_table(picks_of(org, *it)), {{"name", it->name}, {"topic", it->topic}});
    output.title = "task force " + it->name + (it->topic.empty() ? "" : ": " + it->topic);
    emit(output, common);
    return 0;
}

int remove(Database& db, const std::string& name, const Common& common) {
    WriteTransaction tx(db);
    if (!delete_task_force(db, name)) throw UsageError("no task force '" + name + "' (orgplan taskforce list)");
    record_change(db, "taskforce delete " + name, {{"task_forces", 1}});
    tx.commit();
    emit_done(common, {"deleted task force " + name}, {{"task_force", name}, {"deleted", true}});
    return 0;
}

int load(Database& db, const TaskForceOptions& o, const Common& common) {
    const auto [org, settings] = read_org_and_settings(db);
    emit(task_force_load_answer(org, settings, o.at_least), common);
    return 0;
}

} // namespace

int cmd_taskforce(const Args& args) {
    Common common;
    TaskForceOptions o;
    po::options_description desc("taskforce options");
    desc.add_options()("words", po::value(&o.words), "propose NAME | save NAME | list | show NAME | delete NAME | load")(
        "topic", po::value(&o.topic)->value_name("TEXT"), "what the task force is for")(
        "products", po::value(&o.products)->value_name("P,..."), "propose: people tied to these products")(
        "functions", po::value(&o.functions)->value_name("F,..."), "propose: working group from these functions")(
        "size", po::value(&o.size)->value_name("MIN-MAX"), "propose: working group size (default 4-6)")(
        "review", whole_option(o.review_max, "--review", 0, 10000)->value_name("N"), "propose: review audience at most N (default 20)")(
        "save", po::bool_switch(&o.save), "propose: keep the proposal as a task force")(
        "seniority", po::value(&o.seniority_file)->value_name("FILE"),
        "propose: seniority words CSV word,rank (default: $ORGPLAN_SENIORITY, else the built-in "
        "data/seniority_words.csv)")(
        "members", po::value(&o.members)->value_name("ID,..."), "save: the working group, by person id")(
        "reviewers", po::value(&o.review)->value_name("ID,..."), "save: the review audience, by person id")(
        "at-least", whole_option(o.at_least, "--at-least", 1, 1000)->value_name("N"), "load: people on at least N task forces (default 2)");
    add_common(desc, common);
    po::positional_options_description pos;
    pos.add("words", -1);
    const std::string usage =
        "orgplan taskforce propose NAME --topic TEXT [--products P,...] [--functions F,...] [--size 4-6] "
        "[--review 20] [--save] | save NAME --members ID,... [--reviewers ID,...] | list | show NAME | delete NAME | "
        "load [--at-least N]";
    if (!parse(args, desc, pos, common, usage)) return 0;
    const std::string action = o.words.empty() ? "list" : o.words[0];
    const auto expect = [&](std::size_t n) {
        if (o.words.size() != n) throw UsageError("taskforce " + action + ": wrong number of arguments\nusage: " + usage);
    };
    const bool writes = action == "save" || action == "delete" || (action == "propose" && o.save);
    Database db(db_path(common), writes ? Database::Open::write : Database::Open::read);
    if (action == "propose") return expect(2), propose(db, o, common);
    if (action == "save") return expect(2), save_given(db, o, common);
    if (action == "list") return expect(1), list(db, common);
    if (action == "show") return expect(2), show(db, o.words[1], common);
    if (action == "delete") return expect(2), remove(db, o.words[1], common);
    if (action == "load") return expect(1), load(db, o, common);
    throw UsageError("unknown taskforce action '" + action + "'\nusage: " + usage);
}

} // namespace orgplan::cli
