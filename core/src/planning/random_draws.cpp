#include "orgplan/planning/random_draws.hpp"

#include <algorithm>
#include <cmath>

namespace orgplan {
namespace {

// Below this many trials, one uniform each is as cheap as the logarithms of the inversion.
constexpr std::uint64_t kDrawEach = 24;

double log_pmf(std::uint64_t n, std::uint64_t k, double p) {
    const double nd = static_cast<double>(n), kd = static_cast<double>(k);
    return std::lgamma(nd + 1) - std::lgamma(kd + 1) - std::lgamma(nd - kd + 1) + kd * std::log(p) +
           (nd - kd) * std::log1p(-p);
}

} // namespace

std::uint64_t binomial(SplitMix& rng, std::uint64_t n, double p) {
    if (n == 0 || !(p > 0)) return 0;
    if (p >= 1) return n;
    if (n <= kDrawEach) {
        std::uint64_t k = 0;
        for (std::uint64_t i = 0; i < n; ++i) k += rng.uniform() < p;
        return k;
    }
    // Inversion in the order mode, mode-1, mode+1, mode-2, ...: the masses are taken from one uniform until it is
    // spent, which draws each k with exactly its probability, in about as many steps as the spread of the law.
    const auto mode = std::min<std::uint64_t>(n, static_cast<std::uint64_t>(std::floor((static_cast<double>(n) + 1) * p)));
    const double odds = p / (1 - p);
    const double at_mode = std::exp(log_pmf(n, mode, p));
    double u = rng.uniform() - at_mode;
    if (u < 0) return mode;
    std::uint64_t lo = mode, hi = mode;
    double below = at_mode, above = at_mode;
    // A side whose masses have fallen below what a double holds has nothing left to give.
    while ((lo > 0 && below > 0) || (hi < n && above > 0)) {
        if (lo > 0 && below > 0) {
            below *= static_cast<double>(lo) / (static_cast<double>(n - lo + 1) * odds); // pmf(lo-1) from pmf(lo)
            --lo;
            u -= below;
            if (u < 0) return lo;
        }
        if (hi < n && above > 0) {
            above *= static_cast<double>(n - hi) * odds / static_cast<double>(hi + 1); // pmf(hi+1) from pmf(hi)
            ++hi;
            u -= above;
            if (u < 0) return hi;
        }
    }
    return mode; // the uniform outlasted the rounded masses (a chance of about 1e-15)
}

} // namespace orgplan
