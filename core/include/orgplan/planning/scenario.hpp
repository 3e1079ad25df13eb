// Scenarios: named copies of the org (with its settings and hiring mix) kept in the same database, changed
// without touching the live org, and compared with each other or with it.
#pragma once

#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "orgplan/org.hpp"
#include "orgplan/model/settings.hpp"

namespace orgplan {

struct Scenario {
    std::string name;               ///< "current" is the live org
    std::string created_at;
    Org org;
    Settings settings;
    std::string mix = "balanced";
    std::vector<std::string> changes; ///< what was applied, oldest first
};

/// The name that always means the live org.
inline constexpr const char* kCurrentScenario = "current";

/// Copies `from` (a scenario or "current") into a new scenario. Throws orgplan::Error if the name is taken or
/// not usable (empty, "current"). The caller owns the transaction.
void create_scenario(SQLite::Database& db, const std::string& name, const std::string& from);
/// Loads a scenario, or the live org for "current"; throws orgplan::Error naming the known scenarios.
Scenario load_scenario(SQLite::Database& db, const std::string& name);
/// Writes a scenario back (not "current").
void save_scenario(SQLite::Database& db, const Scenario& scenario);
void delete_scenario(SQLite::Database& db, const std::string& name);

struct ScenarioInfo {
    std::string name, created_at;
    std::size_t changes = 0;
};
std::vector<ScenarioInfo> list_scenarios(SQLite::Database& db);

/// Edits; each validates against the scenario's org and records itself in `changes`. Throw orgplan::Error.
/// Replaces all of a PM's assignments with one assignment of `share` to the target.
void move_pm(Scenario& s, const std::string& pm, TargetKind kind, const std::string& target, double share);
/// Adds a team with `makers` open maker roles of 1.0 FTE (planned positions, see change_makers).
void add_team(Scenario& s, const std::string& id, const std::string& name, int makers, const std::string& product,
              const std::string& segment);
/// Plans makers in an existing team as positions: +N opens N maker roles of 1.0 FTE, -N plans N unnamed departures
/// (each first takes back the opposite positions this scenario planned there). `quarter` (YYYY-Qn, or empty for as
/// soon as possible) is when they count in plan. No person is added or removed. Throws orgplan::Error for an unknown
/// team, a bad quarter, or more departures than the team has maker FTE.
void change_makers(Scenario& s, const std::string& team, int delta, const std::string& quarter = "");
void set_setting(Scenario& s, const std::string& key, double value);
void set_mix(Scenario& s, const std::string& mix);

} // namespace orgplan
