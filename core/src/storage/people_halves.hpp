// The people of a snapshot and their memberships read in two halves at once, on two connections that read one
// commit: one thread from the smallest id up, the other from the largest down, until they meet. Stepping SQLite
// through a million rows of sixteen columns is most of a snapshot's load, and one connection steps on one thread.
#pragma once

#include <vector>

#include "orgplan/org.hpp"
#include "orgplan/storage/database.hpp"
#include "membership_rows.hpp"

namespace orgplan {

/// Reads every person (ordered by id) and every membership (by person, then team) into `people` and `memberships`,
/// exactly as one connection reading both tables in order would. `up` and `down` must read the same commit (see
/// SnapshotTwin); `up` is used on this thread, `down` on a helper, for as long as the call lasts. Memberships
/// share their person's and their team's id. An error on either thread is thrown here, after both have stopped.
void read_people_halves(Database& up, Database& down, const TeamIds& teams, std::vector<Person>& people,
                        std::vector<Membership>& memberships);

} // namespace orgplan
