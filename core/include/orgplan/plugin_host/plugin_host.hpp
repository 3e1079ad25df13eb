// Loads plugin libraries, checks their ABI, registers their plugins by kind and name, and calls them.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "orgplan/sdk.hpp"
#include "orgplan/plugin_host/plugin_isolation.hpp"

namespace boost::dll {
class shared_library;
}

namespace orgplan {

/// A plugin registered with the host. The library handle keeps the code loaded while the entry exists.
struct LoadedPlugin {
    sdk::PluginKind kind;
    std::string name;
    std::string version;
    std::string description;
    std::string file;
    const sdk::PluginDescriptor* descriptor = nullptr;
    std::shared_ptr<boost::dll::shared_library> library;
};

std::string_view to_string(sdk::PluginKind kind);
std::string_view to_string(sdk::Severity severity); ///< info, warning or error

/// Owns every loaded library and the registry of plugins. Plugins found later override earlier ones of the
/// same kind and name (a company may replace a built-in). Not thread-safe.
class PluginHost {
public:
    enum class OnError { skip, fail };

    explicit PluginHost(OnError on_error = OnError::skip) : on_error_(on_error) {}
    ~PluginHost();
    PluginHost(const PluginHost&) = delete;
    PluginHost& operator=(const PluginHost&) = delete;

    /// Loads every shared library in `dir` (a missing directory is fine when `optional`). Problems with a
    /// file are recorded in warnings() under OnError::skip and thrown as orgplan::Error under OnError::fail.
    void load_directory(const std::string& dir, bool optional = false);
    /// Loads one library; same error handling as load_directory.
    void load_file(const std::string& path);
    /// Built-in directory next to the binary, then each entry of $ORGPLAN_PLUGIN_PATH (':'-separated), then
    /// `extra_dirs` (--plugin-dir).
    void load_default(const std::vector<std::string>& extra_dirs);

    /// Registered plugins of a kind, sorted by name.
    std::vector<const LoadedPlugin*> of_kind(sdk::PluginKind kind) const;
    std::vector<const LoadedPlugin*> all() const;
    /// Throws orgplan::Error naming the known plugins of that kind when there is none by that name.
    const LoadedPlugin& get(sdk::PluginKind kind, const std::string& name) const;
    const LoadedPlugin* find(const std::string& name) const;

    const std::vector<std::string>& warnings() const noexcept { return warnings_; }
    /// What loading decided that a user should know, not an error: a plugin that replaces one of the same kind and
    /// name from an earlier directory (a built-in, say).
    const std::vector<std::string>& notices() const noexcept { return notices_; }
    OnError on_error() const noexcept { return on_error_; }
    /// Runs every later plugin call in a child process within `limits` (--isolate): a plugin that crashes, loops or
    /// exhausts memory fails that call only.
    void isolate(const IsolationLimits& limits) { isolation_ = limits; }
    bool isolated() const noexcept { return isolation_.has_value(); }

    /// Calls into a plugin; a failure (error status or any exception) throws orgplan::Error naming the plugin.
    sdk::Proposal propose(const LoadedPlugin& p, const sdk::PrincipleRequest& request) const;
    sdk::HiringPlan plan(const LoadedPlugin& p, const sdk::HiringRequest& request) const;
    std::vector<sdk::Finding> diagnose(const LoadedPlugin& p, const sdk::DiagnosticRequest& request) const;

    /// Where built-in plugins live for this binary: <binary dir>/../lib/orgplan/plugins.
    static std::string builtin_directory();

private:
    void problem(const std::string& message);

    OnError on_error_;
    std::vector<std::unique_ptr<LoadedPlugin>> plugins_;
    std::vector<std::string> warnings_;
    std::vector<std::string> notices_;
    std::optional<IsolationLimits> isolation_;
};

} // namespace orgplan
