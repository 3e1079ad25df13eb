#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

#include "orgplan/plugin_host/plugin_file.hpp"
#include "orgplan/plugin.hpp"

using namespace orgplan;
namespace fs = std::filesystem;

namespace {

// A private directory for plugin files (mode 0700), removed after the test.
struct PrivateDir {
    fs::path path = fs::temp_directory_path() / ("orgplan-plugin-file-" + std::to_string(::getpid()));
    PrivateDir() {
        fs::remove_all(path);
        fs::create_directory(path);
        fs::permissions(path, fs::perms::owner_all, fs::perm_options::replace);
    }
    ~PrivateDir() { fs::remove_all(path); }
    std::string file(const std::string& name, fs::perms mode = fs::perms::owner_read | fs::perms::owner_write) const {
        const auto p = path / name;
        std::ofstream(p) << "x";
        fs::permissions(p, mode, fs::perm_options::replace);
        return p.string();
    }
};

} // namespace

TEST_CASE("a plugin file is checked once resolved: its owner, its mode and every directory above it") {
    PrivateDir dir;
    const auto own = dir.file("own.so");
    const auto ok = check_plugin_file(own);
    CHECK(ok.why_not.empty());
    CHECK(ok.real == fs::canonical(own).string());

    const auto writable = dir.file("writable.so", fs::perms::owner_read | fs::perms::owner_write | fs::perms::others_write);
    CHECK_THAT(check_plugin_file(writable).why_not, Catch::Contains("can be changed by other users"));

    // A link is judged by what it opens, under the name it resolves to.
    const auto link = (dir.path / "link.so").string();
    fs::create_symlink(writable, link);
    const auto through_link = check_plugin_file(link);
    CHECK(through_link.real == fs::canonical(writable).string());
    CHECK_FALSE(through_link.why_not.empty());

    fs::create_directory(dir.path / "dir.so");
    CHECK(check_plugin_file((dir.path / "dir.so").string()).why_not == "is not a regular file");

    const auto missing = check_plugin_file((dir.path / "missing.so").string());
    CHECK_THAT(missing.why_not, Catch::Contains("cannot be read"));
    CHECK(missing.real.empty());

    // The same file under a directory others can write to is refused, and the directory is named.
    fs::create_directory(dir.path / "open");
    fs::permissions(dir.path / "open", fs::perms::all, fs::perm_options::replace);
    std::ofstream(dir.path / "open" / "p.so") << "x";
    fs::permissions(dir.path / "open" / "p.so", fs::perms::owner_read, fs::perm_options::replace);
    CHECK_THAT(check_plugin_file((dir.path / "open" / "p.so").string()).why_not,
               Catch::Contains("a directory others can write to") && Catch::Contains((dir.path / "open").string()));
}

TEST_CASE("the ABI mark is read from a library's symbols without loading it") {
    CHECK(plugin_abi_mark(std::string(ORGPLAN_BUILTIN_PLUGINS) + "/orgplan_principles.so") == ORGPLAN_PLUGIN_ABI);
    CHECK(plugin_abi_mark(std::string(ORGPLAN_TEST_PLUGINS) + "/wrong_abi_plugin/wrong_abi_plugin.so") == 999);
    CHECK(plugin_abi_mark(std::string(ORGPLAN_TEST_PLUGINS) + "/no_symbols_plugin/no_symbols_plugin.so") == 0);
    CHECK(plugin_abi_mark(std::string(ORGPLAN_TEST_PLUGINS) + "/not_a_library/notes.so") == -1);
    CHECK(plugin_abi_mark("/nonexistent/orgplan.so") == -1);
}

TEST_CASE("the ABI mark of a stripped library is read from its dynamic symbols, which stripping keeps") {
    // Packaging strips libraries (cmake --install --strip, Debian's dh_strip): their static symbol table is gone.
    const PrivateDir dir;
    const auto copy = (dir.path / "stripped.so").string();
    fs::copy_file(std::string(ORGPLAN_BUILTIN_PLUGINS) + "/orgplan_principles.so", copy);
    REQUIRE(std::system(("strip --strip-all '" + copy + "'").c_str()) == 0);
    CHECK(plugin_abi_mark(copy) == ORGPLAN_PLUGIN_ABI);
    const auto wrong = (dir.path / "wrong.so").string();
    fs::copy_file(std::string(ORGPLAN_TEST_PLUGINS) + "/wrong_abi_plugin/wrong_abi_plugin.so", wrong);
    REQUIRE(std::system(("strip --strip-all '" + wrong + "'").c_str()) == 0);
    CHECK(plugin_abi_mark(wrong) == 999);
}

