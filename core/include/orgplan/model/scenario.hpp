// A scenario: a named copy of the org (with its settings and hiring mix), changed without touching the live org.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "orgplan/model/settings.hpp"
#include "orgplan/org.hpp"

namespace orgplan {

struct Scenario {
    std::string name;               ///< "current" is the live org
    std::string created_at;
    Org org;
    Settings settings;
    std::string mix = "balanced";
    std::vector<std::string> changes; ///< what was applied, oldest first
};

/// The name that always means the live org.
inline constexpr const char* kCurrentScenario = "current";

/// A stored scenario as `scenario list` shows it.
struct ScenarioInfo {
    std::string name, created_at;
    std::size_t changes = 0;
};

} // namespace orgplan
