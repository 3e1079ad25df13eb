// Test plugins whose answers are malformed in each way the host must catch; --param case=... picks the fault.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>
#include <limits>

#include "orgplan/sdk.hpp"

namespace {

using namespace orgplan;

std::string fault(const sdk::Params& params) {
    auto it = params.find("case");
    return it == params.end() ? "" : it->second;
}

// Faults only a child process survives (or, for stdout, muting): the host must report the plugin, not die.
void misbehave(const std::string& c) {
    if (c == "segfault") {
        volatile int* nowhere = nullptr;
        *nowhere = 1;
    }
    if (c == "abort") std::abort();
    if (c == "loop")
        for (volatile unsigned long i = 0;; i = i + 1) {
        }
    if (c == "allocate") {
        std::vector<std::unique_ptr<char[]>> hoard;
        for (;;) {
            hoard.emplace_back(new char[64 << 20]);
            std::memset(hoard.back().get(), 1, 64 << 20);
        }
    }
    if (c == "stdout") {
        std::printf("garbage from a plugin\n");
        std::fputs("more garbage, unflushed", stdout);
    }
}

const Person* first_pm(const Org& org) {
    for (const auto& p : org.people)
        if (p.family == Family::pm) return &p;
    return nullptr;
}

class BadProposal final : public sdk::OrganizingPrinciple {
public:
    sdk::Proposal propose(const sdk::PrincipleRequest& r) const override {
        sdk::Proposal out;
        const auto* pm = first_pm(r.org);
        if (!pm || r.org.teams.empty()) return out;
        const auto& team = r.org.teams.front().id;
        const auto c = fault(r.params);
        misbehave(c);
        if (c == "enum") out.assignments.push_back({pm->id, static_cast<TargetKind>(77), team, 0.5});
        if (c == "nan") out.assignments.push_back({pm->id, TargetKind::team, team, std::nan("")});
        if (c == "duplicate") {
            out.assignments.push_back({pm->id, TargetKind::team, team, 0.25});
            out.assignments.push_back({pm->id, TargetKind::team, team, 0.25});
        }
        if (c.empty()) out.assignments.push_back({pm->id, TargetKind::team, team, 1});
        return out;
    }
};

class BadMix final : public sdk::HiringMix {
public:
    sdk::HiringPlan plan(const sdk::HiringRequest& r) const override {
        sdk::HiringPlan out;
        sdk::HireGroup g;
        g.origin = Origin::external_senior;
        g.count = r.hires;
        g.unit_cost = 1;
        g.lead_quarters = 1;
        g.ramp_quarters = 1;
        const auto c = fault(r.params);
        if (c == "nan") g.count = std::nan("");
        if (c == "negative") g.unit_cost = -1;
        if (c == "origin") g.origin = static_cast<Origin>(9);
        if (c == "lead") g.lead_quarters = std::numeric_limits<double>::infinity();
        out.groups.push_back(g);
        out.total_cost = g.count * g.unit_cost;
        return out;
    }
};

class BadSeverity final : public sdk::Diagnostic {
public:
    std::vector<sdk::Finding> run(const sdk::DiagnosticRequest& r) const override {
        sdk::Finding f;
        f.check = "test-bad-severity";
        f.subject = "org";
        if (fault(r.params) == "severity") f.severity = static_cast<sdk::Severity>(1000);
        return {f};
    }
};

} // namespace

ORGPLAN_PLUGIN_LIBRARY(sdk::principle<BadProposal>("test-bad-proposal", "0.0.1", "malformed proposals on request"),
                       sdk::hiring_mix<BadMix>("test-bad-mix", "0.0.1", "malformed hiring plans on request"),
                       sdk::diagnostic<BadSeverity>("test-bad-severity", "0.0.1", "malformed findings on request"))
