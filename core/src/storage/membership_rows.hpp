// Memberships made from rows, sharing their person's id and their team's instead of copying them: a million
// memberships would otherwise hold two million more copies of ids the snapshot already holds.
#pragma once

#include <cstddef>
#include <vector>

#include "orgplan/org.hpp"
#include "orgplan/storage/row_statement.hpp"
#include "../base/id_places.hpp"

namespace orgplan {

/// The teams of a snapshot found by id, for the memberships read after them. Long ids only: a short one is held
/// inline in its Text, and a copy of it costs nothing to share.
class TeamIds {
public:
    explicit TeamIds(const std::vector<Team>& teams);
    /// The team's own Text when the id is one of the teams', else a new one.
    Text of(std::string_view id) const;

private:
    const std::vector<Team>& teams_;
    IdPlaces places_;
};

/// Reads rows (person_id, team_id, allocation) that come in the order of `people` (ids ascending, or descending
/// when `descending`): one walk along the people finds each row's person. A person not in the list gets a copy of
/// the id. Not thread-safe; `people` and `teams` must outlive it and not change while it reads.
class MembershipRows {
public:
    MembershipRows(const std::vector<Person>& people, bool descending, const TeamIds& teams)
        : people_(people), descending_(descending), teams_(teams) {}

    void add(const RowQuery& q, std::vector<Membership>& out);

private:
    const std::vector<Person>& people_;
    bool descending_;
    const TeamIds& teams_;
    std::size_t at_ = 0; // the first person not yet passed
};

} // namespace orgplan
