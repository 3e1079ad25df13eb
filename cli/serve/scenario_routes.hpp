// Planning together: the scenario API (create, change step by step with undo, share, submit, approve or reject,
// merge with a choice per conflict) and its pages, each change based on the version the caller saw (If-Match).
// Who may do what is access/scenario_access.hpp's; what a restricted caller sees of a scenario is
// access/scenario_view.hpp's.
#pragma once

#include <memory>

#include <httplib.h>

#include "answers.hpp"
#include "served_org.hpp"

namespace orgplan::cli::serve {

/// The routes' state (the plugin host they plan with); lives as long as the server whose routes use it.
class ScenarioRoutes {
public:
    ScenarioRoutes(ServedOrg& org, Answers& answers);
    ~ScenarioRoutes();
    /// Registers /api/v1/scenarios... and the /scenarios pages. Must come before the server's catch-all page route.
    void add(httplib::Server& http);

private:
    class Desk;
    std::unique_ptr<Desk> desk_;
};

} // namespace orgplan::cli::serve
