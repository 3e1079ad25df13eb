#include "orgplan/base/number.hpp"

#include <cmath>

#include <fmt/format.h>

#include "orgplan/base/error.hpp"
#include "orgplan/base/text.hpp"

namespace orgplan {

bool Range::contains(double v) const {
    if (!std::isfinite(v)) return false;
    if (low_open ? v <= low : v < low) return false;
    if (high_open ? v >= high : v > high) return false;
    return true;
}

std::string Range::describe() const {
    if (!low_open && !high_open) return fmt::format("from {:g} to {:g}", low, high);
    return fmt::format("{} {:g} and {} {:g}", low_open ? "greater than" : "at least", low,
                       high_open ? "below" : "at most", high);
}

std::optional<double> parse_number_in(std::string_view text, const Range& range) {
    const auto v = text::parse_number(text);
    if (!v || !range.contains(*v)) return std::nullopt;
    return v;
}

double require_number(std::string_view text, const Range& range, const std::string& what) {
    if (const auto v = parse_number_in(text, range)) return *v;
    throw Error(fmt::format("{}: '{}' is not a number {}", what, text, range.describe()));
}

double require_in_range(double value, const Range& range, const std::string& what) {
    if (!range.contains(value)) throw Error(fmt::format("{}: {} is not a number {}", what, value, range.describe()));
    return value;
}

long checked_count(double value, double max, const std::string& what) {
    if (!std::isfinite(value) || value < 0 || value > max)
        throw Error(fmt::format("{}: {} is out of range (0 to {:g}); check the settings it is computed from", what,
                                value, max));
    return std::lround(value);
}

std::string group_thousands(double value, int decimals) {
    std::string text = fmt::format("{:.{}f}", value, decimals);
    if (text == "-0" || (text.rfind("-0.", 0) == 0 && text.find_first_not_of("0.", 1) == std::string::npos))
        text.erase(0, 1); // -0.4 rounds to 0, not to "-0"
    const auto digits_begin = text.find_first_of("0123456789");
    auto digits_end = text.find('.');
    if (digits_end == std::string::npos) digits_end = text.size();
    for (auto at = digits_end; at > digits_begin + 3; at -= 3) text.insert(at - 3, ",");
    return text;
}

std::string money_text(double value, std::string_view currency) {
    auto text = group_thousands(value, 0);
    if (!currency.empty()) (text += ' ') += currency;
    return text;
}

} // namespace orgplan
