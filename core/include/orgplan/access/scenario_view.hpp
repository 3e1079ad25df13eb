// A scenario as a restricted user may see it: the scenario's structure (who reports to whom, teams, FTE, coverage,
// positions) over only the people and records of their view of the live org, with the view's personal fields (blank,
// or costs as group means). So a scenario's impact says nothing the user's view of the org would not.
#pragma once

#include "orgplan/org.hpp"

namespace orgplan {

/// `scenario` cut to what `view` (the caller's view of the live org) holds. Teams the scenario added (in neither the
/// live org `live` nor the view) stay; a manager outside the view becomes no manager.
Org scenario_as_seen(const Org& scenario, const Org& live, const Org& view);

} // namespace orgplan
