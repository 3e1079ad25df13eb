#include <catch2/catch.hpp>

#include "orgplan/base/error.hpp"
#include "orgplan/base/number.hpp"

using namespace orgplan;

TEST_CASE("numbers: one parser with ranges, counts checked, money grouped with its currency") {
    const Range share{0, 1};
    CHECK(parse_number_in("0.5", share) == 0.5);
    CHECK_FALSE(parse_number_in("1.5", share));
    CHECK_FALSE(parse_number_in("inf", share));
    CHECK_THROWS_WITH(require_number("two", share, "setting 'x'"), Catch::Contains("setting 'x'"));
    CHECK(require_in_range(1, share, "x") == 1);
    CHECK_THROWS(require_in_range(-0.1, share, "x"));
    CHECK(checked_count(12.0, 100, "hires") == 12);
    CHECK_THROWS(checked_count(1e12, 100, "hires"));
    CHECK(group_thousands(1234567.891) == "1,234,568");
    CHECK(group_thousands(-1234.5, 1) == "-1,234.5");
    CHECK(money_text(1234567, "EUR").find("1,234,567") != std::string::npos);
    CHECK(money_text(1234567, "EUR").find("EUR") != std::string::npos);
}
