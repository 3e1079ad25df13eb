#include <catch2/catch.hpp>

#include <algorithm>
#include <tuple>

#include "../builtin_plugins.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/planning/analysis.hpp"

using namespace orgplan;
using namespace orgplan::test;

namespace {

// Two teams (6 and 4 makers), one maker in no team, a full-time and a half-time PM; t2 has no PM.
Org small_org() {
    OrgBuilder b;
    b.product("p1").team("t1", "p1").makers("t1", 6).team("t2", "p1").makers("t2", 4);
    b.staff("loose", Family::maker).pm("pa").pm("pb", 1, Origin::newcomer, "", 0.5);
    b.assign("pa", TargetKind::team, "t1").assign("pb", TargetKind::team, "t1");
    return b.org;
}

} // namespace

TEST_CASE("plan input: makers per team, PMs, the settings and the mix's shares") {
    const auto org = small_org();
    Settings settings;
    settings.set("ratio.threshold", 8);
    settings.set("plan.attrition_pm", 0.2);
    const auto mix = mix_profile(builtin_host(), "balanced", org, settings, {});
    const auto in = plan_input(org, settings, mix, 6, 0.05);
    CHECK(in.quarters == 6);
    CHECK(in.team_makers == std::vector<double>{6, 4, 0}); // makers in no team are left out unless asked
    CHECK(in.unassigned_makers == Approx(1));
    CHECK(in.team_growth == std::vector<double>{0.05, 0.05, 0.05});
    CHECK(in.pm_fte == Approx(1.5));
    CHECK(in.pm_count == 2);
    CHECK(in.threshold == 8);
    CHECK(in.pm_attrition == Approx(0.2));
    double shares = 0, counted = 0;
    for (const auto& h : in.hires) shares += h.share;
    for (const auto& g : mix.groups) counted += g.count;
    CHECK(shares == Approx(1));
    CHECK(counted == Approx(1000));
    const auto& senior = in.hires[static_cast<std::size_t>(HireKind::senior)];
    for (const auto& g : mix.groups)
        if (g.origin == Origin::external_senior) {
            CHECK(senior.share == Approx(g.count / 1000));
            CHECK(senior.yearly_cost == g.unit_cost);
            CHECK_FALSE(senior.novice);
        }

    const auto with_loose = plan_input(org, settings, mix, 6, 0.05, {0.1, 0.2}, true);
    CHECK(with_loose.team_makers == std::vector<double>{6, 4, 1});
    CHECK(with_loose.team_growth == std::vector<double>{0.1, 0.2, 0.05}); // the loose makers grow at the org rate
}

TEST_CASE("diagnostics run worst first, and a failing plugin is skipped and named, or stops the run when strict") {
    const auto org = small_org();
    const Settings settings;
    const auto& host = builtin_host();
    const auto all = run_diagnostics(host, {}, org, settings, {}, {}, {});
    REQUIRE_FALSE(all.findings.empty());
    CHECK(all.failed.empty());
    CHECK(std::is_sorted(all.findings.begin(), all.findings.end(), [](const auto& a, const auto& b) {
        return std::make_tuple(-static_cast<int>(a.severity), a.check, a.subject) <
               std::make_tuple(-static_cast<int>(b.severity), b.check, b.subject);
    }));
    CHECK(std::any_of(all.findings.begin(), all.findings.end(), [](const auto& f) { return f.subject == "t2"; }));

    PluginHost skipping(PluginHost::OnError::skip);
    skipping.load_directory(ORGPLAN_BUILTIN_PLUGINS);
    skipping.load_directory(std::string(ORGPLAN_TEST_PLUGINS) + "/throwing_plugin");
    const auto* throws = &skipping.get(sdk::PluginKind::diagnostic, "test-throws-int");
    const auto* first = skipping.of_kind(sdk::PluginKind::diagnostic).front() == throws
                            ? skipping.of_kind(sdk::PluginKind::diagnostic).back()
                            : skipping.of_kind(sdk::PluginKind::diagnostic).front();
    const auto run = run_diagnostics(skipping, {throws, first}, org, settings, {}, {}, {});
    CHECK(run.failed == std::vector<std::string>{"test-throws-int"});
    REQUIRE(run.errors.size() == 1);
    CHECK_THAT(run.errors[0], Catch::Contains("unknown exception"));
    CHECK(run.findings.size() == run_diagnostics(skipping, {first}, org, settings, {}, {}, {}).findings.size());

    PluginHost strict(PluginHost::OnError::fail);
    strict.load_directory(std::string(ORGPLAN_TEST_PLUGINS) + "/throwing_plugin");
    CHECK_THROWS_AS(run_diagnostics(strict, {}, org, settings, {}, {}, {}), Error);
}
