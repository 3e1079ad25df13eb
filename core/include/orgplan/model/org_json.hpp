// The org snapshot as JSON: how scenarios are stored, and the shape a plugin would receive out of process.
#pragma once

#include <nlohmann/json.hpp>

#include "orgplan/org.hpp"

namespace orgplan {

nlohmann::json to_json(const Org& org);
/// Throws orgplan::Error naming the first field that is missing or of the wrong type.
Org org_from_json(const nlohmann::json& doc);

} // namespace orgplan
