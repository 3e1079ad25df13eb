#include "orgplan/number.hpp"

#include <cmath>

#include <fmt/format.h>

#include "orgplan/error.hpp"
#include "orgplan/text.hpp"

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

} // namespace orgplan
