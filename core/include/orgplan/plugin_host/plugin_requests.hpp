// Turning the host's model into the plain data plugins receive.
#pragma once

#include "orgplan/sdk.hpp"
#include "orgplan/analysis/ratios.hpp"
#include "orgplan/model/settings.hpp"

namespace orgplan {

/// Every setting, current values, keyed by name.
sdk::Settings to_sdk(const Settings& settings);
/// Coverage as plugins see it: per-team FTE and each PM's parts, ordered by PM id then team.
sdk::Coverage to_sdk(const Coverage& coverage);

} // namespace orgplan
