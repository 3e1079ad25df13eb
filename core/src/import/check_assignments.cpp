#include "check_assignments.hpp"

#include "orgplan/model/enums.hpp"

#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

namespace orgplan::importing {

std::vector<std::string> split_unshared_assignments(Incoming<Assignment>& rows, const Org& stored,
                                                    Problems& problems) {
    std::vector<std::string> notes;
    std::vector<bool> unshared(rows.items.size(), false);
    std::map<std::string_view, std::pair<double, std::size_t>> per_pm; // given shares, rows without one
    std::map<std::tuple<std::string_view, TargetKind, std::string_view>, double> stored_share; // when needed
    for (std::size_t i = 0; i < rows.items.size(); ++i) {
        auto& a = rows.items[i];
        bool has_share = rows.present[i] != 0;
        if (!has_share) {
            if (stored_share.empty())
                for (const auto& old : stored.assignments)
                    stored_share.emplace(std::make_tuple(std::string_view(old.pm_id), old.kind,
                                                         std::string_view(old.target_id)),
                                         old.share);
            if (auto it = stored_share.find({a.pm_id, a.kind, a.target_id}); it != stored_share.end()) {
                a.share = it->second;
                has_share = true;
            }
        }
        auto& [given, open] = per_pm[a.pm_id];
        if (has_share)
            given += a.share;
        else
            ++open;
        unshared[i] = !has_share;
    }
    std::size_t split = 0;
    for (const auto& [pm, counts] : per_pm) split += counts.second > 1;
    for (std::size_t i = 0; i < rows.items.size(); ++i) {
        if (!unshared[i]) continue;
        auto& a = rows.items[i];
        const auto [given, open] = per_pm[a.pm_id];
        const double left = 1.0 - given;
        if (left <= kEpsilon) {
            problems.add(rows.locs[i], "share",
                         fmt::format("has no share, and the other rows of '{}' already give all of their time "
                                     "({:.2f}); give this row a share and lower the others",
                                     a.pm_id, given));
            continue;
        }
        a.share = left / static_cast<double>(open);
    }
    if (split)
        notes.push_back(fmt::format(
            "assignments: {} PM{} with several rows and no share: their time is split evenly over those rows",
            split, split == 1 ? "" : "s"));
    return notes;
}

AssignmentFacts check_assignments(IncomingRecords& in, const PeopleIndex& people, const RecordIndexes& records,
                                  const Org& stored, Problems& problems) {
    AssignmentFacts facts;
    // Assignments: the PM must be a PM; the target must exist; shares sum to at most 1.
    facts.replaced.assign(people.size(), false);
    for (const auto& a : in.assignments.items)
        if (auto p = people.find(a.pm_id); p >= 0) facts.replaced[p] = true;
    facts.notes = split_unshared_assignments(in.assignments, stored, problems);
    std::vector<double> assigned(people.size(), 0.0);
    for (const auto& a : stored.assignments)
        if (auto p = people.find(a.pm_id); p >= 0 && !facts.replaced[p]) assigned[p] += a.share;
    std::set<std::tuple<long, TargetKind, std::string_view>> assigned_targets;
    for (std::size_t i = 0; i < in.assignments.items.size(); ++i) {
        const auto& a = in.assignments.items[i];
        const auto loc = in.assignments.locs[i];
        check_ref(records.of(a.kind), a.target_id, loc, "target", std::string(to_string(a.kind)), problems);
        const long p = people.find(a.pm_id);
        if (p < 0) {
            problems.add(loc, "pm", "unknown person '" + a.pm_id + "'; add them to the people file");
            continue;
        }
        // A second row would silently replace the first one's share while both count towards the total.
        if (!assigned_targets.emplace(p, a.kind, a.target_id).second)
            problems.add(loc, "target", fmt::format("'{}' is assigned to {} '{}' more than once; give one row with "
                                                    "the total share", a.pm_id, to_string(a.kind), a.target_id));
        // Product leaders may cover teams themselves (player-coaches): their shares count as PM FTE.
        if (people.is_known(p) && people.family[p] != Family::pm && people.family[p] != Family::product_leader)
            problems.add(loc, "pm", "'" + a.pm_id + "' is in family " + std::string(to_string(people.family[p])) +
                                        ", not pm; only PMs and product leaders take PM assignments (set their "
                                        "family column to pm if the title misleads)");
        const double total = assigned[p] += a.share;
        if (total > 1.0 + kEpsilon && total - a.share <= 1.0 + kEpsilon)
            problems.add(loc, "share", "assignment shares of '" + a.pm_id +
                                           "' add up to more than 1.0; lower them so they sum to at most 1");
    }
    return facts;
}

} // namespace orgplan::importing
