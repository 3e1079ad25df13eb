#include <catch2/catch.hpp>

#include "run.hpp"

using namespace orgplan::e2e;

namespace {
struct DemoDb : TempDb {
    DemoDb() { REQUIRE(run(flag() + " import " + data("demo")).exit_code == 0); }
};
} // namespace

TEST_CASE("mentoring plan covers the demo's novices, and a saved plan drives the coaching diagnostic") {
    DemoDb db;
    const auto j = run(db.flag() + " mentoring plan --format json").json();
    CHECK(j["novices"] == 7);
    CHECK(j["uncovered"].empty());
    CHECK(j["rows"].size() == 7);
    CHECK(j["saved"] == false);
    CHECK_THAT(j["recommendation"].get<std::string>(), Catch::Contains("reassign"));
    // Without a saved plan, the per-leader capacity check finds a shortfall in one group.
    CHECK(run(db.flag() + " diagnose --check novice-coaching --format json").json()["rows"].size() == 1);
    REQUIRE(run(db.flag() + " mentoring plan --save").exit_code == 0);
    CHECK(run(db.flag() + " mentoring show --format json").json()["rows"].size() == 7);
    CHECK(run(db.flag() + " diagnose --check novice-coaching --format json").json()["rows"].empty());
}

TEST_CASE("mentoring plan recommends hiring seniors when capacity runs out") {
    DemoDb db;
    REQUIRE(run(db.flag() + " config set coaching.novice_hours 3").exit_code == 0);
    const auto j = run(db.flag() + " mentoring plan --format json").json();
    CHECK_FALSE(j["uncovered"].empty());
    CHECK_THAT(j["recommendation"].get<std::string>(), Catch::Contains("seasoned senior"));
}
