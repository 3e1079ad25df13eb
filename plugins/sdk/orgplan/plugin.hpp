// orgplan plugin SDK: the boundary between the host and a plugin library.
//
// A plugin library is a shared object built with ORGPLAN_PLUGIN_LIBRARY(...) (see docs/plugins.md), which exports:
//   orgplan_plugin_abi_v<N>  - a data symbol whose name carries the ABI version; the host reads it from the file
//                              and refuses any other version before loading the library (no code of it runs)
//   orgplan_plugin_manifest  - through BOOST_DLL_ALIAS, the list of the library's plugins; each descriptor carries
//                              the ABI version again, checked once the library is loaded
// The plugin kinds live in their own headers: principle.hpp, hiring_mix.hpp, diagnostic.hpp (sdk.hpp has all).
// Every call into a plugin goes through a trampoline compiled into the plugin that catches all exceptions, so no
// exception crosses the library boundary; errors come back as a Status with a message.
//
// Everything a plugin receives and returns is plain data (org.hpp and the kinds' requests and results): no
// callbacks, no objects with code. The host keeps the library loaded for as long as it holds a plugin of it.
//
// Thread-safety: the host calls a plugin from one thread at a time; plugins must not keep state between calls.
#pragma once

#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>
#include <vector>

#include <boost/config.hpp>
#include <boost/dll/alias.hpp>
#include <boost/preprocessor/cat.hpp>

/// The SDK release. It is also orgplan's version and the CMake package's (find_package(orgplan 0.7)); whether a
/// plugin loads is decided by the ABI version alone.
#define ORGPLAN_SDK_VERSION "0.7.0"

/// The plugin ABI, bumped whenever a boundary struct or the calling convention changes; the host refuses every
/// other version. It names the mark every plugin library exports (orgplan_plugin_abi_v7).
// 3: Org gained interrupts and task forces. 4: a Person's pm_years may be unknown; Coaching lists those PMs apart;
// a Proposal may say its principle is not applicable; Org gained planned positions. 5: one ABI mark and the
// descriptors' version (the manifest's version and the orgplan_plugin_abi function are gone). 6: a DiagnosticRequest
// carries the org's reporting tree. 7: every text of the org snapshot is orgplan::Text (text.hpp), 8 bytes where
// std::string took 32, and a Person's optional numbers are OptionalNumber (optional_number.hpp), 8 bytes, not 16.
#define ORGPLAN_PLUGIN_ABI 7

namespace orgplan::sdk {

/// The ABI version as a value, as each descriptor carries it.
inline constexpr std::uint32_t abi_version = ORGPLAN_PLUGIN_ABI;

/// The three kinds of plugin, each with its header.
enum class PluginKind : std::uint32_t { principle = 1, hiring_mix = 2, diagnostic = 3 };

/// Result of a call across the boundary: ok, or the plugin's error message.
struct Status {
    bool ok = true;
    std::string error;
};

struct PrincipleRequest;
struct Proposal;
struct HiringRequest;
struct HiringPlan;
struct DiagnosticRequest;
struct Finding;

/// One plugin in a library, made by principle<T>(), hiring_mix<T>() or diagnostic<T>(). Only the call matching
/// `kind` is set.
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

/// The plugins of one library, and the SDK release it was built with (informative).
struct PluginManifest {
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

} // namespace orgplan::sdk

/// Exports the plugins of this library; use once per library, at namespace scope, e.g.
///   ORGPLAN_PLUGIN_LIBRARY(orgplan::sdk::principle<ByPod>("by-pod", "1.0.0", "PMs aligned by pod"))
#define ORGPLAN_PLUGIN_LIBRARY(...)                                                                          \
    namespace orgplan_plugin_entry {                                                                         \
    static const ::orgplan::sdk::PluginManifest* manifest() {                                                \
        static const ::orgplan::sdk::PluginDescriptor plugins[] = {__VA_ARGS__};                             \
        static const ::orgplan::sdk::PluginManifest m{ORGPLAN_SDK_VERSION, sizeof(plugins) / sizeof(plugins[0]), \
                                                      plugins};                                              \
        return &m;                                                                                           \
    }                                                                                                        \
    }                                                                                                        \
    BOOST_DLL_ALIAS(orgplan_plugin_entry::manifest, orgplan_plugin_manifest)                                 \
    extern "C" BOOST_SYMBOL_EXPORT const unsigned char BOOST_PP_CAT(orgplan_plugin_abi_v, ORGPLAN_PLUGIN_ABI) = \
        ORGPLAN_PLUGIN_ABI;
