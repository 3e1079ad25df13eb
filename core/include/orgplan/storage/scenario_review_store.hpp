// Who else a scenario is shared with, and its review: submissions, approvals and rejections with their comments.
// The rules of who may do what are access/scenario_access.hpp's; this file only keeps the record.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "orgplan/storage/database.hpp"

namespace orgplan {

/// A user a scenario is shared with: to open it, or (edit) to change it too.
struct ScenarioShare {
    std::string user;
    bool edit = false;
};
std::vector<ScenarioShare> load_scenario_shares(Database& db, const std::string& scenario);
/// Shares a scenario with `user` (edit or view only), or with nothing takes the share back.
void share_scenario(Database& db, const std::string& scenario, const std::string& user,
            std::optional<bool> edit);

/// One event of a scenario's review.
struct ReviewEntry {
    std::string at, user;
    std::string action; ///< submit, approve, reject, withdraw, merge
    std::string comment;
    std::vector<std::string> approvers; ///< of a submission: whom it asks (empty: anyone whose role approves)
};
void record_review(Database& db, const std::string& scenario, const ReviewEntry& entry);
/// Oldest first.
std::vector<ReviewEntry> load_reviews(Database& db, const std::string& scenario);

} // namespace orgplan
