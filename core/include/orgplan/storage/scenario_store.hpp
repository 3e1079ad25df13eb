// Scenarios in the database: each stored with its org and settings as JSON, and the base a merge compares with.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "orgplan/model/scenario.hpp"

namespace orgplan {

/// Copies `from` (a scenario or "current") into a new scenario. Throws orgplan::Error if the name is taken or
/// not usable (empty, "current"). The caller owns the transaction.
void create_scenario(SQLite::Database& db, const std::string& name, const std::string& from);
/// Loads a scenario, or the live org for "current"; throws orgplan::Error naming the known scenarios.
Scenario load_scenario(SQLite::Database& db, const std::string& name);
/// Writes a scenario back (not "current").
void save_scenario(SQLite::Database& db, const Scenario& scenario);
void delete_scenario(SQLite::Database& db, const std::string& name);
std::vector<ScenarioInfo> list_scenarios(SQLite::Database& db);

/// What a merge compares a scenario with: the live org and settings when it was created, as JSON.
struct ScenarioBase {
    bool found = false;             ///< a scenario of that name exists
    std::string merged_at;          ///< when it was merged; empty while it is not
    std::optional<std::string> json; ///< absent for scenarios stored before bases were kept
};
ScenarioBase load_scenario_base(SQLite::Database& db, const std::string& name);
/// Marks a scenario merged now; a merged scenario is not merged again.
void mark_scenario_merged(SQLite::Database& db, const std::string& name);

} // namespace orgplan
