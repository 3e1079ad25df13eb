#include "orgplan/plugin_host/plugin_requests.hpp"

#include <algorithm>

namespace orgplan {

sdk::Settings to_sdk(const Settings& settings) {
    sdk::Settings out;
    for (const auto& spec : setting_specs()) out[spec.key] = settings.get(spec.key);
    return out;
}

sdk::Coverage to_sdk(const Coverage& coverage) {
    sdk::Coverage out;
    out.team_maker_fte = coverage.team_makers;
    out.team_pm_fte = coverage.team_pm;
    for (const auto& [pm, teams] : coverage.pm_team)
        for (const auto& [team, fte] : teams) out.parts.push_back({pm, team, fte});
    // Hash-map order would make plugin output depend on the run; sort so equal input gives equal output.
    std::sort(out.parts.begin(), out.parts.end(), [](const auto& a, const auto& b) {
        return a.pm_id != b.pm_id ? a.pm_id < b.pm_id : a.team < b.team;
    });
    return out;
}

} // namespace orgplan
