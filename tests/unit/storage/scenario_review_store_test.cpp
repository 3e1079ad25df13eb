#include <catch2/catch.hpp>

#include "../fixture.hpp"
#include "orgplan/planning/scenario.hpp"
#include "orgplan/storage/scenario_review_store.hpp"
#include "orgplan/storage/scenario_store.hpp"

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("shares and reviews are kept per scenario and go with it") {
    auto db = fixture_database();
    create_scenario(db, "s", kCurrentScenario, "ann");
    share_scenario(db, "s", "bo", false);
    share_scenario(db, "s", "cy", true);
    share_scenario(db, "s", "bo", true); // changed, not doubled
    auto shares = load_scenario_shares(db, "s");
    REQUIRE(shares.size() == 2);
    CHECK(shares[0].user == "bo");
    CHECK(shares[0].edit);
    share_scenario(db, "s", "cy", std::nullopt);
    CHECK(load_scenario_shares(db, "s").size() == 1);
    record_review(db, "s", {"", "ann", "submit", "please", {"dee"}});
    record_review(db, "s", {"", "dee", "approve", "ok", {}});
    const auto reviews = load_reviews(db, "s");
    REQUIRE(reviews.size() == 2);
    CHECK(reviews[0].approvers == std::vector<std::string>{"dee"});
    CHECK(reviews[1].action == "approve");
    CHECK_FALSE(reviews[1].at.empty());
    delete_scenario(db, "s");
    CHECK(load_scenario_shares(db, "s").empty());
    CHECK(load_reviews(db, "s").empty());
}

TEST_CASE("a review entry keeps its time, comment and approvers, and an unknown scenario has none") {
    auto db = fixture_database();
    create_scenario(db, "s", kCurrentScenario, "ann");
    create_scenario(db, "t", kCurrentScenario, "ann");
    record_review(db, "s", {"", "ann", "submit", "two, please", {"dee", "eve"}});
    record_review(db, "t", {"", "bo", "withdraw", "", {}});
    const auto s = load_reviews(db, "s");
    REQUIRE(s.size() == 1);
    CHECK(s[0].user == "ann");
    CHECK(s[0].comment == "two, please");
    CHECK(s[0].approvers == std::vector<std::string>{"dee", "eve"});
    CHECK(s[0].at.size() == 20); // 2026-12-05T17:04:27Z
    CHECK(load_reviews(db, "t").at(0).action == "withdraw");
    CHECK(load_reviews(db, "nothing").empty());
    CHECK(load_scenario_shares(db, "nothing").empty());
}
