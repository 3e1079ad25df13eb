#include <catch2/catch.hpp>

#include <ctime>
#include <regex>

#include "orgplan/base/utc_time.hpp"

using namespace orgplan;

TEST_CASE("today and now are UTC, in the forms the database and the change log write") {
    const auto before = std::time(nullptr);
    const auto day = today();
    const auto now = utc_now();
    const auto after = std::time(nullptr);
    CHECK(std::regex_match(day, std::regex(R"(\d{4}-\d{2}-\d{2})")));
    CHECK(std::regex_match(now, std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)")));
    // The same instant by the C library, in UTC whatever TZ says (a day may turn between the calls: either side).
    auto as_utc = [](std::time_t t, const char* format) {
        std::tm tm{};
        ::gmtime_r(&t, &tm);
        char b[32];
        std::strftime(b, sizeof b, format, &tm);
        return std::string(b);
    };
    CHECK((day == as_utc(before, "%Y-%m-%d") || day == as_utc(after, "%Y-%m-%d")));
    CHECK((now.substr(0, 16) == as_utc(before, "%Y-%m-%dT%H:%M") || now.substr(0, 16) == as_utc(after, "%Y-%m-%dT%H:%M")));
    CHECK(now.substr(0, 10) >= day);
}
