// A scenario: a named copy of the org (with its settings and hiring mix), changed without touching the live org,
// step by step, by its owner and those it is shared with, then reviewed and merged.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "orgplan/model/settings.hpp"
#include "orgplan/org.hpp"

namespace orgplan {

/// Where a scenario is in its review. Only an approved one is merged where approval is required.
enum class ScenarioStatus { draft, in_review, approved, rejected, merged };

/// One change made to a scenario, as `scenario apply` options for a single change, so the scenario can be made
/// again from its base without it (undo).
struct ScenarioStep {
    nlohmann::json options; ///< e.g. {"move-pm": "E0020", "to": "team:x"}; null for a change kept only as text
    std::string text;       ///< what it changed, as `scenario show` lists it
    std::string by, at;     ///< who made it and when (UTC, ISO 8601); empty for changes made before this was kept
    long long version = 0;  ///< the scenario's version once it was saved; 0 until then
};

struct Scenario {
    std::string name;               ///< "current" is the live org
    std::string created_at;
    Org org;
    Settings settings;
    std::string mix = "balanced";
    std::vector<std::string> changes; ///< what the edits of planning/scenario.hpp said, oldest first
    std::vector<ScenarioStep> steps;  ///< the changes as steps (one step may say several changes), oldest first
    std::string owner;                ///< who created it
    ScenarioStatus status = ScenarioStatus::draft;
    long long version = 0;            ///< grows with every write to the scenario (If-Match)
    /// The org the scenario was made from, which it stores its changes against; null for the live org and for
    /// scenarios stored whole (before bases were kept copy-on-write).
    std::shared_ptr<const Org> base;
    long long base_id = 0; ///< storage's name of that base (storage/scenario_base.hpp); 0 without one
};

/// The name that always means the live org.
inline constexpr const char* kCurrentScenario = "current";

/// A stored scenario as `scenario list` shows it.
struct ScenarioInfo {
    std::string name, created_at, owner;
    std::size_t changes = 0;
    ScenarioStatus status = ScenarioStatus::draft;
    long long version = 0;
};

} // namespace orgplan
