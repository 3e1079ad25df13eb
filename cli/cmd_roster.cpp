// orgplan roster: who is in the org, one row per person and team they work in; narrowed to a team, a manager's
// direct reports or a family. The people behind a team's ratio, and a list HR can check against their own.
#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "context.hpp"
#include "orgplan/model/lookup.hpp"
#include "orgplan/model/enums.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/storage/read_transaction.hpp"

namespace orgplan::cli {
namespace {

struct RosterRun {
    Common common;
    std::string team, manager, family, as_of;
};

template <typename Items>
void require_id(const Items& items, const std::string& id, const char* option, const char* where) {
    if (id.empty()) return;
    if (!has_id(items, id)) throw UsageError(fmt::format("{} '{}': no such id in the org ({})", option, id, where));
}

} // namespace

int cmd_roster(const Args& args) {
    RosterRun run;
    po::options_description desc("roster options");
    desc.add_options()
        ("team", po::value(&run.team)->value_name("ID"), "only the people working in this team")
        ("manager", po::value(&run.manager)->value_name("ID"), "only this person's direct reports")
        ("family", po::value(&run.family)->value_name("F"), "only this family: maker, pm, product_leader, eng_manager or other");
    add_as_of(desc, run.as_of);
    add_common(desc, run.common);
    if (!parse(args, desc, {}, run.common,
               "orgplan roster [--team ID] [--manager ID] [--family F] [--as-of DATE] [--format table|json|csv|md|xlsx|html]"))
        return 0;
    std::optional<Family> family;
    if (!run.family.empty() && !(family = parse_family(run.family)))
        throw UsageError("--family '" + run.family + "': use maker, pm, product_leader, eng_manager or other");
    std::optional<SnapshotInfo> used;
    const auto opened = open_for_answers(db_path(run.common), run.as_of, &used);
    const ReadTransaction snapshot(*opened); // one answer from one commit
    const auto org = load_org(*opened);
    require_id(org.teams, run.team, "--team", "orgplan ratios --by team lists the teams");
    require_id(org.people, run.manager, "--manager", "orgplan spans lists the managers");

    std::unordered_map<std::string_view, std::vector<const Membership*>> teams_of;
    for (const auto& m : org.memberships) teams_of[m.person_id].push_back(&m);
    struct Line {
        const Person* person;
        const Membership* membership; // null: in no team
    };
    std::vector<Line> lines;
    for (const auto& p : org.people) {
        if (family && p.family != *family) continue;
        if (!run.manager.empty() && p.manager_id != run.manager) continue;
        const auto it = teams_of.find(p.id);
        if (it == teams_of.end()) {
            if (run.team.empty()) lines.push_back({&p, nullptr});
            continue;
        }
        for (const auto* m : it->second)
            if (run.team.empty() || m->team_id == run.team) lines.push_back({&p, m});
    }
    static const Text no_team;
    const auto team_of = [](const Line& l) -> const Text& { return l.membership ? l.membership->team_id : no_team; };
    std::stable_sort(lines.begin(), lines.end(), [&](const Line& a, const Line& b) {
        return std::tie(team_of(a), a.person->name, a.person->id) < std::tie(team_of(b), b.person->name, b.person->id);
    });

    Table table({{"person", "person"}, {"name", "name"}, {"title", "title"}, {"family", "family"},
                 {"fte", "FTE", 2}, {"team", "team"}, {"allocation", "allocation", 2}, {"manager", "manager"}});
    double fte = 0;
    for (const auto& l : lines) {
        const auto& p = *l.person;
        table.add({p.id, p.name, p.title, std::string(to_string(p.family)), p.fte, team_of(l),
                   l.membership ? Cell(l.membership->allocation) : Cell(), p.manager_id});
        fte += p.fte * (l.membership ? l.membership->allocation : 1.0);
    }
    auto output = Output::of(std::move(table), {});
    if (!run.team.empty()) output.fields["team"] = run.team;
    if (!run.manager.empty()) output.fields["manager"] = run.manager;
    if (!run.family.empty()) output.fields["family"] = run.family;
    output.title = run.team.empty() ? "roster" : "roster of team " + run.team;
    note_snapshot(output, used);
    output.notes.push_back(fmt::format("{} rows; {:.2f} FTE{}", lines.size(), fte,
                                       run.team.empty() ? "" : " in the team (FTE x allocation)"));
    emit(output, run.common);
    return 0;
}

} // namespace orgplan::cli
