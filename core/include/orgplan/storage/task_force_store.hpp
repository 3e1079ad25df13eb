// Saved task forces in the database: read with the org, written by `orgplan taskforce save` and by imports.
#pragma once

#include <string>
#include <vector>

#include "orgplan/storage/database.hpp"

#include "orgplan/org.hpp"

namespace orgplan {

/// A task force as stored: the SDK's plain record plus what it was proposed from and when it was saved.
struct StoredTaskForce {
    TaskForce task_force;
    std::vector<std::string> products, functions;
    std::string created; ///< YYYY-MM-DD HH:MM:SS, UTC
};

/// Every saved task force, ordered by name, seats by role (working group first) and person id.
std::vector<StoredTaskForce> load_task_forces(Database& db);

/// Saves a task force, replacing one of the same name (its seats with it). The caller owns the transaction.
void save_task_force(Database& db, const StoredTaskForce& t);

/// Deletes a task force; false when there was none of that name.
bool delete_task_force(Database& db, const std::string& name);

/// Deletes every task force (an import bringing task force files with --replace). The caller owns the transaction.
void delete_all_task_forces(Database& db);

} // namespace orgplan
