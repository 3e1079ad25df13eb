// An answer as its page shows it, from the answer's own Output (what the JSON twin holds): its tables as the HTML
// writer writes them, with a chart drawn above them (trend, plan) and findings grouped by severity (diagnose).
#pragma once

#include <string>

#include "orgplan/output/output.hpp"

namespace orgplan::cli::serve {

/// The page's fragment for `command`'s answer:
/// - trend: the org's maker:PM ratio per snapshot against the threshold (two snapshots or more);
/// - plan: the ratio per quarter with the simulated P10-P90 band against the target;
/// - diagnose: one table per severity, errors first, each headed with its count;
/// - others: the tables as they are.
std::string answer_fragment(const std::string& command, const Output& output);

} // namespace orgplan::cli::serve
