// Scenarios in the database: each stored as the records it changes over its base (the live org as it was when the
// scenario was created, kept copy-on-write: storage/scenario_base.hpp), with its settings, steps and review state.
// Scenarios stored before bases were kept hold whole copies of their org and base as JSON, read as before.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "orgplan/model/scenario.hpp"
#include "orgplan/storage/database.hpp"

namespace orgplan {

/// Makes a new scenario of `owner`, a draft, from `from` (a scenario or "current"): of the live org it copies
/// nothing but the settings; a copy of a scenario keeps its base, changes and steps. Throws orgplan::Error if the name is taken or not usable (empty, "current", over 100
/// characters, a '/'). The caller owns the transaction.
void create_scenario(Database& db, const std::string& name, const std::string& from,
             const std::string& owner = "");
/// Loads a scenario (its base with its changes made again), or the live org for "current"; throws orgplan::Error
/// naming the known scenarios.
Scenario load_scenario(Database& db, const std::string& name);
/// Two scenarios to compare (either may be "current"). The live org is read once when one is "current" and the
/// other stands on a base nothing was written over since (the base is then the live org).
std::pair<Scenario, Scenario> load_scenario_pair(Database& db, const std::string& a, const std::string& b);
/// The scenario as it was created: its base org and settings, no changes (what undo makes it again from). Throws
/// orgplan::Error for a scenario stored before bases were kept.
Scenario load_scenario_start(Database& db, const std::string& name);
/// Writes a scenario's changes over its base, settings and steps back (not "current") and counts up its version. A changed
/// approved or in-review scenario goes back to draft: what was reviewed is not what it is now. `scenario` is brought
/// up to date with what was stored: its version, status and the version of its new steps.
void save_scenario(Database& db, Scenario& scenario);
/// Sets the review status and counts up the version; returns the new version.
long long set_scenario_status(Database& db, const std::string& name, ScenarioStatus status);
/// The scenario's name, owner, status and version, or nothing when there is none of that name.
std::optional<ScenarioInfo> scenario_info(Database& db, const std::string& name);
void delete_scenario(Database& db, const std::string& name);
std::vector<ScenarioInfo> list_scenarios(Database& db);

/// What a merge compares a scenario with: the org and settings it was created from.
struct ScenarioBase {
    bool found = false;                 ///< a scenario of that name exists
    std::string merged_at;              ///< when it was merged; empty while it is not
    std::shared_ptr<const Org> org;     ///< null for scenarios stored before bases were kept
    nlohmann::json settings = nlohmann::json::object(); ///< the org's settings then, by key
};
/// The base of `scenario` (as load_scenario gave it: its base org is shared, not loaded again).
ScenarioBase load_scenario_base(Database& db, const Scenario& scenario);
/// Marks a scenario merged now; a merged scenario is not merged again.
void mark_scenario_merged(Database& db, const std::string& name);

} // namespace orgplan
