#include "orgplan/plugin_host/plugin_host.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <cstdio>
#include <fcntl.h>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/dll/import.hpp>
#include <boost/dll/runtime_symbol_info.hpp>
#include <boost/dll/shared_library.hpp>

#include "orgplan/base/error.hpp"
#include "orgplan/plugin_host/plugin_file.hpp"
#include "orgplan/plugin_host/plugin_results.hpp"

namespace orgplan {

namespace fs = std::filesystem;

std::string_view to_string(sdk::PluginKind kind) {
    switch (kind) {
    case sdk::PluginKind::principle: return "principle";
    case sdk::PluginKind::hiring_mix: return "hiring-mix";
    case sdk::PluginKind::diagnostic: return "diagnostic";
    }
    return "unknown";
}

std::string_view to_string(sdk::Severity severity) {
    switch (severity) {
    case sdk::Severity::info: return "info";
    case sdk::Severity::warning: return "warning";
    case sdk::Severity::error: return "error";
    }
    return "unknown";
}

PluginHost::~PluginHost() {
    // Registry entries go first; each holds its library, which unloads when the last entry releases it.
    plugins_.clear();
}

void PluginHost::problem(const std::string& message) {
    if (on_error_ == OnError::fail) throw Error(message);
    warnings_.push_back(message);
}

std::string PluginHost::builtin_directory() {
    const fs::path exe = boost::dll::program_location();
    return (exe.parent_path().parent_path() / "lib" / "orgplan" / "plugins").string();
}

void PluginHost::load_default(const std::vector<std::string>& extra_dirs) {
    load_directory(builtin_directory(), true);
    if (const char* env = std::getenv("ORGPLAN_PLUGIN_PATH"); env && *env) {
        std::stringstream in(env);
        std::string dir;
        while (std::getline(in, dir, ':'))
            if (!dir.empty()) load_directory(dir, false);
    }
    for (const auto& dir : extra_dirs) load_directory(dir, false);
}

void PluginHost::load_directory(const std::string& dir, bool optional) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        if (!optional) problem("plugin directory '" + dir + "' does not exist or is not a directory");
        return;
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.is_regular_file() && entry.path().extension() == ".so") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) load_file(f.string());
}

void PluginHost::load_file(const std::string& path) {
    // Checked from the file itself, before it is loaded: a library's static constructors run as soon as it is.
    const auto checked = check_plugin_file(path);
    if (!checked.why_not.empty()) {
        problem(path + (checked.real.empty() || checked.real == path ? "" : " (" + checked.real + ")") +
                ": not loaded: it " + checked.why_not +
                "; plugins must belong to you or root and be writable by nobody else, in directories nobody else "
                "can write to, all the way up");
        return;
    }
    const auto& opened = checked.real; // a link is followed once, here: the checked file is the one loaded
    const long mark = plugin_abi_mark(opened);
    if (mark < 0) {
        problem(path + ": not a loadable plugin library (not a shared library this system can read)");
        return;
    }
    if (mark == 0) {
        problem(path + ": not an orgplan plugin of this SDK (it has no orgplan_plugin_abi_v" +
                std::to_string(sdk::abi_version) + " mark; build it with ORGPLAN_PLUGIN_LIBRARY from orgplan SDK " +
                ORGPLAN_SDK_VERSION + ")");
        return;
    }
    if (mark != static_cast<long>(sdk::abi_version)) {
        problem(path + ": built for orgplan plugin ABI " + std::to_string(mark) + " but this orgplan speaks ABI " +
                std::to_string(sdk::abi_version) + "; rebuild the plugin against SDK " + ORGPLAN_SDK_VERSION +
                " (it was not loaded)");
        return;
    }
    auto library = std::make_shared<boost::dll::shared_library>();
    boost::dll::fs::error_code ec;
    library->load(opened, boost::dll::load_mode::rtld_local | boost::dll::load_mode::rtld_now, ec);
    if (ec) {
        problem(path + ": not a loadable plugin library (" + ec.message() + ")");
        return;
    }
    // The ABI was read from the file's mark before loading; each descriptor says it again, which catches a library
    // whose mark and code disagree (a hand-made mark, a stale object file linked in).
    if (!library->has("orgplan_plugin_manifest")) {
        problem(path + ": not an orgplan plugin (it exports no orgplan_plugin_manifest; build it with "
                       "ORGPLAN_PLUGIN_LIBRARY from the orgplan SDK)");
        return;
    }
    const auto* manifest = library->get_alias<const sdk::PluginManifest*()>("orgplan_plugin_manifest")();
    if (!manifest || (manifest->count && !manifest->plugins)) {
        problem(path + ": its plugin manifest is missing");
        return;
    }
    for (std::size_t i = 0; i < manifest->count; ++i) {
        const auto& d = manifest->plugins[i];
        const bool callable = (d.kind == sdk::PluginKind::principle && d.propose) ||
                              (d.kind == sdk::PluginKind::hiring_mix && d.plan) ||
                              (d.kind == sdk::PluginKind::diagnostic && d.diagnose);
        if (!d.name || !*d.name || d.abi_version != sdk::abi_version || !callable) {
            problem(path + ": plugin #" + std::to_string(i + 1) +
                    (d.abi_version != sdk::abi_version
                         ? " was built for ABI " + std::to_string(d.abi_version) + ", not " +
                               std::to_string(sdk::abi_version) + "; rebuild it against SDK " ORGPLAN_SDK_VERSION
                         : std::string(" has no name or no entry for its kind")));
            continue;
        }
        auto entry = std::make_unique<LoadedPlugin>();
        entry->kind = d.kind;
        entry->name = d.name;
        entry->version = d.version ? d.version : "";
        entry->description = d.description ? d.description : "";
        entry->file = path;
        entry->descriptor = &d;
        entry->library = library;
        auto same = std::find_if(plugins_.begin(), plugins_.end(), [&](const auto& p) {
            return p->kind == entry->kind && p->name == entry->name;
        });
        if (same != plugins_.end()) {
            // Later directories override earlier ones, and say so: a company may replace a built-in on purpose,
            // but nobody should find out by accident.
            notices_.push_back("plugin '" + entry->name + "' from " + path + " replaces the one from " + (*same)->file);
            *same = std::move(entry);
        } else
            plugins_.push_back(std::move(entry));
    }
}

std::vector<const LoadedPlugin*> PluginHost::all() const {
    std::vector<const LoadedPlugin*> out;
    for (const auto& p : plugins_) out.push_back(p.get());
    std::sort(out.begin(), out.end(), [](const auto* a, const auto* b) {
        return a->kind != b->kind ? a->kind < b->kind : a->name < b->name;
    });
    return out;
}

std::vector<const LoadedPlugin*> PluginHost::of_kind(sdk::PluginKind kind) const {
    std::vector<const LoadedPlugin*> out;
    for (const auto* p : all())
        if (p->kind == kind) out.push_back(p);
    return out;
}

const LoadedPlugin* PluginHost::find(const std::string& name) const {
    for (const auto& p : plugins_)
        if (p->name == name) return p.get();
    return nullptr;
}

const LoadedPlugin& PluginHost::get(sdk::PluginKind kind, const std::string& name) const {
    std::string known;
    for (const auto* p : of_kind(kind)) {
        if (p->name == name) return *p;
        known += (known.empty() ? "" : ", ") + p->name;
    }
    throw Error("no " + std::string(to_string(kind)) + " plugin named '" + name + "' (known: " +
                (known.empty() ? "none; see orgplan plugins list" : known) + ")");
}

namespace {

// The trampoline inside the plugin already catches; this catch covers what could still escape (a plugin built
// without the SDK macros, std::bad_alloc while copying results).
// While a plugin runs in this process its writes to stdout go nowhere: the command's own output must stay readable
// (CSV, JSON) whatever a plugin prints.
class StdoutMuted {
public:
    StdoutMuted() {
        std::fflush(stdout);
        saved_ = ::dup(STDOUT_FILENO);
        const int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
        if (saved_ >= 0 && null >= 0) ::dup2(null, STDOUT_FILENO);
        if (null >= 0) ::close(null);
    }
    ~StdoutMuted() {
        std::fflush(stdout); // what the plugin left buffered goes to /dev/null too
        if (saved_ >= 0) {
            ::dup2(saved_, STDOUT_FILENO);
            ::close(saved_);
        }
    }
    StdoutMuted(const StdoutMuted&) = delete;
    StdoutMuted& operator=(const StdoutMuted&) = delete;

private:
    int saved_ = -1;
};

template <typename Call>
void call_plugin(const LoadedPlugin& p, Call&& call) {
    sdk::Status status;
    try {
        const StdoutMuted muted;
        status = call();
    } catch (const std::exception& e) {
        status = {false, e.what()};
    } catch (...) {
        status = {false, "unknown exception"};
    }
    if (!status.ok)
        throw Error("plugin '" + p.name + "' (" + p.file + ") failed: " + status.error);
}

std::string named(const LoadedPlugin& p) { return "plugin '" + p.name + "' (" + p.file + ")"; }

} // namespace

// Every answer is checked before the host uses it: a plugin's numbers index arrays, size loops and reach the
// database.
// Isolated, the call runs in a child process and its answer comes back as JSON; either way it is then checked.
sdk::Proposal PluginHost::propose(const LoadedPlugin& p, const sdk::PrincipleRequest& request) const {
    sdk::Proposal out;
    const auto call = [&] { call_plugin(p, [&] { return p.descriptor->propose(request, out); }); };
    if (isolation_)
        out = proposal_from_wire(run_isolated(named(p), *isolation_, [&] { return call(), to_wire(out); }));
    else
        call();
    validate_assignments(request.org, out.assignments, named(p));
    return out;
}

sdk::HiringPlan PluginHost::plan(const LoadedPlugin& p, const sdk::HiringRequest& request) const {
    sdk::HiringPlan out;
    const auto call = [&] { call_plugin(p, [&] { return p.descriptor->plan(request, out); }); };
    if (isolation_)
        out = hiring_plan_from_wire(run_isolated(named(p), *isolation_, [&] { return call(), to_wire(out); }));
    else
        call();
    validate_hiring_plan(out, named(p));
    return out;
}

std::vector<sdk::Finding> PluginHost::diagnose(const LoadedPlugin& p, const sdk::DiagnosticRequest& request) const {
    std::vector<sdk::Finding> out;
    const auto call = [&] { call_plugin(p, [&] { return p.descriptor->diagnose(request, out); }); };
    if (isolation_)
        out = findings_from_wire(run_isolated(named(p), *isolation_, [&] { return call(), to_wire(out); }));
    else
        call();
    validate_findings(out, named(p));
    return out;
}

} // namespace orgplan
