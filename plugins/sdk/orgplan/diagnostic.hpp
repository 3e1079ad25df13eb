// orgplan plugin SDK: diagnostics, which find what is wrong with the org (ratios, coaching, goals that conflict).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <boost/config.hpp>

#include "orgplan/hiring_mix.hpp"
#include "orgplan/org.hpp"
#include "orgplan/plugin.hpp"
#include "orgplan/plugin_inputs.hpp"
#include "orgplan/reporting_tree.hpp"

namespace orgplan::sdk {

/// How serious a finding is: errors head reports and make orgplan diagnose exit non-zero.
enum class Severity : std::uint32_t { info = 0, warning = 1, error = 2 };

/// One thing a diagnostic found, with the evidence and what to do about it.
struct Finding {
    std::string check;          ///< id of the check, e.g. "ratio-overload"
    Severity severity = Severity::warning;
    std::string subject;        ///< what it is about: a team, PM, leader, goal or function id
    std::string evidence;       ///< the numbers or facts behind it
    std::string recommendation; ///< what to do
};

/// Coaching supply and demand under one product leader: the leader's own hours plus those of the senior PMs
/// below them, against the novice PMs below them (novices: few years as PM, or internal transfers).
struct CoachingGroup {
    std::string leader_id;
    double leader_hours = 0;
    double capacity_hours = 0;              ///< leader + seniors
    std::vector<std::string> novices;        ///< novice PMs whose nearest product leader this is
    std::vector<std::string> direct_novices; ///< of those, the ones reporting to the leader directly
    std::vector<std::string> seniors;        ///< senior PMs counted in the capacity
};

/// Coaching across the org, as the host computed it from the settings' defaults (docs/configuration.md).
struct Coaching {
    double novice_hours = 1;                        ///< weekly coaching one novice needs
    std::vector<CoachingGroup> groups;              ///< one per product leader
    std::vector<std::string> novices_without_leader;
    /// PMs whose years of PM experience the data does not give (and who are no internal transfer): neither
    /// novices nor seniors, so they are in no group's demand or capacity. Answers count them apart.
    std::vector<std::string> experience_unknown;
};

/// What a diagnostic examines.
struct DiagnosticRequest {
    const Org& org;
    const Coverage& coverage;
    const Coaching& coaching;
    /// The org's reporting tree (Org::people order), worked out once by the host for every diagnostic that asks
    /// about spans and layers.
    const ReportingTree& reporting;
    Settings settings;
    Params params;
    /// Mentor pairings (mentor id, novice id) saved by the mentoring plan; empty when none.
    std::vector<std::pair<std::string, std::string>> mentor_pairs;
    /// A hiring plan under consideration (orgplan diagnose --hires N --mix NAME); empty groups when none.
    HiringPlan planned_hiring;
};

/// Finds problems in the org. Must not modify anything; may throw (the SDK trampoline turns exceptions into a
/// failed Status).
class BOOST_SYMBOL_VISIBLE Diagnostic {
public:
    virtual ~Diagnostic() = default;
    virtual std::vector<Finding> run(const DiagnosticRequest& request) const = 0;
};

/// Descriptor of a diagnostic implemented by `T` (default-constructible, derived from Diagnostic).
template <typename T>
constexpr PluginDescriptor diagnostic(const char* name, const char* version, const char* description) {
    return {abi_version, PluginKind::diagnostic, name, version, description, nullptr, nullptr,
            [](const DiagnosticRequest& r, std::vector<Finding>& out) noexcept {
                return guarded([&] { out = T{}.run(r); });
            }};
}

} // namespace orgplan::sdk
