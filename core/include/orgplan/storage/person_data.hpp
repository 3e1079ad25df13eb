// Data-subject requests: everything stored about one person, and erasing it everywhere.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "orgplan/storage/database.hpp"

namespace orgplan {

/// Everything the database holds about person `id` as JSON: their record, memberships and assignments, mentoring
/// pairings (as mentor and as novice), who reports to them, and their records in every scenario with the scenario
/// changes that name them. Throws orgplan::Error when neither the org nor any scenario knows the id. Reads inside the
/// caller's transaction.
nlohmann::json export_person(Database& db, const std::string& id);

struct ErasureSummary {
    bool in_org = false;
    long long memberships = 0, assignments = 0, mentor_pairs = 0, reports_moved = 0;
    std::size_t scenarios = 0; ///< scenarios the person was removed from
    long long snapshot_rows = 0; ///< history rows of the person removed from the snapshots
    long long interrupts = 0;    ///< interrupts they asked for or that hit them, deleted
    long long task_force_seats = 0;
};

/// Removes person `id` from the org, every scenario, the interrupt log and task forces. Their direct reports move up to the erased person's
/// manager (in the org and in each scenario); scenario changes that name them say "(erased)" instead; maker totals
/// are recomputed. Turns SQLite's secure_delete on first, so the freed bytes are zeroed; the caller owns the
/// transaction and checkpoints the WAL after the commit. Throws orgplan::Error when the id is unknown everywhere.
ErasureSummary erase_person(Database& db, const std::string& id);

} // namespace orgplan
