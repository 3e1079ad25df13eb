// Checks of a plugin file before it is loaded: who could have changed it, and which ABI it was built for.
#include "orgplan/plugin_host/plugin_file.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "orgplan/plugin_host/elf_exports.hpp"

namespace orgplan {

namespace fs = std::filesystem;

namespace {

std::string octal(mode_t mode) {
    char text[8];
    std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
    return text;
}

// Why a directory on the way to a plugin could let someone else change what is loaded; "" when it cannot. As
// OpenSSH's StrictModes: owned by this user or root, writable by nobody else, except a root-owned sticky directory
// such as /tmp, where nobody can rename or remove what another owns.
std::string unsafe_directory(const fs::path& dir, uid_t uid) {
    struct stat st {};
    if (::lstat(dir.c_str(), &st) != 0) return "its directory " + dir.string() + " cannot be read";
    if (st.st_uid != uid && st.st_uid != 0)
        return "is under " + dir.string() + ", a directory owned by another user (uid " + std::to_string(st.st_uid) + ")";
    const bool shared_sticky = st.st_uid == 0 && (st.st_mode & S_ISVTX);
    if ((st.st_mode & (S_IWGRP | S_IWOTH)) && !shared_sticky)
        return "is under " + dir.string() + ", a directory others can write to (mode " + octal(st.st_mode) + ")";
    return "";
}

} // namespace

PluginFileCheck check_plugin_file(const std::string& path) {
    PluginFileCheck out;
    const auto uid = ::geteuid();
    std::error_code ec;
    const auto real = fs::canonical(path, ec);
    if (ec) {
        out.why_not = "cannot be read (" + ec.message() + ")";
        return out;
    }
    out.real = real.string();
    for (auto dir = real.parent_path();; dir = dir.parent_path()) {
        if (auto why = unsafe_directory(dir, uid); !why.empty()) {
            out.why_not = why;
            return out;
        }
        if (dir == dir.root_path() || dir.parent_path() == dir) break;
    }
    // Every directory up to the root is safe, so nobody else can change what this resolved name opens from here on.
    const int fd = ::open(out.real.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    struct stat file {};
    const bool read = fd >= 0 && ::fstat(fd, &file) == 0;
    if (fd >= 0) ::close(fd);
    if (!read) out.why_not = "cannot be read";
    else if (!S_ISREG(file.st_mode)) out.why_not = "is not a regular file";
    else if (file.st_uid != uid && file.st_uid != 0)
        out.why_not = "is owned by another user (uid " + std::to_string(file.st_uid) + ")";
    else if (file.st_mode & (S_IWGRP | S_IWOTH))
        out.why_not = "can be changed by other users (mode " + octal(file.st_mode) + ")";
    return out;
}

long plugin_abi_mark(const std::string& path) {
    std::vector<std::string> exported;
    try {
        exported = elf_exports_of_file(path);
    } catch (const std::exception&) {
        return -1;
    }
    static const std::string prefix = "orgplan_plugin_abi_v";
    for (const auto& symbol : exported) {
        if (symbol.rfind(prefix, 0) != 0) continue;
        const auto digits = symbol.substr(prefix.size());
        if (!digits.empty() && digits.size() < 9 && digits.find_first_not_of("0123456789") == std::string::npos)
            return std::stol(digits);
    }
    return 0;
}

} // namespace orgplan
