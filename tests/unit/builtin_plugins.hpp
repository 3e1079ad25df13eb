// Running the built-in plugins on small orgs built in code (org_builder.hpp).
#pragma once

#include <optional>
#include <string>

#include "orgplan/analysis/coaching.hpp"
#include "orgplan/plugin_host/plugin_host.hpp"
#include "orgplan/plugin_host/plugin_requests.hpp"
#include "orgplan/analysis/ratios.hpp"
#include "orgplan/model/settings.hpp"
#include "org_builder.hpp"

namespace orgplan::test {

/// The built-in plugins, loaded once for the test run.
inline const PluginHost& builtin_host() {
    static const auto host = [] {
        auto h = std::make_unique<PluginHost>(PluginHost::OnError::fail);
        h->load_directory(ORGPLAN_BUILTIN_PLUGINS);
        return h;
    }();
    return *host;
}

inline std::vector<sdk::Finding> run_check(const std::string& name, const Org& org, const Settings& settings = {},
                                           const sdk::HiringPlan& plan = {}) {
    const auto coverage = to_sdk(compute_coverage(org, org.assignments));
    const auto coaching = coaching_groups(org, settings);
    const auto reporting = sdk::reporting_tree(org.people);
    sdk::DiagnosticRequest request{org, coverage, coaching, reporting, to_sdk(settings), {}, {}, plan};
    return builtin_host().diagnose(builtin_host().get(sdk::PluginKind::diagnostic, name), request);
}

inline sdk::Proposal propose(const std::string& name, const Org& org, sdk::Params params = {},
                             const Settings& settings = {}) {
    const auto coverage = to_sdk(compute_coverage(org, org.assignments));
    return builtin_host().propose(builtin_host().get(sdk::PluginKind::principle, name),
                                  {org, coverage, to_sdk(settings), std::move(params)});
}

inline sdk::HiringPlan hire(const std::string& mix, const Org& org, double count, sdk::Params params = {},
                            const Settings& settings = {}) {
    return builtin_host().plan(builtin_host().get(sdk::PluginKind::hiring_mix, mix),
                               {org, count, to_sdk(settings), std::move(params)});
}

} // namespace orgplan::test
