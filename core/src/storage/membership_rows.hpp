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

/// Reads rows (person_id, team_id, allocation) that come in the order of the `count` people from `people` on (ids
/// ascending; with `descending`, rows in descending order, walked from the last of them back): one walk along the
/// people finds each row's person. A person not among them gets a copy of the id. Not thread-safe; the people and
/// `teams` must outlive it and not change while it reads (people outside the range may).
class MembershipRows {
public:
    MembershipRows(const Person* people, std::size_t count, bool descending, const TeamIds& teams)
        : people_(people), count_(count), descending_(descending), teams_(teams) {}

    /// The membership of `q`'s current row.
    Membership read(const RowQuery& q);
    /// Where the last row's person is in the walk: how many people, in the walk's order, come before them.
    std::size_t position() const { return at_; }

private:
    const Person& person(std::size_t k) const { return people_[descending_ ? count_ - 1 - k : k]; }
    const Person* people_;
    std::size_t count_;
    bool descending_;
    const TeamIds& teams_;
    std::size_t at_ = 0; // how many people the walk has passed
};

} // namespace orgplan
