// Answers shared by a command and the HTML report: each builds the Output a command prints.
#pragma once

#include "orgplan/mentoring.hpp"
#include "orgplan/output.hpp"

namespace orgplan::cli {

/// Who coaches whom: the pairings (main table), each mentor's load, coverage and the recommendation.
Output mentoring_answer(const Org& org, const MentoringPlan& plan);

} // namespace orgplan::cli
