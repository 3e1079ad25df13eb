// Which person each membership is of, by position in the people list: what every answer that walks memberships
// (coverage, the portfolio's costs, the data gaps' allocations) needs first.
#pragma once

#include <vector>

#include "orgplan/org.hpp"

namespace orgplan {

/// The position in `org.people` of each membership's person, -1 for an id not in the org; an id given twice is its
/// first person. When people and memberships are both in id order (as load_org reads them) one merge walks both
/// lists, with no index of a million ids to build; otherwise through an index by id.
std::vector<long> person_of_memberships(const Org& org);

} // namespace orgplan
