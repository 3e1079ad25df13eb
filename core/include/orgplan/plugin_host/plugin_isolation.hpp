// Running a plugin call in a child process: a crash, an abort, an endless loop, unbounded memory or writes to stdout
// end that call, never orgplan. The child gets the request as the parent's memory (plain data, copied on write),
// holds no database handle, and returns its answer as JSON through a pipe.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "orgplan/sdk.hpp"

namespace orgplan {

struct IsolationLimits {
    double seconds = 30;          ///< wall-clock time a call may take
    std::size_t memory_mb = 2048; ///< address space of the child
};

/// The limits from $ORGPLAN_PLUGIN_TIMEOUT (seconds) and $ORGPLAN_PLUGIN_MEMORY_MB, else the defaults. Throws
/// orgplan::Error for a value that is not a positive number.
IsolationLimits isolation_limits_from_environment();

/// Runs `work` in a child process and returns what it returned. Throws orgplan::Error naming `who` when the child
/// crashes, is stopped at the time limit or runs out of memory; when `work` throws, its message comes back as it
/// was (the host's calls already name the plugin in it, the same message as without isolation).
nlohmann::json run_isolated(const std::string& who, const IsolationLimits& limits,
                            const std::function<nlohmann::json()>& work);

// Plugin answers as JSON and back, for the trip from the child.
nlohmann::json to_wire(const sdk::Proposal& p);
nlohmann::json to_wire(const sdk::HiringPlan& p);
nlohmann::json to_wire(const std::vector<sdk::Finding>& findings);
sdk::Proposal proposal_from_wire(const nlohmann::json& j);
sdk::HiringPlan hiring_plan_from_wire(const nlohmann::json& j);
std::vector<sdk::Finding> findings_from_wire(const nlohmann::json& j);

} // namespace orgplan
