// Test plugins that fail in every way a call can: a std::exception, a non-standard throw, bad output.
#include <stdexcept>

#include "orgplan/sdk.hpp"

namespace {

class Throws final : public orgplan::sdk::OrganizingPrinciple {
public:
    orgplan::sdk::Proposal propose(const orgplan::sdk::PrincipleRequest&) const override {
        throw std::runtime_error("boom from a test principle");
    }
};

class ThrowsInt final : public orgplan::sdk::Diagnostic {
public:
    std::vector<orgplan::sdk::Finding> run(const orgplan::sdk::DiagnosticRequest&) const override { throw 42; }
};

// Proposes an assignment for someone who is not a PM: the host must refuse it.
class Invalid final : public orgplan::sdk::OrganizingPrinciple {
public:
    orgplan::sdk::Proposal propose(const orgplan::sdk::PrincipleRequest&) const override {
        orgplan::sdk::Proposal p;
        p.assignments.push_back({"nobody", orgplan::TargetKind::team, "no-such-team", 1.5});
        return p;
    }
};

} // namespace

ORGPLAN_PLUGIN_LIBRARY(orgplan::sdk::principle<Throws>("test-throws", "0.0.1", "always throws"),
                       orgplan::sdk::diagnostic<ThrowsInt>("test-throws-int", "0.0.1", "throws an int"),
                       orgplan::sdk::principle<Invalid>("test-invalid", "0.0.1", "proposes nonsense"))
