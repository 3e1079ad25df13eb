// Check managers: emails unique, manager references (ids or emails) resolve, no reporting cycles.
#pragma once

#include <vector>

#include "incoming.hpp"
#include "orgplan/model/stored_people.hpp"
#include "people_index.hpp"

namespace orgplan::importing {

/// Resolves each known person's manager reference, an id or an email (of an incoming or `stored` person), and
/// returns each person's manager index (-1 for none). Reports emails given twice among incoming people, unknown
/// managers and people managing themselves; a resolved incoming record's manager_id becomes the manager's id.
std::vector<PersonPlace> check_managers(IncomingRecords& in, const PeopleIndex& people, const StoredPeople& stored,
                                        Problems& problems);

/// Reports each reporting cycle through an incoming person once, naming its people in order.
void check_cycles(const IncomingRecords& in, const PeopleIndex& people, const std::vector<PersonPlace>& manager,
                  Problems& problems);

} // namespace orgplan::importing
