// The changes of `orgplan scenario apply` as steps: plain JSON objects whose keys are apply's options, one change
// each, so the command line and the server make the same changes, a scenario keeps how it was made, and a change
// can be taken out by making the scenario again without it.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "orgplan/base/error.hpp"
#include "orgplan/base/utc_time.hpp" // utc_now(): when a step is made
#include "orgplan/model/scenario.hpp"

namespace orgplan {

/// A step written wrongly (an unknown option, TEAM=N without a number, an option without its companion): the
/// caller's mistake, as against a change the scenario's org refuses (orgplan::Error).
class StepFormatError : public Error {
public:
    using Error::Error;
};

/// Throws orgplan::Error unless a hiring mix of that name is there to plan with (the plugin host's question, asked
/// by the caller).
using CheckMix = std::function<void(const std::string& mix)>;

/// The options apply takes, for messages: "--move-pm, --add-team, ...".
std::string step_options_list();

/// Splits apply's options (a JSON object: strings, numbers, or arrays for the repeatable --add-makers and --set)
/// into steps of one change each, in a fixed order. Throws StepFormatError naming what is wrong, and for options
/// that change nothing.
std::vector<nlohmann::json> split_steps(const nlohmann::json& options);

/// Makes one step's change to `s` and appends it to s.steps, made by `by` at `at`. Throws StepFormatError or
/// orgplan::Error; `s` may then be half-changed, so callers change a copy.
void apply_step(Scenario& s, const nlohmann::json& step, const CheckMix& check_mix, const std::string& by,
                const std::string& at);

/// What a step names, for scope checks: ("person", id) and ("team", id) pairs.
std::vector<std::pair<std::string, std::string>> step_subjects(const nlohmann::json& step);

/// `s` made again from `start` (the scenario as it was created) with every step but `index`. Throws orgplan::Error
/// when a step was kept only as text, or saying which later change no longer applies without it.
Scenario without_step(const Scenario& s, Scenario start, std::size_t index, const CheckMix& check_mix);

} // namespace orgplan
