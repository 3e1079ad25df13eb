// Planned positions in the database (open roles, planned departures): read with the org, written by scenario
// merges and `orgplan positions`.
#pragma once

#include <string>
#include <vector>

#include "orgplan/storage/database.hpp"

#include "orgplan/org.hpp"

namespace orgplan {

/// Every stored position, ordered by id. Inside the caller's transaction.
std::vector<Position> load_positions(Database& db);

/// Inserts or replaces a position by id. Throws orgplan::Error for an FTE outside (0, 1] or a quarter that is not
/// YYYY-Qn. The caller owns the transaction.
void put_position(Database& db, const Position& position);
/// Removes a position by id (a scenario merge that drops one); nothing when there is none.
void remove_position(Database& db, const std::string& id);
/// Sets a position's status; throws orgplan::Error naming the known ids when there is none with `id`.
void set_position_status(Database& db, const std::string& id, PositionStatus status);

} // namespace orgplan
