// The org's settings in the database (table `setting`): read, stored and removed, checked together.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "orgplan/storage/database.hpp"

#include "orgplan/model/settings.hpp"

namespace orgplan {

/// Defaults overlaid with the stored values; throws orgplan::Error naming a stored value out of its range.
Settings load_settings(Database& db);

/// Stores a value; validates key and value, and the stored settings together with it. Throws orgplan::Error with
/// what to do (inside the caller's transaction, which then writes nothing).
void store_setting(Database& db, const std::string& key, const std::string& value);
/// Stores several values (key, value), checking them together only once all are written: settings that depend
/// on each other change in one step.
void store_settings(Database& db, const std::vector<std::pair<std::string, std::string>>& values);
/// Removes a stored value (its default comes back), checked together with the others.
void remove_setting(Database& db, const std::string& key);

} // namespace orgplan
