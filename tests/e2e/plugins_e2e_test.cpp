#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <tuple>

#include "run.hpp"

using namespace orgplan::e2e;

namespace {
std::string test_plugins(const std::string& name) { return std::string(ORGPLAN_TEST_PLUGINS) + "/" + name; }

struct DemoDb : TempDb {
    DemoDb() { REQUIRE(run(flag() + " import " + data("demo")).exit_code == 0); }
};
} // namespace

TEST_CASE("plugins list shows the built-ins with kind, version and file") {
    const auto r = run("plugins list --format json");
    REQUIRE(r.exit_code == 0);
    const auto j = r.json();
    CHECK(j["abi_version"] == 7);
    CHECK(j["sdk_version"] == "0.7.0");
    CHECK(j["rows"].size() == 31);
    const auto info = run("plugins info by-product --format json").json();
    CHECK(info["kind"] == "principle");
    CHECK(run("plugins info by-mood").exit_code == 3);
}

TEST_CASE("broken plugins are skipped with a warning, or stop the command with --strict-plugins") {
    DemoDb db;
    for (const auto* dir : {"not_a_library", "no_symbols_plugin", "wrong_abi_plugin"}) {
        INFO(dir);
        const auto skip = run(db.flag() + " diagnose --check no-pm --plugin-dir " + test_plugins(dir));
        CHECK(skip.exit_code == 0);
        CHECK_THAT(skip.err, Catch::Contains("skipped plugin"));
        CHECK_THAT(skip.out, Catch::Contains("no-pm"));
        const auto strict = run(db.flag() + " diagnose --strict-plugins --plugin-dir " + test_plugins(dir));
        CHECK(strict.exit_code == 3);
    }
}

TEST_CASE("a plugin that throws is skipped in a comparison and reported, never a crash") {
    DemoDb db;
    const auto before = read_text(db.path());
    const auto r = run(db.flag() + " align --compare --plugin-dir " + test_plugins("throwing_plugin"));
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains("boom from a test principle"));
    CHECK_THAT(r.err, Catch::Contains("test-invalid") && Catch::Contains("not a PM"));
    CHECK_THAT(r.out, Catch::Contains("best fit:"));
    const auto direct = run(db.flag() + " align --principle test-throws --plugin-dir " + test_plugins("throwing_plugin"));
    CHECK(direct.exit_code == 3);
    CHECK_THAT(direct.err, Catch::Contains("plugin 'test-throws'"));
    const auto diag = run(db.flag() + " diagnose --strict-plugins --plugin-dir " + test_plugins("throwing_plugin"));
    CHECK(diag.exit_code == 3);
    CHECK(run(db.flag() + " ratios --format json").json()["rows"].size() == 30); // database intact
}

TEST_CASE("a stripped plugin loads: its ABI mark is read from the dynamic symbols, which stripping keeps") {
    DemoDb db;
    TempDb place;
    const auto dir = place.dir() + "/plugins";
    std::filesystem::create_directory(dir);
    const auto copy = dir + "/throwing_plugin.so";
    std::filesystem::copy_file(test_plugins("throwing_plugin") + "/throwing_plugin.so", copy);
    REQUIRE(std::system(("strip --strip-all '" + copy + "'").c_str()) == 0);
    const auto r = run(db.flag() + " align --compare --plugin-dir '" + dir + "'");
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains("boom from a test principle")); // it loaded, and ran
    CHECK_THAT(r.err, !Catch::Contains("not an orgplan plugin"));
}

TEST_CASE("ORGPLAN_PLUGIN_PATH adds plugin directories") {
    const auto r = run("plugins list --format csv", "ORGPLAN_PLUGIN_PATH='" + test_plugins("throwing_plugin") + "'");
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("test-throws,principle"));
}

TEST_CASE("align --compare ranks every principle and names the best fit") {
    DemoDb db;
    const auto j = run(db.flag() + " align --compare --format json").json();
    CHECK(j["rows"].size() == 7); // the current assignments plus six principles
    CHECK(j["rows"][0]["principle"] == "(current)");
    CHECK(j["best"] == j["rows"][1]["principle"]);
    for (std::size_t i = 2; i < j["rows"].size(); ++i)
        CHECK(j["rows"][i - 1]["score"].get<double>() >= j["rows"][i]["score"].get<double>());
    CHECK(j["rows"][0]["uncovered_teams"] == 5);
}

TEST_CASE("align lists a principle the org has no data for as not applicable, unscored, and will not apply it") {
    TempDb db;
    const auto people = db.dir() + "/people.csv", teams = db.dir() + "/teams.csv";
    std::ofstream(people) << "id,name,title,manager,team,pm_years\n"
                             "v1,Vera,VP Product,,,12\n"
                             "p1,Paz,Product Manager,v1,t1,4\n"
                             "d1,Dev,Software Engineer,v1,t1,\n";
    std::ofstream(teams) << "id,name\nt1,Team One\n";
    REQUIRE(run(db.flag() + " import " + people + " " + teams).exit_code == 0);
    const auto j = run(db.flag() + " align --compare --format json").json();
    std::map<std::string, nlohmann::json> rows;
    for (const auto& r : j["rows"]) rows[r["principle"].get<std::string>()] = r;
    for (const auto* name : {"by-account", "by-initiative", "by-product", "by-segment"}) {
        INFO(name);
        CHECK(rows[name]["applicable"] == false);
        CHECK_FALSE(rows[name].contains("score"));
        CHECK_FALSE(rows[name]["not_applicable"].get<std::string>().empty());
    }
    CHECK(rows["by-team"]["applicable"] == true);
    CHECK(j["best"] != "by-account");
    const auto table = run(db.flag() + " align --compare").out;
    CHECK_THAT(table, Catch::Contains("not applicable: by-account: the org has no key customer accounts: import an "
                                      "accounts file"));
    const auto refused = run(db.flag() + " align --principle by-account --apply");
    CHECK(refused.exit_code == 3);
    CHECK_THAT(refused.err, Catch::Contains("not applicable"));
    CHECK_THAT(refused.err, Catch::Contains("the PM assignments were left as they are"));
    CHECK(run(db.flag() + " ratios --format json").json()["rows"][0]["pm_fte"] == 1.0);
}

TEST_CASE("align --principle shows the proposal, and --apply makes it the org's assignments") {
    DemoDb db;
    const auto shown = run(db.flag() + " align --principle by-team --format json");
    REQUIRE(shown.exit_code == 0);
    const auto j = shown.json();
    CHECK(j["principle"] == "by-team");
    CHECK(j["metrics"]["uncovered_teams"] == 0);
    CHECK(j["current"]["uncovered_teams"] == 5);
    CHECK(j["applied"] == false);
    CHECK(run(db.flag() + " ratios --format json").json()["teams_without_pm"].size() == 5);
    REQUIRE(run(db.flag() + " align --principle by-team --apply").exit_code == 0);
    CHECK(run(db.flag() + " ratios --format json").json()["teams_without_pm"].size() == 0);
}

TEST_CASE("diagnose lists the demo org's findings worst first and --fail-on sets the exit code") {
    DemoDb db;
    const auto r = run(db.flag() + " diagnose --format json");
    CHECK(r.exit_code == 0);
    const auto j = r.json();
    std::set<std::string> checks;
    for (const auto& f : j["rows"]) checks.insert(f["check"].get<std::string>());
    for (const auto* expected : {"no-pm", "ratio-overload", "pm-spread", "novice-coaching", "leader-coaching-load",
                                 "custom-work-conflict", "quota-relief-unsupported", "support-activity-metric",
                                 "funnel-without-quality", "output-only-okr", "no-counter-metric"})
        CHECK(checks.count(expected) == 1);
    CHECK(j["rows"][0]["severity"] == "error");
    CHECK(j["rows"][j["rows"].size() - 1]["severity"] == "info");
    CHECK(run(db.flag() + " diagnose --fail-on error").exit_code == 1);
    CHECK(run(db.flag() + " diagnose --fail-on warning --check output-only-okr").exit_code == 1);
    CHECK(run(db.flag() + " diagnose --fail-on error --check output-only-okr").exit_code == 0);
    CHECK(run(db.flag() + " diagnose --fail-on sometimes").exit_code == 2);
}

TEST_CASE("diagnose checks a hiring plan's mentoring load") {
    DemoDb db;
    const auto heavy = run(db.flag() + " diagnose --check hiring-mentoring --hires 60 --mix growth --format json").json();
    REQUIRE(heavy["rows"].size() == 1);
    CHECK_THAT(heavy["rows"][0]["recommendation"].get<std::string>(), Catch::Contains("seasoned seniors"));
    const auto fine = run(db.flag() + " diagnose --check hiring-mentoring --hires 4 --mix senior-heavy --format json").json();
    CHECK(fine["rows"].empty());
}

TEST_CASE("hire compares every mix for the hires the org needs") {
    DemoDb db;
    const auto j = run(db.flag() + " hire --format json").json();
    CHECK(j["count_derived"] == true);
    CHECK(j["count"] == 7.0); // ceil(222.6 / 10 - 15.8)
    CHECK(j["rows"].size() == 4);
    const auto one = run(db.flag() + " hire --count 10 --mix balanced --format csv");
    REQUIRE(one.exit_code == 0);
    CHECK_THAT(one.out, Catch::Contains("balanced,4,4,2,"));
}

TEST_CASE("the host checks every field a plugin returns and names the plugin and the field") {
    DemoDb db;
    const auto dir = " --plugin-dir " + test_plugins("misbehaving_plugin");
    const auto assignments_before = run(db.flag() + " ratios --by pm --format json").out;
    for (const auto& [fault, text] : std::vector<std::pair<std::string, std::string>>{
             {"enum", "target kind 77"}, {"nan", "share nan"}, {"duplicate", "more than once"}}) {
        INFO(fault);
        const auto r = run(db.flag() + " align --principle test-bad-proposal --apply --param case=" + fault + dir);
        CHECK(r.exit_code == 3);
        CHECK_THAT(r.err, Catch::Contains("test-bad-proposal") && Catch::Contains(text));
    }
    CHECK(run(db.flag() + " ratios --by pm --format json").out == assignments_before);
    CHECK(run(db.flag() + " align --principle test-bad-proposal" + dir).exit_code == 0);

    for (const auto& [fault, text] : std::vector<std::pair<std::string, std::string>>{
             {"nan", "count is nan"}, {"negative", "unit_cost is -1"}, {"origin", "origin 9"},
             {"lead", "lead_quarters is inf"}}) {
        INFO(fault);
        const auto strict = run(db.flag() + " hire --mix test-bad-mix --strict-plugins --param case=" + fault + dir);
        CHECK(strict.exit_code == 3);
        CHECK_THAT(strict.err, Catch::Contains("test-bad-mix") && Catch::Contains(text));
        const auto skip = run(db.flag() + " hire --mix test-bad-mix --mix balanced --param case=" + fault + dir);
        CHECK(skip.exit_code == 0);
        CHECK_THAT(skip.err, Catch::Contains("skipped") && Catch::Contains(text));
        CHECK(run(db.flag() + " plan --mix test-bad-mix --param case=" + fault + dir).exit_code == 3);
    }
    const auto bad = run(db.flag() + " diagnose --check test-bad-severity --strict-plugins --param case=severity" + dir);
    CHECK(bad.exit_code == 3);
    CHECK_THAT(bad.err, Catch::Contains("severity 1000"));
    CHECK(run(db.flag() + " diagnose --check test-bad-severity" + dir).exit_code == 0);
}

TEST_CASE("plugins and the mentoring plan get the whole org: mentors in the same location are preferred") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + fixture("formula")).exit_code == 0);
    const auto j = run(db.flag() + " mentoring plan --format json").json();
    REQUIRE(j["rows"].size() == 1);
    CHECK_THAT(j["rows"][0]["shared"].get<std::string>(), Catch::Contains("location"));
}

TEST_CASE("isolated, a plugin that crashes, aborts, loops, hoards memory or prints is reported and orgplan carries on") {
    DemoDb db;
    const auto dir = " --plugin-dir " + test_plugins("misbehaving_plugin");
    const auto before = read_text(db.path());
    const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
        {"segfault", "", "crashed (signal 11"},
        {"abort", "", "crashed (signal 6"},
        {"loop", "ORGPLAN_PLUGIN_TIMEOUT=1", "did not finish within 1 s and was stopped"},
#ifndef ORGPLAN_TEST_SANITIZED // no address-space limit under AddressSanitizer (docs/plugins.md)
        {"allocate", "ORGPLAN_PLUGIN_MEMORY_MB=300", "ran out of memory (limit 300 MB"},
#endif
    };
    for (const auto& [fault, env, text] : cases) {
        INFO(fault);
        const auto started = std::chrono::steady_clock::now();
        auto r = run(db.flag() + " align --compare --isolate --format csv --param case=" + fault + dir, env);
        CHECK(r.exit_code == 0);
        // Under the sanitizers, they catch the fault themselves and end the child their own way: an exit status
        // (g++'s runtime) or an abort (clang's, with abort_on_error).
        const auto names_the_reason = [&text = text](const std::string& err) {
#ifdef ORGPLAN_TEST_SANITIZED
            if (err.find("ended without an answer") != std::string::npos) return true;
            if (err.find("crashed (signal 6") != std::string::npos) return true;
#endif
            return err.find(text) != std::string::npos;
        };
        CHECK_THAT(r.err, Catch::Contains("test-bad-proposal") && Catch::Contains("carried on without it"));
        CHECK(names_the_reason(r.err));
        CHECK_THAT(r.out, Catch::Contains("by-team") && !Catch::Contains("test-bad-proposal"));
        CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(30));
        // Strict: the command stops, with the same reason, and does not claim to have carried on.
        r = run(db.flag() + " align --compare --isolate --strict-plugins --param case=" + fault + dir, env);
        CHECK(r.exit_code == 3);
        CHECK(names_the_reason(r.err));
        CHECK_THAT(r.err, Catch::Contains("stopped (--strict-plugins)") && !Catch::Contains("carried on"));
        // ORGPLAN_ISOLATE_PLUGINS=1 makes isolation the default.
        r = run(db.flag() + " align --compare --format csv --param case=" + fault + dir,
                env + " ORGPLAN_ISOLATE_PLUGINS=1");
        CHECK(r.exit_code == 0);
        CHECK(names_the_reason(r.err));
    }
    CHECK(read_text(db.path()) == before); // the children held no database handle and wrote nothing
    // Diagnostics and hiring mixes are isolated the same way; a well-behaved isolated run answers as in-process.
    CHECK(run(db.flag() + " diagnose --isolate --format json").out == run(db.flag() + " diagnose --format json").out);
    CHECK(run(db.flag() + " hire --count 4 --isolate --format csv").out == run(db.flag() + " hire --count 4 --format csv").out);
}

TEST_CASE("a plugin writing to stdout cannot corrupt the output, in-process or isolated") {
    DemoDb db;
    const auto dir = " --plugin-dir " + test_plugins("misbehaving_plugin");
    for (const char* isolate : {"", " --isolate"}) {
        INFO(isolate);
        const auto r = run(db.flag() + " align --compare --format json --param case=stdout" + isolate + dir);
        REQUIRE(r.exit_code == 0);
        CHECK(r.out.find("garbage") == std::string::npos);
        CHECK(r.json()["rows"].size() >= 2);
    }
}
