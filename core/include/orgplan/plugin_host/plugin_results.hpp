// What the host checks in everything a plugin returns, as the importer checks files: a plugin is code someone else
// wrote, and its output reaches arrays, casts and the database.
#pragma once

#include <string>
#include <vector>

#include "orgplan/sdk.hpp"

namespace orgplan {

/// A proposal's assignments: kinds in range, shares finite in (0, 1] and at most 1 per PM, each (PM, target) once,
/// every PM a PM of `org` and every target in it. Throws orgplan::Error starting with `source` and listing the
/// first problems.
void validate_assignments(const Org& org, const std::vector<Assignment>& assignments, const std::string& source);

/// A hiring plan: origins known (not unknown), counts, costs and coaching hours finite and not negative, lead and
/// ramp times finite from 0 to 40 quarters. Throws orgplan::Error naming `source`.
void validate_hiring_plan(const sdk::HiringPlan& plan, const std::string& source);

/// Findings: severities in range and a check name on each. Throws orgplan::Error naming `source`.
void validate_findings(const std::vector<sdk::Finding>& findings, const std::string& source);

} // namespace orgplan
