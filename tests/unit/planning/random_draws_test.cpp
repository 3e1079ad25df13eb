#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "orgplan/planning/random_draws.hpp"

using namespace orgplan;

namespace {

double pmf(int n, int k, double p) {
    return std::exp(std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0) + k * std::log(p) +
                    (n - k) * std::log1p(-p));
}

// Pearson's statistic of `draws` draws of Binomial(n, p) against the law, over the cells expecting 5 or more.
double chi_square(int n, double p, int draws, std::uint64_t seed, int& cells) {
    SplitMix rng{seed};
    std::vector<int> seen(static_cast<std::size_t>(n) + 1, 0);
    for (int i = 0; i < draws; ++i) {
        const auto k = binomial(rng, static_cast<std::uint64_t>(n), p);
        REQUIRE(k <= static_cast<std::uint64_t>(n));
        ++seen[k];
    }
    double stat = 0;
    cells = 0;
    for (int k = 0; k <= n; ++k) {
        const double expected = draws * pmf(n, k, p);
        if (expected < 5) continue;
        stat += (seen[static_cast<std::size_t>(k)] - expected) * (seen[static_cast<std::size_t>(k)] - expected) / expected;
        ++cells;
    }
    return stat;
}

} // namespace

TEST_CASE("binomial draws: the edges") {
    SplitMix rng{1};
    CHECK(binomial(rng, 0, 0.5) == 0);
    CHECK(binomial(rng, 1000, 0.0) == 0);
    CHECK(binomial(rng, 1000, 1.0) == 1000);
    CHECK(binomial(rng, 100000, 1.0) == 100000);
    for (int i = 0; i < 1000; ++i) CHECK(binomial(rng, 40, 0.999) <= 40);
}

TEST_CASE("binomial draws follow the law, drawn one by one and by inversion") {
    // n 20 draws each trial; 30 and 200 invert. A wrong mode, step or order would show as hundreds here: the 99.9%
    // point of chi-square with 40 degrees of freedom is 73.
    for (const auto& [n, p] : std::vector<std::pair<int, double>>{{20, 0.3}, {30, 0.3}, {30, 0.9}, {200, 0.05}, {200, 0.5}}) {
        int cells = 0;
        const double stat = chi_square(n, p, 200000, 12345 + static_cast<std::uint64_t>(n), cells);
        INFO("n " << n << " p " << p << " cells " << cells << " chi-square " << stat);
        CHECK(cells >= 5);
        CHECK(stat < 73);
    }
}

TEST_CASE("binomial draws of a large org: mean and spread") {
    SplitMix rng{7};
    const std::uint64_t n = 100000;
    const double p = 0.0285;
    const int draws = 20000;
    double sum = 0, squares = 0;
    for (int i = 0; i < draws; ++i) {
        const auto k = static_cast<double>(binomial(rng, n, p));
        sum += k;
        squares += k * k;
    }
    const double mean = sum / draws, variance = squares / draws - mean * mean;
    const double law_mean = n * p, law_variance = n * p * (1 - p);
    CHECK(std::abs(mean - law_mean) < 4 * std::sqrt(law_variance / draws));
    CHECK(variance == Approx(law_variance).epsilon(0.05));
}

TEST_CASE("the same seed draws the same numbers") {
    SplitMix a{99}, b{99};
    for (int i = 0; i < 100; ++i) CHECK(binomial(a, 5000, 0.1) == binomial(b, 5000, 0.1));
}
