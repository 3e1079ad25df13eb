// Check memberships: known people and teams, one row per person and team, allocations at most 1; maker FTE per team.
#pragma once

#include <cstdint>
#include <vector>

#include "id_index.hpp"
#include "incoming.hpp"
#include "orgplan/org.hpp"
#include "orgplan/storage/org_store.hpp"
#include "people_index.hpp"

namespace orgplan::importing {

/// Memberships as the org will hold them after the import, per person and per team.
struct MembershipFacts {
    std::vector<std::uint32_t> incoming; ///< per person: incoming memberships, which replace all stored ones
    std::vector<double> allocated;       ///< per person: allocations summed over their teams
    std::vector<double> team_maker_fte;  ///< per team (index of `teams`): makers' FTE × allocation
    /// per person: a stored person whose incoming memberships are their stored ones (the same teams, the same
    /// allocations), whose rows the write leaves as they are
    std::vector<bool> unchanged;
    std::vector<PersonPlace> person_of_row; ///< per incoming membership: its person, -1 when unknown
    bool replaced(long person) const { return incoming[person] > 0; }
    /// Whether the write replaces a stored person's memberships (or writes a new person's).
    bool rewritten(long person) const { return replaced(person) && !unchanged[person]; }
};

/// Checks the incoming memberships against `people`, `teams` and the `stored` ones they replace, and sums what the
/// org will hold. A membership given again without an allocation takes the stored one (written into `in`); a
/// duplicate person record's team column is not checked a second time.
MembershipFacts check_memberships(IncomingRecords& in, const PeopleIndex& people, const IdIndex& teams,
                                  const StoredPeople& stored, Problems& problems);

/// Maker FTE per team and makers' FTE outside any team, as stored with the org for ratio reports.
MakerTotals maker_totals(const PeopleIndex& people, const IdIndex& teams, const MembershipFacts& memberships);

} // namespace orgplan::importing
