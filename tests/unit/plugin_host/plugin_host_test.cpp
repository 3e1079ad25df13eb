#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <unistd.h>

#include "../fixture.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/plugin_host/plugin_host.hpp"
#include "orgplan/plugin_host/plugin_requests.hpp"
#include "orgplan/model/settings.hpp"

using namespace orgplan;

namespace {
std::string test_plugins(const std::string& name) { return std::string(ORGPLAN_TEST_PLUGINS) + "/" + name; }
} // namespace

TEST_CASE("the built-in plugins load and register by kind and name") {
    PluginHost host(PluginHost::OnError::fail);
    host.load_directory(ORGPLAN_BUILTIN_PLUGINS);
    CHECK(host.warnings().empty());
    CHECK(host.of_kind(sdk::PluginKind::principle).size() == 6);
    CHECK(host.of_kind(sdk::PluginKind::hiring_mix).size() == 4);
    CHECK(host.of_kind(sdk::PluginKind::diagnostic).size() == 21);
    CHECK(host.get(sdk::PluginKind::principle, "by-product").version == "1.0.0");
    REQUIRE_THROWS_WITH(host.get(sdk::PluginKind::principle, "by-mood"),
                        Catch::Contains("no principle plugin named 'by-mood'") && Catch::Contains("by-team"));
}

TEST_CASE("a file that is not a library is skipped with a message, or stops the load") {
    PluginHost skip;
    skip.load_directory(test_plugins("not_a_library"));
    REQUIRE(skip.warnings().size() == 1);
    CHECK_THAT(skip.warnings()[0], Catch::Contains("notes.so") && Catch::Contains("not a loadable plugin library"));
    PluginHost strict(PluginHost::OnError::fail);
    REQUIRE_THROWS_AS(strict.load_directory(test_plugins("not_a_library")), Error);
}

TEST_CASE("a library without the orgplan entry points is refused") {
    PluginHost host;
    host.load_directory(test_plugins("no_symbols_plugin"));
    REQUIRE(host.warnings().size() == 1);
    CHECK_THAT(host.warnings()[0], Catch::Contains("not an orgplan plugin"));
    CHECK(host.all().empty());
}

TEST_CASE("a library built for another ABI is refused from its file, before any of its code runs") {
    const std::string mark = "/tmp/orgplan-unit-constructor-" + std::to_string(::getpid());
    std::remove(mark.c_str());
    ::setenv("ORGPLAN_TEST_CONSTRUCTOR_MARK", mark.c_str(), 1);
    PluginHost host;
    host.load_directory(test_plugins("wrong_abi_plugin"));
    ::unsetenv("ORGPLAN_TEST_CONSTRUCTOR_MARK");
    CHECK_FALSE(std::filesystem::exists(mark)); // its static constructor never ran
    REQUIRE(host.warnings().size() == 1);
    CHECK_THAT(host.warnings()[0], Catch::Contains("ABI 999") && Catch::Contains("speaks ABI " + std::to_string(sdk::abi_version)));
    PluginHost strict(PluginHost::OnError::fail);
    REQUIRE_THROWS_WITH(strict.load_directory(test_plugins("wrong_abi_plugin")), Catch::Contains("ABI 999"));
}

TEST_CASE("a library with this ABI's mark but descriptors of another is loaded and none of its plugins registered") {
    PluginHost host;
    host.load_directory(test_plugins("stale_descriptor_plugin"));
    CHECK(host.all().empty());
    REQUIRE(host.warnings().size() == 1);
    CHECK_THAT(host.warnings()[0], Catch::Contains("plugin #1 was built for ABI " +
                                                   std::to_string(sdk::abi_version - 1) + ", not " +
                                                   std::to_string(sdk::abi_version)) &&
                                       Catch::Contains("rebuild it against SDK " ORGPLAN_SDK_VERSION));
}

TEST_CASE("a plugin that throws returns an error naming it, and the host keeps working") {
    PluginHost host;
    host.load_directory(test_plugins("throwing_plugin"));
    REQUIRE(host.warnings().empty());
    Database db(":memory:");
    test::import_paths(db, {test::fixture("ratios")});
    const auto org = load_org(db);
    const auto coverage = to_sdk(compute_coverage(org, org.assignments));
    const auto coaching = sdk::Coaching{};
    const auto reporting = sdk::reporting_tree(org.people);
    REQUIRE_THROWS_WITH(host.propose(host.get(sdk::PluginKind::principle, "test-throws"), {org, coverage, {}, {}}),
                        Catch::Contains("plugin 'test-throws'") && Catch::Contains("boom from a test principle"));
    const sdk::DiagnosticRequest request{org, coverage, coaching, reporting, {}, {}, {}, {}};
    REQUIRE_THROWS_WITH(host.diagnose(host.get(sdk::PluginKind::diagnostic, "test-throws-int"), request),
                        Catch::Contains("unknown exception"));
    // Still usable after the failures.
    CHECK(host.of_kind(sdk::PluginKind::principle).size() == 2);
}

TEST_CASE("a later directory overrides a plugin of the same kind and name") {
    namespace fs = std::filesystem;
    const auto dir = fs::temp_directory_path() / ("orgplan-unit-override-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::permissions(dir, fs::perms::owner_all);
    const auto copy = dir / "orgplan_principles.so";
    fs::copy_file(fs::path(ORGPLAN_BUILTIN_PLUGINS) / "orgplan_principles.so", copy);
    fs::permissions(copy, fs::perms::owner_read | fs::perms::owner_write | fs::perms::owner_exec);

    PluginHost host;
    host.load_directory(ORGPLAN_BUILTIN_PLUGINS);
    const auto builtin = host.get(sdk::PluginKind::principle, "by-team").file;
    CHECK(fs::path(builtin).parent_path() == fs::path(ORGPLAN_BUILTIN_PLUGINS));
    host.load_directory(dir.string());
    // The same six principles, each now from the copy: the later directory's library is the one registered.
    const auto principles = host.of_kind(sdk::PluginKind::principle);
    CHECK(principles.size() == 6);
    for (const auto* p : principles) CHECK(p->file == copy.string());
    // The other kinds stay with the built-ins.
    CHECK(fs::path(host.get(sdk::PluginKind::hiring_mix, "balanced").file).parent_path() ==
          fs::path(ORGPLAN_BUILTIN_PLUGINS));
    fs::remove_all(dir);
}

TEST_CASE("missing plugin directories are an error unless optional") {
    PluginHost host;
    host.load_directory("/nonexistent/orgplan-plugins", true);
    CHECK(host.warnings().empty());
    host.load_directory("/nonexistent/orgplan-plugins");
    CHECK(host.warnings().size() == 1);
}

TEST_CASE("plugins others could have changed are refused, saying why, a replaced built-in is announced") {
    namespace fs = std::filesystem;
    const auto dir = fs::temp_directory_path() / ("orgplan-unit-plugins-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const auto builtin_file = fs::path(ORGPLAN_BUILTIN_PLUGINS) / "orgplan_principles.so";
    const auto copy = dir / "orgplan_principles.so";
    fs::copy_file(builtin_file, copy);
    fs::permissions(dir, fs::perms::owner_all);
    fs::permissions(copy, fs::perms::owner_read | fs::perms::owner_write | fs::perms::owner_exec);

    // A copy of the built-in principles in a second directory replaces them, and the host says so.
    PluginHost host;
    host.load_directory(ORGPLAN_BUILTIN_PLUGINS);
    host.load_directory(dir.string());
    CHECK(host.warnings().empty());
    REQUIRE_FALSE(host.notices().empty());
    CHECK_THAT(host.notices()[0], Catch::Contains("replaces the one from") && Catch::Contains(dir.string()));

    // A file anyone can write.
    fs::permissions(copy, fs::perms::others_write, fs::perm_options::add);
    PluginHost open_file;
    open_file.load_directory(dir.string());
    REQUIRE(open_file.warnings().size() == 1);
    CHECK_THAT(open_file.warnings()[0], Catch::Contains("can be changed by other users (mode 0702)"));
    CHECK(open_file.all().empty());
    PluginHost strict(PluginHost::OnError::fail);
    CHECK_THROWS_WITH(strict.load_directory(dir.string()), Catch::Contains("not loaded"));

    // A directory anyone can write, even with a private file in it.
    fs::permissions(copy, fs::perms::others_write, fs::perm_options::remove);
    fs::permissions(dir, fs::perms::all);
    PluginHost open_dir;
    open_dir.load_directory(dir.string());
    REQUIRE(open_dir.warnings().size() == 1);
    CHECK_THAT(open_dir.warnings()[0], Catch::Contains(dir.string() + ", a directory others can write to (mode 0777)"));

    // A safe directory inside one anyone can write: the parent could swap it, so it is refused too (every directory
    // up to the root is checked).
    const auto inner = dir / "inner";
    fs::create_directories(inner);
    fs::permissions(inner, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                               fs::perms::others_read | fs::perms::others_exec); // 0755
    fs::copy_file(copy, inner / "orgplan_principles.so");
    PluginHost nested;
    nested.load_directory(inner.string());
    REQUIRE(nested.warnings().size() == 1);
    CHECK_THAT(nested.warnings()[0], Catch::Contains(dir.string() + ", a directory others can write to (mode 0777)"));
    CHECK(nested.all().empty());

    // A link in a safe directory to a library in an unsafe one: the link is resolved and what it points to checked.
    const auto safe = fs::temp_directory_path() / ("orgplan-unit-safe-" + std::to_string(::getpid()));
    fs::remove_all(safe);
    fs::create_directories(safe);
    fs::permissions(safe, fs::perms::owner_all);
    fs::create_symlink(copy, safe / "orgplan_principles.so");
    PluginHost linked;
    linked.load_directory(safe.string());
    REQUIRE(linked.warnings().size() == 1);
    CHECK_THAT(linked.warnings()[0], Catch::Contains(copy.string()) && Catch::Contains("others can write to"));
    CHECK(linked.all().empty());
    // Once the target's directory is safe, the link loads the file it resolves to.
    fs::permissions(dir, fs::perms::owner_all);
    PluginHost followed;
    followed.load_directory(safe.string());
    CHECK(followed.warnings().empty());
    CHECK_FALSE(followed.all().empty());
    fs::remove_all(safe);
    fs::remove_all(dir);
}
