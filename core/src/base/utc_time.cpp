#include "orgplan/base/utc_time.hpp"

#include <ctime>

namespace orgplan {
namespace {

std::string now_as(const char* format) {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    ::gmtime_r(&now, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, format, &tm);
    return buffer;
}

} // namespace

std::string today() { return now_as("%Y-%m-%d"); }
std::string utc_now() { return now_as("%Y-%m-%dT%H:%M:%SZ"); }

} // namespace orgplan
