// Changes to a scenario: each validates against the scenario's org and records itself. Storing scenarios is
// storage/scenario_store.hpp's.
#pragma once

#include <string>
#include <vector>

#include "orgplan/model/scenario.hpp"

namespace orgplan {

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
