#include <catch2/catch.hpp>

#include "orgplan/plugin_host/plugin_requests.hpp"

using namespace orgplan;

TEST_CASE("plugin requests: every numeric setting goes to a plugin, with the org's value") {
    const auto settings = Settings::from_stored({{"ratio.threshold", "8"}});
    const auto out = to_sdk(settings);
    CHECK(out.size() == setting_specs().size());
    CHECK(out.at("ratio.threshold") == 8);
    CHECK(out.at("ratio.max_spread") == Settings().get("ratio.max_spread")); // a default as it is
}

TEST_CASE("plugin requests: coverage as plain parts, in the same order whatever order the host held them in") {
    Coverage c;
    c.team_makers = {4, 6};
    c.team_pm = {0.5, 1.0};
    c.pm_team = {{"pm2", {{1, 0.5}}}, {"pm1", {{1, 0.5}, {0, 0.5}}}};
    const auto out = to_sdk(c);
    CHECK(out.team_maker_fte == std::vector<double>{4, 6});
    CHECK(out.team_pm_fte == std::vector<double>{0.5, 1.0});
    REQUIRE(out.parts.size() == 3);
    CHECK(out.parts[0].pm_id == "pm1");
    CHECK(out.parts[0].team == 0);
    CHECK(out.parts[1].pm_id == "pm1");
    CHECK(out.parts[1].team == 1);
    CHECK(out.parts[2].pm_id == "pm2");
    CHECK(out.parts[2].fte == 0.5);
    std::swap(c.pm_team[0], c.pm_team[1]);
    const auto again = to_sdk(c);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(again.parts[i].pm_id == out.parts[i].pm_id);
        CHECK(again.parts[i].team == out.parts[i].team);
    }
}
