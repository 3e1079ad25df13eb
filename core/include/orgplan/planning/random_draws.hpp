// The random numbers of the Monte Carlo plan: a small seeded generator and exact binomial draws, so a trial costs
// the same for ten PMs as for a hundred thousand.
#pragma once

#include <cstdint>

namespace orgplan {

/// splitmix64: derives each trial's seed, and is itself a good small generator. Written here rather than taken
/// from <random> so a seed gives the same plan with every standard library.
struct SplitMix {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    /// Uniform in [0, 1), 53 bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
};

/// How many of `n` independent trials of probability `p` succeed: exactly Binomial(n, p). Small `n` draw each
/// trial; larger ones invert the distribution with one uniform, walking out from the mode, so a draw takes about
/// sqrt(n p (1 - p)) steps instead of n.
std::uint64_t binomial(SplitMix& rng, std::uint64_t n, double p);

} // namespace orgplan
