// The org's lists of records by the names its JSON and its record groups give them (internal to model/).
#pragma once

#include "orgplan/org.hpp"

namespace orgplan::detail {

/// Calls visit(name, member) for each list of records that are compared and merged (model/org_records.hpp), in
/// record_groups() order: the order their writes respect foreign keys.
template <typename Visit>
void for_each_record_list(Visit&& visit) {
    visit("segments", &Org::segments);
    visit("products", &Org::products);
    visit("initiatives", &Org::initiatives);
    visit("accounts", &Org::accounts);
    visit("teams", &Org::teams);
    visit("people", &Org::people);
    visit("goals", &Org::goals);
    visit("memberships", &Org::memberships);
    visit("assignments", &Org::assignments);
    visit("positions", &Org::positions);
}

/// The same, then the logs kept beside the org (interrupts, task forces): every list the org's JSON holds.
template <typename Visit>
void for_each_list(Visit&& visit) {
    for_each_record_list(visit);
    visit("interrupts", &Org::interrupts);
    visit("task_forces", &Org::task_forces);
}

} // namespace orgplan::detail
