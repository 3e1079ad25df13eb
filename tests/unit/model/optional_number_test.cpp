#include <catch2/catch.hpp>

#include <cmath>
#include <optional>

#include <nlohmann/json.hpp>

#include "orgplan/org.hpp"

using namespace orgplan;

TEST_CASE("an optional number reads like std::optional<double> in half its size") {
    STATIC_REQUIRE(sizeof(OptionalNumber) == sizeof(double));
    OptionalNumber none, zero(0.0), some(2.5), from_nullopt(std::nullopt);
    CHECK_FALSE(none.has_value());
    CHECK_FALSE(from_nullopt);
    CHECK(zero.has_value()); // zero is a number, not "none"
    CHECK(*zero == 0.0);
    CHECK(some.value() == 2.5);
    CHECK(none.value_or(7) == 7);
    CHECK(some.value_or(7) == 2.5);
    CHECK_THROWS_AS(none.value(), std::bad_optional_access);
    CHECK_FALSE(OptionalNumber(std::nan("")).has_value()); // a NaN is no number
    some.reset();
    CHECK_FALSE(some);
}

TEST_CASE("an optional number compares and converts like the std::optional<double> it replaced") {
    CHECK(OptionalNumber() == OptionalNumber());
    CHECK(OptionalNumber() != OptionalNumber(0.0));
    CHECK(OptionalNumber(1.5) == 1.5);
    CHECK(OptionalNumber(1.5) != 2.0);
    const std::optional<double> given = 3.0, missing;
    CHECK(OptionalNumber(given) == 3.0);
    CHECK_FALSE(OptionalNumber(missing));
    const std::optional<double> back = OptionalNumber(4.0);
    CHECK(back == 4.0);
    CHECK_FALSE(std::optional<double>(OptionalNumber()).has_value());
    Person p;
    CHECK_FALSE(p.cost);
    p.cost = 120000.0;
    p.pm_years = std::optional<double>(3.0);
    p.coaching_hours = std::nullopt;
    CHECK(*p.cost == 120000.0);
    CHECK(p.pm_years == 3.0);
    CHECK_FALSE(p.coaching_hours);
}

TEST_CASE("an optional number is a JSON number or null") {
    nlohmann::json j = {{"a", OptionalNumber(2.5)}, {"b", OptionalNumber()}};
    CHECK(j.dump() == R"({"a":2.5,"b":null})");
    CHECK(j["a"].get<OptionalNumber>() == 2.5);
    CHECK_FALSE(j["b"].get<OptionalNumber>());
}
