// What a caller who may not see costs gets of an answer: no money column in any table, and no field whose name
// speaks of cost. The view of the org already holds no individual cost for them; this also takes out the totals
// and the estimates from the cost defaults, so a viewer's answers carry no sum of money at all.
#pragma once

#include "orgplan/output/output.hpp"

namespace orgplan::cli::serve {

/// Removes every money column and every JSON field or row key containing "cost" from `output`.
void remove_costs(Output& output);

} // namespace orgplan::cli::serve
