// Merging a scenario into the live org: a three-way merge of records against the org as it was when the scenario
// was created, refusing records both sides changed unless told which side wins.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "orgplan/base/error.hpp"
#include "orgplan/storage/database.hpp"

namespace orgplan {

/// Which side wins where the scenario and the org both changed a record since the scenario was created.
enum class MergeResolve { refuse, theirs /* the scenario */, ours /* the org */ };

/// One record both sides changed: its kind (person, team, memberships of, assignments of...) and id, and the record
/// as the scenario was made from, as the scenario has it and as the org has it now (null: not there).
struct MergeConflict {
    std::string kind;
    std::string id;
    nlohmann::json base, scenario, org;
    /// "person E0012": how a choice names it.
    std::string key() const { return kind + " " + id; }
};
/// Per conflict (by MergeConflict::key()), which side wins; conflicts not named follow the merge's `resolve`.
using MergeChoices = std::map<std::string, MergeResolve>;

/// A merge refused for conflicts; lists them.
class MergeConflicts : public Error {
public:
    MergeConflicts(const std::string& scenario, std::vector<MergeConflict> conflicts);
    const std::vector<MergeConflict>& conflicts() const { return conflicts_; }

private:
    std::vector<MergeConflict> conflicts_;
};

/// A person a merge touches, by id and name (as the scenario or, for a removal, the org has them).
struct MergedPerson {
    std::string id;
    std::string name;
};

struct MergeSummary {
    std::size_t written = 0;   ///< records added or changed in the org
    std::size_t removed = 0;   ///< records removed from the org
    std::size_t conflicts = 0; ///< resolved by --theirs or --ours
    std::size_t settings = 0;  ///< settings the scenario changed, now stored
    std::vector<MergedPerson> people_added, people_removed;
    std::vector<MergedPerson> people_moved; ///< another manager, team or record of a person in both
    std::vector<std::string> positions_planned; ///< positions the merge adds, described ("open role ... (id)")
};

/// "E0012 Ann Lee, E0013 Bo Kim and 4 more": the people a merge touches, for messages.
std::string listed_people(const std::vector<MergedPerson>& people, std::size_t most = 20);

/// A merge that would remove people of the org without being allowed to; lists them. Nothing was merged.
class MergeRemovesPeople : public Error {
public:
    MergeRemovesPeople(const std::string& scenario, const std::vector<MergedPerson>& people);
};

/// Applies what scenario `name` changed (records and settings, against its base) to the live org, inside the
/// caller's write transaction, recomputes maker totals and marks the scenario merged. Removing people of the org
/// needs `allow_removals` (else MergeRemovesPeople, before anything is written). Throws MergeConflicts when both
/// sides changed a record and `resolve` is refuse; orgplan::Error for an unknown or already merged scenario.
MergeSummary merge_scenario(Database& db, const std::string& name, MergeResolve resolve,
                    bool allow_removals = false, const MergeChoices& choices = {});

} // namespace orgplan
