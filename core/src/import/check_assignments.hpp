// Check assignments: shares where the file has none, PMs are PMs, targets exist, shares at most 1 per PM.
#pragma once

#include <string>
#include <vector>

#include "check_records.hpp"
#include "incoming.hpp"
#include "orgplan/org.hpp"
#include "people_index.hpp"

namespace orgplan::importing {

struct AssignmentFacts {
    std::vector<bool> replaced;     ///< per person: incoming assignments replace all stored ones
    std::vector<std::string> notes; ///< what was decided for the user (shares split evenly)
};

/// Gives rows without a share one: a row given again keeps its stored share (from `stored`); a PM's other rows
/// without one split evenly what the PM's rows with a share leave (all of it when none has one), so a coverage file
/// of PMs and teams needs no share column. Reports rows left with nothing to split; returns a note when it split.
std::vector<std::string> split_unshared_assignments(Incoming<Assignment>& rows, const Org& stored,
                                                    Problems& problems);

/// Splits unshared rows (above), then checks each incoming assignment: its PM is a known PM or product leader, its
/// target exists, no PM-target pair twice, each PM's shares (with stored ones not replaced) sum to at most 1.
AssignmentFacts check_assignments(IncomingRecords& in, const PeopleIndex& people, const RecordIndexes& records,
                                  const Org& stored, Problems& problems);

} // namespace orgplan::importing
