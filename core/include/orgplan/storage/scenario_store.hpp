// Scenarios in the database: each stored with its org and settings as JSON, and the base a merge compares with.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "orgplan/model/scenario.hpp"

namespace orgplan {

/// Copies `from` (a scenario or "current") into a new scenario of `owner`, a draft. A copy of a scenario keeps its
/// steps and base. Throws orgplan::Error if the name is taken or not usable (empty, "current", over 100
/// characters, a '/'). The caller owns the transaction.
void create_scenario(SQLite::Database& db, const std::string& name, const std::string& from,
                     const std::string& owner = "");
/// Loads a scenario, or the live org for "current"; throws orgplan::Error naming the known scenarios.
Scenario load_scenario(SQLite::Database& db, const std::string& name);
/// The scenario as it was created: its base org and settings, no changes (what undo makes it again from). Throws
/// orgplan::Error for a scenario stored before bases were kept.
Scenario load_scenario_start(SQLite::Database& db, const std::string& name);
/// Writes a scenario's org, settings and changes back (not "current") and counts up its version. A changed
/// approved or in-review scenario goes back to draft: what was reviewed is not what it is now. `scenario` is brought
/// up to date with what was stored: its version, status and the version of its new steps.
void save_scenario(SQLite::Database& db, Scenario& scenario);
/// Sets the review status and counts up the version; returns the new version.
long long set_scenario_status(SQLite::Database& db, const std::string& name, ScenarioStatus status);
/// The scenario's name, owner, status and version, or nothing when there is none of that name.
std::optional<ScenarioInfo> scenario_info(SQLite::Database& db, const std::string& name);
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
