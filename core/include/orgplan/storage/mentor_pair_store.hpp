// Saved mentoring pairings (orgplan mentoring plan --save) in the `mentor_pair` table.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "orgplan/storage/database.hpp"

namespace orgplan {

struct MentorPair {
    std::string mentor_id, novice_id;
    double hours = 0; ///< weekly coaching hours
};

/// Saved pairs (mentor id, novice id), ordered by mentor then novice; empty when none were saved.
std::vector<std::pair<std::string, std::string>> load_mentor_pairs(Database& db);
/// Replaces the saved pairs. The caller owns the transaction.
void save_mentor_pairs(Database& db, const std::vector<MentorPair>& pairs);

} // namespace orgplan
