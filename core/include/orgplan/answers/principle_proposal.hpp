// One organizing principle's proposal for the org, as orgplan align --principle answers.
#pragma once

#include <string>

#include "orgplan/answers/answers.hpp"
#include "orgplan/base/error.hpp"

namespace orgplan {

/// The proposal itself (to apply) and the answer that shows it: the assignments with names and roles, the
/// rationale, what is left uncovered, and the proposal's numbers against today's.
struct PrincipleProposal {
    sdk::Proposal proposal;
    Output output;
};

/// The principle has no data to work with in this org (no accounts, no initiatives...): says what to import.
class PrincipleNotApplicable : public Error {
public:
    using Error::Error;
};

/// Asks the principle `name` for a proposal. Throws orgplan::Error when it has none by that name, when it fails, or
/// when the org has no data for it (PrincipleNotApplicable).
PrincipleProposal propose_principle(const Org& org, const Settings& settings, const PluginRun& plugins,
                                    const std::string& name);

} // namespace orgplan
