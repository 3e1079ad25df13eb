// Checks of a plugin library's file before anything of it runs (loading runs its static constructors).
#pragma once

#include <string>

namespace orgplan {

/// What the checks of a plugin file found.
struct PluginFileCheck {
    std::string why_not; ///< why it may not be loaded ("it is under /x, a directory others can write to..."); "" when it may
    std::string real;    ///< its resolved path: the one name that is checked, read and loaded ("" when unresolvable)
};

/// Resolves `path` once (links followed), then checks, as OpenSSH's StrictModes does, that the file and every
/// directory up to the root belong to this user or root and are writable by nobody else (a root-owned sticky
/// directory such as /tmp is accepted: nobody can rename or remove what another owns there). Once they are, nobody
/// else can change what the resolved name opens. Never throws.
PluginFileCheck check_plugin_file(const std::string& path);

/// The plugin ABI a library was built for, read from its exported symbols without loading it (no code of it runs):
/// the SDK exports orgplan_plugin_abi_vN. 0 when it has no such mark; -1 when the file is not a shared library.
long plugin_abi_mark(const std::string& path);

} // namespace orgplan
