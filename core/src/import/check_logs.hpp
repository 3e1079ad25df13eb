// Check logs: interrupts and task force seats name people, PMs, teams and products that exist.
#pragma once

#include "check_records.hpp"
#include "incoming.hpp"
#include "people_index.hpp"

namespace orgplan::importing {

/// Reports interrupts with a duplicate id, an unknown requester, PM, team or product, or a "PM" who is not one;
/// and task force seats of unknown people or given twice.
void check_logs(const IncomingRecords& in, const PeopleIndex& people, const RecordIndexes& records,
                Problems& problems);

} // namespace orgplan::importing
