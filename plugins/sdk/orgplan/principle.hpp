// orgplan plugin SDK: organizing principles, which propose how the org's PMs are assigned.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <boost/config.hpp>

#include "orgplan/org.hpp"
#include "orgplan/plugin.hpp"
#include "orgplan/plugin_inputs.hpp"

namespace orgplan::sdk {

/// What a principle is asked to organize.
struct PrincipleRequest {
    const Org& org;
    const Coverage& current; ///< coverage under the org's current assignments
    Settings settings;
    Params params;
};

/// Proposed PM assignments under one principle, with the reasoning a leader would want to read.
struct Proposal {
    std::vector<Assignment> assignments;
    std::map<std::string, std::string> pm_roles; ///< PM id -> role label (role-split principles)
    std::vector<std::string> rationale;          ///< one line per decision worth explaining
    std::vector<std::string> unfilled;           ///< units left without enough PM FTE
    /// Non-empty when the org has no data for this principle (no key accounts, no initiatives...): says what is
    /// missing and how to add it. The proposal is then empty, and the host lists the principle as not applicable
    /// instead of scoring it.
    std::string not_applicable;
};

/// Proposes assignments of the org's existing PMs. Must not modify anything; may throw (the SDK trampoline
/// turns exceptions into a failed Status).
class BOOST_SYMBOL_VISIBLE OrganizingPrinciple {
public:
    virtual ~OrganizingPrinciple() = default;
    virtual Proposal propose(const PrincipleRequest& request) const = 0;
};

/// Descriptor of an organizing principle implemented by `T` (default-constructible, derived from
/// OrganizingPrinciple). `name` and friends must be string literals.
template <typename T>
constexpr PluginDescriptor principle(const char* name, const char* version, const char* description) {
    return {abi_version, PluginKind::principle, name, version, description,
            [](const PrincipleRequest& r, Proposal& out) noexcept {
                return guarded([&] { out = T{}.propose(r); });
            },
            nullptr, nullptr};
}

} // namespace orgplan::sdk
