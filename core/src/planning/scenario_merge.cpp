#include "orgplan/planning/scenario_merge.hpp"
#include "orgplan/storage/settings_store.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "orgplan/model/org_json.hpp"
#include "orgplan/model/org_records.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/storage/org_writer.hpp"
#include "orgplan/storage/scenario_store.hpp"
#include "orgplan/model/settings.hpp"
#include "orgplan/storage/position_store.hpp"
#include "orgplan/storage/scenario_base.hpp"
#include "orgplan/model/lookup.hpp"
#include "orgplan/base/text.hpp"

namespace orgplan {
namespace {

using json = nlohmann::json;

std::string kind_word(const std::string& group) {
    if (group == "memberships") return "memberships of";
    if (group == "assignments") return "assignments of";
    if (group == "people") return "person";
    return group.substr(0, group.size() - 1);
}

// Writes one group's changed records: `final` null removes the record.
void write_group(Database& db, OrgWriter& writer, const std::string& group,
         const std::map<std::string, json>& changed) {
    json doc{{group, json::array()}};
    std::vector<std::string> removed;
    for (const auto& [id, final] : changed) {
        if (final.is_null()) {
            removed.push_back(id);
        } else if (final.is_array()) {
            for (const auto& item : final) doc[group].push_back(item);
        } else {
            doc[group].push_back(final);
        }
    }
    // Memberships and assignments are replaced per person: cleared first, then written again.
    if (group == "memberships" || group == "assignments") {
        for (const auto& [id, final] : changed)
            group == "memberships" ? writer.clear_memberships(id) : writer.clear_assignments(id);
    } else if (group == "positions") {
        for (const auto& id : removed) remove_position(db, id);
    } else {
        for (const auto& id : removed) writer.erase(group, id);
    }
    const auto org = org_from_json(doc);
    for (const auto& x : org.segments) writer.put(x);
    for (const auto& x : org.products) writer.put(x);
    for (const auto& x : org.initiatives) writer.put(x);
    for (const auto& x : org.accounts) writer.put(x);
    for (const auto& x : org.teams) writer.put(x);
    // A scenario's people were given their family.
    static const FamilyOrigin explicit_family{FamilyOrigin::Source::column, nullptr};
    for (const auto& p : org.people) writer.put(person_row(p), explicit_family);
    for (const auto& g : org.goals) writer.put(g);
    for (const auto& m : org.memberships)
        writer.put(MembershipRow{std::string_view(m.person_id), std::string_view(m.team_id), m.allocation});
    writer.flush(); // the rows view `org`, which ends here
    for (const auto& a : org.assignments) writer.put(a);
    for (const auto& p : org.positions) put_position(db, p);
}

// Who a written record is about: a person added, removed, or moved (another record, manager or team).
void note_person(MergeSummary& summary, const std::string& group, const json& theirs, const json& ours,
                 const std::string& id) {
    const auto name_in = [](const json& person) { return person.is_object() ? person.value("name", "") : ""; };
    const auto already = [&](const std::vector<MergedPerson>& list) {
        return std::any_of(list.begin(), list.end(), [&](const MergedPerson& p) { return p.id == id; });
    };
    if (group == "people") {
        if (theirs.is_null()) summary.people_removed.push_back({id, name_in(ours)});
        else if (ours.is_null()) summary.people_added.push_back({id, name_in(theirs)});
        else if (!already(summary.people_moved)) summary.people_moved.push_back({id, name_in(theirs)});
    } else if (!theirs.is_null() && !ours.is_null() && !already(summary.people_moved) &&
               !already(summary.people_added)) {
        summary.people_moved.push_back({id, ""}); // memberships or assignments of someone in both: a move
    }
}

} // namespace

MergeConflicts::MergeConflicts(const std::string& scenario, std::vector<MergeConflict> conflicts)
    : Error([&] {
          std::string message = fmt::format("scenario '{}' and the org both changed {} record{} since the scenario "
                                            "was created; nothing was merged:",
                                            scenario, conflicts.size(), conflicts.size() == 1 ? "" : "s");
          for (std::size_t i = 0; i < conflicts.size() && i < 20; ++i)
              message += "\n  " + conflicts[i].kind + " " + conflicts[i].id;
          if (conflicts.size() > 20) message += fmt::format("\n  ... and {} more", conflicts.size() - 20);
          return message + "\nmerge with --theirs (the scenario wins) or --ours (the org wins)";
      }()),
      conflicts_(std::move(conflicts)) {}

std::string listed_people(const std::vector<MergedPerson>& people, std::size_t most) {
    std::vector<std::string> names;
    for (const auto& p : people) names.push_back(p.id + (p.name.empty() ? "" : " " + p.name));
    return text::join(names, ", ", most);
}

MergeRemovesPeople::MergeRemovesPeople(const std::string& scenario, const std::vector<MergedPerson>& people)
    : Error(fmt::format("merging scenario '{}' would remove {} {} from the org: {}; nothing was merged. Check they "
                        "really leave, then merge with --yes",
                        scenario, people.size(), people.size() == 1 ? "person" : "people", listed_people(people))) {}

namespace {

// The changed records of one group in id order, so conflicts and messages list them the same way every time.
std::map<std::string, const json*> by_id(const OrgChanges& changes, const std::string& group) {
    std::map<std::string, const json*> out;
    for (const auto& g : changes)
        if (g.group == group)
            for (const auto& c : g.changes) out.emplace(c.id, &c.record);
    return out;
}

} // namespace

MergeSummary merge_scenario(Database& db, const std::string& name, MergeResolve resolve, bool allow_removals,
                    const MergeChoices& choices) {
    const auto scenario = load_scenario(db, name); // throws for unknown names
    const auto base = load_scenario_base(db, scenario);
    if (!base.merged_at.empty())
        throw Error("scenario '" + name + "' was merged at " + base.merged_at + "; create a new one");
    // A scenario saved before bases were kept: every difference counts as a change on both sides.
    const bool known_base = base.org != nullptr;
    // The org now: the base itself when nothing was written to the org since the scenario was made.
    const auto org = scenario.base && base_is_live(db, scenario.base_id) ? scenario.base
                                                                          : std::make_shared<const Org>(load_org(db));
    // Only the records the scenario changed are compared, and only those are written out as JSON.
    const auto changed = record_changes(known_base ? *base.org : *org, scenario.org);
    RecordKeys keys;
    for (const auto& g : changed)
        for (const auto& c : g.changes) keys[g.group].insert(c.id);
    const auto ours = records_of(*org, keys);
    const auto was = known_base ? records_of(*base.org, keys) : OrgRecords{};

    MergeSummary summary;
    std::vector<MergeConflict> conflicts;
    std::map<std::string, std::map<std::string, json>> to_write;
    for (const auto& [group, key] : record_groups()) {
        for (const auto& [id, theirs] : by_id(changed, group)) {
            const auto &t = *theirs, &o = find_record(ours, group, id), &b = find_record(was, group, id);
            if (t == o) continue;
            const bool scenario_changed = !known_base || t != b, org_changed = !known_base || o != b;
            if (!scenario_changed) continue;
            if (org_changed) {
                MergeConflict conflict{kind_word(group), id, b, t, o};
                const auto chosen = choices.find(conflict.key());
                const auto side = chosen == choices.end() ? resolve : chosen->second;
                if (side == MergeResolve::refuse) conflicts.push_back(std::move(conflict));
                else ++summary.conflicts;
                if (side != MergeResolve::theirs) continue;
            }
            to_write[group][id] = t;
            (t.is_null() ? summary.removed : summary.written) += 1;
            if (group == "people" || group == "memberships" || group == "assignments")
                note_person(summary, group, t, o, id);
            if (group == "positions" && o.is_null() && !t.is_null())
                summary.positions_planned.push_back(fmt::format(
                    "{} of {:g} {} FTE in team {}{} ({})",
                    t.value("kind", "") == "departure" ? "planned departure" : "open role", t.value("fte", 1.0),
                    t.value("family", ""), t.value("team", ""),
                    t.value("quarter", "").empty() ? "" : " from " + t.value("quarter", ""), id));
        }
    }
    for (auto& p : summary.people_moved)
        if (p.name.empty())
            if (const auto* person = find_by_id(scenario.org.people, p.id)) p.name = person->name;
    if (!conflicts.empty() && resolve == MergeResolve::refuse) throw MergeConflicts(name, std::move(conflicts));
    if (!summary.people_removed.empty() && !allow_removals) throw MergeRemovesPeople(name, summary.people_removed);

    OrgWriter writer(db);
    for (const auto& [group, key] : record_groups())
        if (auto it = to_write.find(group); it != to_write.end()) write_group(db, writer, group, it->second);
    writer.flush();
    prune_kept_rows(db); // memberships cleared and written again as they were
    refresh_maker_totals(db);

    // Settings the scenario changed from its base (or, without one, from the org's), stored together: settings that
    // depend on each other are checked once all are written.
    const auto stored = load_settings(db);
    std::vector<std::pair<std::string, std::string>> changed_settings;
    for (const auto& spec : setting_specs()) {
        const double was = known_base && !base.settings.empty() ? base.settings.value(spec.key, spec.default_value)
                                                                : stored.get(spec.key);
        const double now = scenario.settings.get(spec.key);
        if (now == was || now == stored.get(spec.key)) continue;
        changed_settings.emplace_back(spec.key, fmt::format("{}", now));
    }
    if (!changed_settings.empty()) store_settings(db, changed_settings);
    summary.settings = changed_settings.size();
    mark_scenario_merged(db, name);
    return summary;
}

} // namespace orgplan
