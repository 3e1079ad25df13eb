// orgplan SDK: OptionalNumber, a number that may be missing, in the 8 bytes of a double.
//
// A person's years of PM experience, cost and coaching hours are often unknown. std::optional<double> takes 16
// bytes for them; this takes 8: a NaN is "no number" (no number orgplan reads or computes is a NaN). It reads like
// std::optional<double> (has_value, *, value_or, reset, comparisons, nullopt) and converts to and from one.
#pragma once

#include <limits>
#include <optional>

namespace orgplan {

class OptionalNumber {
public:
    constexpr OptionalNumber() noexcept = default;
    constexpr OptionalNumber(std::nullopt_t) noexcept {}  // NOLINT: as std::optional is
    constexpr OptionalNumber(double v) noexcept : v_(v) {} // NOLINT: a NaN is no number
    constexpr OptionalNumber(const std::optional<double>& o) noexcept : v_(o ? *o : kNone) {} // NOLINT
    operator std::optional<double>() const noexcept { // NOLINT: where a std::optional is asked for
        return has_value() ? std::optional<double>(v_) : std::nullopt;
    }

    constexpr bool has_value() const noexcept { return v_ == v_; } // false only for a NaN
    constexpr explicit operator bool() const noexcept { return has_value(); }
    constexpr double operator*() const noexcept { return v_; }
    double value() const {
        if (!has_value()) throw std::bad_optional_access();
        return v_;
    }
    constexpr double value_or(double otherwise) const noexcept { return has_value() ? v_ : otherwise; }
    void reset() noexcept { v_ = kNone; }

    friend constexpr bool operator==(OptionalNumber a, OptionalNumber b) noexcept {
        return a.has_value() == b.has_value() && (!a.has_value() || a.v_ == b.v_);
    }
    friend constexpr bool operator!=(OptionalNumber a, OptionalNumber b) noexcept { return !(a == b); }

private:
    static constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
    double v_ = kNone;
};

/// For nlohmann::json (found by argument-dependent lookup): null when there is no number.
template <typename Json>
void to_json(Json& j, const OptionalNumber& n) {
    if (n)
        j = *n;
    else
        j = nullptr;
}
template <typename Json>
void from_json(const Json& j, OptionalNumber& n) {
    n = j.is_null() ? OptionalNumber() : OptionalNumber(j.template get<double>());
}

} // namespace orgplan
