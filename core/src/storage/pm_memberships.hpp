// The PMs' memberships, which ratio reports read instead of everyone's (a PM with no assignment covers the teams
// they are members of): one key lookup per PM, the longest of a ratio report's reads, so it can be read from both
// ends at once on two connections that read one commit.
#pragma once

#include <vector>

#include "orgplan/org.hpp"
#include "orgplan/storage/database.hpp"
#include "membership_rows.hpp"
#include "people_halves.hpp"

namespace orgplan {

/// Every PM's memberships, by person then team. `people` is everyone but the makers, in id order (what
/// load_org reads for ratio reports); the memberships share their ids.
std::vector<Membership> read_pm_memberships(Database& db, const std::vector<Person>& people, const TeamIds& teams);

/// One end of them: going up from the smallest id, or down from the largest (people in descending order, each one's
/// teams still ascending), the rows of the people this end has claimed, claiming more from `claims` (opened over
/// `people`) as it reaches them, until the other end has claimed the rest.
std::vector<Membership> read_pm_memberships_end(Database& db, bool descending, const std::vector<Person>& people,
                                                const TeamIds& teams, Claims& claims);

/// Appends what an end going down read, person by person from the smallest id: each person's rows keep their order.
void append_descending(std::vector<Membership>& down, std::vector<Membership>& out);

} // namespace orgplan
