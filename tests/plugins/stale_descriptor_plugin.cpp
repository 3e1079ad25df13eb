// A library whose file carries this SDK's ABI mark but whose descriptors were built for an older ABI (a stale object
// file linked into a fresh library): the host loads it, reads the descriptors' version, and registers none of them.
#include "orgplan/principle.hpp"

namespace {

class Stale final : public orgplan::sdk::OrganizingPrinciple {
public:
    orgplan::sdk::Proposal propose(const orgplan::sdk::PrincipleRequest&) const override { return {}; }
};

constexpr orgplan::sdk::PluginDescriptor stale() {
    auto d = orgplan::sdk::principle<Stale>("test-stale", "0.0.1", "built for an older ABI");
    d.abi_version = orgplan::sdk::abi_version - 1;
    return d;
}

} // namespace

ORGPLAN_PLUGIN_LIBRARY(stale())
