// Two scenarios (or a scenario and the live org) side by side, as orgplan scenario diff answers.
#pragma once

#include "orgplan/output/output.hpp"
#include "orgplan/output/table.hpp"
#include "orgplan/model/scenario.hpp"
#include "orgplan/plugin_host/plugin_host.hpp"

namespace orgplan {

/// Each scenario evaluated as planned (its open roles and departures count): the metrics (ratios, a `quarters`
/// plan, mentoring, findings by severity) of both and their change, the findings one has and the other not, and
/// the coverage of products, segments, initiatives and accounts that changes hands or is lost. Money metrics are
/// Money cells named with the currency (grouped for people, numbers in data formats); the two lists of changes are
/// left out of a table when empty. Without `costs`, no metric of money is in it (for those who may not see costs).
Output scenario_comparison(const Scenario& a, const Scenario& b, const PluginHost& host, int quarters,
                           bool costs = true);

} // namespace orgplan
