// Numbers from users: one parser for files, settings, scenario changes and command options.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace orgplan {

/// An interval of allowed values; NaN and infinities are never inside one.
struct Range {
    double low;
    double high;
    bool low_open = false;  ///< low itself is not allowed
    bool high_open = false; ///< high itself is not allowed

    bool contains(double v) const;
    /// "greater than 0 and at most 1000", "from 0 to 1"...
    std::string describe() const;
};

/// Parses a whole finite decimal number in `range`; nullopt for anything else (NaN, "inf", "1e400", "12abc").
std::optional<double> parse_number_in(std::string_view text, const Range& range);

/// Throws orgplan::Error "WHAT: 'TEXT' is not a number RANGE" unless `text` is a number in `range`.
double require_number(std::string_view text, const Range& range, const std::string& what);

/// Throws orgplan::Error naming `what` and the range unless `value` is finite and in `range` (for values that
/// arrive already as numbers: command options, JSON).
double require_in_range(double value, const Range& range, const std::string& what);

/// A count from a computation (hires needed, seniors to add) as a whole number; throws orgplan::Error naming `what`
/// when it is not finite or above `max` instead of converting an out-of-range double (undefined behaviour).
long checked_count(double value, double max, const std::string& what);

/// `value` rounded to `decimals` places with its thousands grouped by commas: "1,234,567", "-12,345.50".
std::string group_thousands(double value, int decimals = 0);
/// A sum of money for people: whole units grouped, then the currency when there is one ("1,234,567 EUR").
std::string money_text(double value, std::string_view currency);

} // namespace orgplan
