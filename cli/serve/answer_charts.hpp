// The charts a page draws above an answer's tables, from the answer's own Output: what the JSON twin holds, drawn.
#pragma once

#include <string>

#include "orgplan/output/output.hpp"

namespace orgplan::cli::serve {

/// trend: the org's maker:PM ratio per snapshot against the threshold; plan: the ratio per quarter with the
/// simulated P10-P90 band against the target. Empty for other answers, or when there is nothing to draw.
std::string answer_chart(const std::string& command, const Output& output);

} // namespace orgplan::cli::serve
