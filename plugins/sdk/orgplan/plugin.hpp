// orgplan plugin SDK: the three plugin kinds, their plain-data requests and results, and the macros that
// export a plugin library.
//
// A plugin library is a shared object that exports two symbols through BOOST_DLL_ALIAS:
//   orgplan_plugin_abi       - returns the ABI version the library was built for; checked before anything else
//   orgplan_plugin_manifest  - returns the list of plugins in the library
// Write them with ORGPLAN_PLUGIN_LIBRARY(...) (see docs/plugins.md). Every call into a plugin goes through a
// trampoline compiled into the plugin that catches all exceptions, so no exception crosses the library
// boundary; errors come back as a Status with a message.
//
// Everything a plugin receives and returns is plain data (org.hpp, plus the structs below): no callbacks, no
// objects with code. The host keeps the library loaded for as long as it holds a plugin of it.
//
// Thread-safety: the host calls a plugin from one thread at a time; plugins must not keep state between calls.
#pragma once

#include <cstddef>
#include <cstdint>
#include <exception>
#include <map>
#include <string>
#include <vector>

#include <boost/config.hpp>
#include <boost/dll/alias.hpp>
#include <boost/preprocessor/cat.hpp>

#include "orgplan/org.hpp"

/// The SDK release; informative. Compatibility is decided by the ABI version alone.
#define ORGPLAN_SDK_VERSION "0.4.0"

namespace orgplan::sdk {

/// Bumped whenever a struct below or the calling convention changes; the host refuses other versions.
/// The plugin ABI, also as a preprocessor number: it names the mark every plugin library exports
/// (orgplan_plugin_abi_v4), which the host reads from the file before loading it.
#define ORGPLAN_PLUGIN_ABI 4
// 3: Org gained interrupts and task forces. 4: a Person's pm_years may be unknown; Coaching lists those PMs apart;
// a Proposal may say its principle is not applicable; Org gained planned positions.
inline constexpr std::uint32_t abi_version = ORGPLAN_PLUGIN_ABI;

enum class PluginKind : std::uint32_t { principle = 1, hiring_mix = 2, diagnostic = 3 };

/// Numbers from the org's settings (docs/configuration.md), e.g. "ratio.threshold" -> 10.
using Settings = std::map<std::string, double>;
/// Free-form plugin parameters from the command line (--param key=value), e.g. "senior" -> "0.5".
using Params = std::map<std::string, std::string>;

/// What the host already knows about who covers which team, aligned with Org::teams.
struct Coverage {
    std::vector<double> team_maker_fte;
    std::vector<double> team_pm_fte;
    /// (PM id, team index, FTE) for every PM's contribution to a team.
    struct Part {
        std::string pm_id;
        std::size_t team = 0;
        double fte = 0;
    };
    std::vector<Part> parts;
};

// ---- organizing principles -------------------------------------------------------------------------

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

// ---- hiring mixes -----------------------------------------------------------------------------------

struct HiringRequest {
    const Org& org;
    double hires = 0; ///< PM hires wanted (FTE)
    Settings settings;
    Params params;
};

/// Hires of one origin in a plan.
struct HireGroup {
    Origin origin = Origin::external_senior;
    double count = 0;
    double unit_cost = 0;          ///< relative cost, or currency when the org has salaries
    double lead_quarters = 0;      ///< time to hire
    double ramp_quarters = 0;      ///< time to full productivity
    double coaching_need_hours = 0;    ///< weekly coaching each hire needs (novices)
    double coaching_give_hours = 0;    ///< weekly mentoring each hire can give (seniors)
};

struct HiringPlan {
    std::vector<HireGroup> groups;
    double total_cost = 0;
    double coaching_need_hours = 0; ///< weekly coaching the hires need
    double coaching_give_hours = 0; ///< weekly mentoring the hires add
    std::vector<std::string> notes;
};

class BOOST_SYMBOL_VISIBLE HiringMix {
public:
    virtual ~HiringMix() = default;
    virtual HiringPlan plan(const HiringRequest& request) const = 0;
};

// ---- diagnostics ------------------------------------------------------------------------------------

enum class Severity : std::uint32_t { info = 0, warning = 1, error = 2 };

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

struct Coaching {
    double novice_hours = 1;                        ///< weekly coaching one novice needs
    std::vector<CoachingGroup> groups;              ///< one per product leader
    std::vector<std::string> novices_without_leader;
    /// PMs whose years of PM experience the data does not give (and who are no internal transfer): neither
    /// novices nor seniors, so they are in no group's demand or capacity. Answers count them apart.
    std::vector<std::string> experience_unknown;
};

struct DiagnosticRequest {
    const Org& org;
    const Coverage& coverage;
    const Coaching& coaching;
    Settings settings;
    Params params;
    /// Mentor pairings (mentor id, novice id) saved by the mentoring plan; empty when none.
    std::vector<std::pair<std::string, std::string>> mentor_pairs;
    /// A hiring plan under consideration (orgplan diagnose --hires N --mix NAME); empty groups when none.
    HiringPlan planned_hiring;
};

class BOOST_SYMBOL_VISIBLE Diagnostic {
public:
    virtual ~Diagnostic() = default;
    virtual std::vector<Finding> run(const DiagnosticRequest& request) const = 0;
};

// ---- the boundary -----------------------------------------------------------------------------------

/// Result of a call across the boundary: ok, or the plugin's error message.
struct Status {
    bool ok = true;
    std::string error;
};

/// One plugin in a library. Only the call matching `kind` is set.
struct PluginDescriptor {
    std::uint32_t abi_version;
    PluginKind kind;
    const char* name;
    const char* version;
    const char* description;
    Status (*propose)(const PrincipleRequest&, Proposal&) noexcept;
    Status (*plan)(const HiringRequest&, HiringPlan&) noexcept;
    Status (*diagnose)(const DiagnosticRequest&, std::vector<Finding>&) noexcept;
};

struct PluginManifest {
    std::uint32_t abi_version;
    const char* sdk_version;
    std::size_t count;
    const PluginDescriptor* plugins;
};

/// Runs `body` and turns any exception into a failed Status; compiled into the plugin.
template <typename Body>
Status guarded(Body&& body) noexcept {
    try {
        body();
        return {};
    } catch (const std::exception& e) {
        return {false, e.what()};
    } catch (...) {
        return {false, "unknown exception"};
    }
}

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

template <typename T>
constexpr PluginDescriptor hiring_mix(const char* name, const char* version, const char* description) {
    return {abi_version, PluginKind::hiring_mix, name, version, description, nullptr,
            [](const HiringRequest& r, HiringPlan& out) noexcept { return guarded([&] { out = T{}.plan(r); }); },
            nullptr};
}

template <typename T>
constexpr PluginDescriptor diagnostic(const char* name, const char* version, const char* description) {
    return {abi_version, PluginKind::diagnostic, name, version, description, nullptr, nullptr,
            [](const DiagnosticRequest& r, std::vector<Finding>& out) noexcept {
                return guarded([&] { out = T{}.run(r); });
            }};
}

} // namespace orgplan::sdk

/// Exports the plugins of this library; use once per library, at namespace scope, e.g.
///   ORGPLAN_PLUGIN_LIBRARY(orgplan::sdk::principle<ByPod>("by-pod", "1.0.0", "PMs aligned by pod"))
#define ORGPLAN_PLUGIN_LIBRARY(...)                                                                          \
    namespace orgplan_plugin_entry {                                                                         \
    static std::uint32_t abi() { return ::orgplan::sdk::abi_version; }                                      \
    static const ::orgplan::sdk::PluginManifest* manifest() {                                                \
        static const ::orgplan::sdk::PluginDescriptor plugins[] = {__VA_ARGS__};                             \
        static const ::orgplan::sdk::PluginManifest m{::orgplan::sdk::abi_version, ORGPLAN_SDK_VERSION,       \
                                                      sizeof(plugins) / sizeof(plugins[0]), plugins};        \
        return &m;                                                                                           \
    }                                                                                                        \
    }                                                                                                        \
    BOOST_DLL_ALIAS(orgplan_plugin_entry::abi, orgplan_plugin_abi)                                           \
    BOOST_DLL_ALIAS(orgplan_plugin_entry::manifest, orgplan_plugin_manifest)                                 \
    extern "C" BOOST_SYMBOL_EXPORT const unsigned char BOOST_PP_CAT(orgplan_plugin_abi_v, ORGPLAN_PLUGIN_ABI) = \
        ORGPLAN_PLUGIN_ABI;
