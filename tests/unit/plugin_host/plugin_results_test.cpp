#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "../org_builder.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/plugin_host/plugin_results.hpp"

using namespace orgplan;
using namespace orgplan::test;

namespace {

Org small_org() {
    OrgBuilder b;
    b.team("t1").team("t2").product("p1").pm("p").pm("q").staff("m", Family::maker);
    return b.org;
}

std::string refusal(const std::vector<Assignment>& rows) {
    try {
        validate_assignments(small_org(), rows, "principle 'x'");
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("plugin results: a proposal's assignments must name PMs and targets of the org, shares above 0 and at most 1") {
    CHECK(refusal({{"p", TargetKind::team, "t1", 0.5}, {"p", TargetKind::product, "p1", 0.5}}).empty());
    CHECK_THAT(refusal({{"m", TargetKind::team, "t1", 1}}), Catch::StartsWith("principle 'x'") &&
                                                               Catch::Contains("'m' is not a PM of this org"));
    CHECK_THAT(refusal({{"nobody", TargetKind::team, "t1", 1}}), Catch::Contains("'nobody' is not a PM of this org"));
    CHECK_THAT(refusal({{"p", TargetKind::team, "t9", 1}}), Catch::Contains("unknown team 't9'"));
    CHECK_THAT(refusal({{"p", TargetKind::product, "t1", 1}}), Catch::Contains("unknown product 't1'"));
    CHECK_THAT(refusal({{"p", static_cast<TargetKind>(7), "t1", 1}}), Catch::Contains("target kind 7"));
    CHECK_THAT(refusal({{"p", TargetKind::team, "t1", 0}}), Catch::Contains("share 0 of 'p'"));
    CHECK_THAT(refusal({{"p", TargetKind::team, "t1", std::nan("")}}), Catch::Contains("of 'p' is not greater than 0"));
    CHECK_FALSE(refusal({{"p", TargetKind::team, "t1", 0.7}, {"p", TargetKind::team, "t2", 0.7}}).empty());
    CHECK_FALSE(refusal({{"q", TargetKind::team, "t1", 0.5}, {"q", TargetKind::team, "t1", 0.5}}).empty());
}

TEST_CASE("plugin results: a hiring plan's numbers and a finding's severity and check are checked") {
    sdk::HiringPlan plan;
    plan.groups.push_back({Origin::external_senior, 2, 1.5, 1, 2, 0, 1});
    CHECK_NOTHROW(validate_hiring_plan(plan, "mix 'm'"));
    auto bad = plan;
    bad.groups[0].origin = Origin::unknown;
    CHECK_THROWS_WITH(validate_hiring_plan(bad, "mix 'm'"), Catch::StartsWith("mix 'm'"));
    bad = plan;
    bad.groups[0].count = -1;
    CHECK_THROWS(validate_hiring_plan(bad, "mix 'm'"));
    bad = plan;
    bad.groups[0].lead_quarters = 41;
    CHECK_THROWS(validate_hiring_plan(bad, "mix 'm'"));
    bad = plan;
    bad.total_cost = std::numeric_limits<double>::infinity();
    CHECK_THROWS(validate_hiring_plan(bad, "mix 'm'"));

    std::vector<sdk::Finding> findings{{"ratio-overload", sdk::Severity::warning, "t1", "12:1", "hire"}};
    CHECK_NOTHROW(validate_findings(findings, "check 'c'"));
    findings[0].check.clear();
    CHECK_THROWS_WITH(validate_findings(findings, "check 'c'"), Catch::StartsWith("check 'c'"));
    findings[0].check = "x";
    findings[0].severity = static_cast<sdk::Severity>(9);
    CHECK_THROWS(validate_findings(findings, "check 'c'"));
}
