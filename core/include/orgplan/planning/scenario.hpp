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
/// Gives a person another manager (not themselves nor anyone who reports to them) and/or puts all of their team
/// time (their allocations' total, or 1) into one team. At least one of `manager` and `team` is given.
void move_person(Scenario& s, const std::string& person, const std::string& manager, const std::string& team);
/// A person's FTE: greater than 0, at most 1.
void set_fte(Scenario& s, const std::string& person, double fte);
/// The share of a person's time a team gets (0 takes them out of it); their shares over teams stay at most 1.
void allocate(Scenario& s, const std::string& person, const std::string& team, double share);
/// Opens a role (a planned position, not a person) of `family` and `fte` in a team, from `quarter` (or as soon as
/// possible).
void open_role(Scenario& s, const std::string& team, Family family, double fte, const std::string& quarter);
/// Plans the departure of a named person (a position, the person stays in the org until it is merged and filled).
void plan_departure(Scenario& s, const std::string& person, const std::string& quarter);
/// Closes an open position: one this scenario planned goes; one of the org is marked cancelled.
void close_position(Scenario& s, const std::string& id);
void set_setting(Scenario& s, const std::string& key, double value);
void set_mix(Scenario& s, const std::string& mix);

} // namespace orgplan
