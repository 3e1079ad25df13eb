// The ratios fixture org and row lookup, shared by the tests of each ratio level.
#pragma once

#include <catch2/catch.hpp>

#include "../fixture.hpp"
#include "orgplan/analysis/ratios.hpp"

namespace orgplan::test {

// Hand-computed expectations for tests/fixtures/ratios (see docs/ratios.md for the rules):
//   makers  A: m1 1 + m2 1 + m3 0.5 + m4 0.5 = 3.0   B: m4 0.5 + m5..m8 4 = 4.5   C: 6   D: 2
//   pm1 (1.0 FTE): A 0.5, C 0.5.   pm2 (0.5 FTE) on product P1 spreads by makers: A 0.5*3/7.5 = 0.2,
//   B 0.5*4.5/7.5 = 0.3.   pm3 (1.0) on initiative I1: org level only.   pm4 (1.0): member of C.
//   PM FTE  A 0.7  B 0.3  C 1.5  D 0  ->  ratios A 4.2857, B 15 (over), C 4, D no PM.
inline const RatioRow& row(const RatioReport& r, const std::string& id) {
    for (const auto& x : r.rows)
        if (x.id == id) return x;
    FAIL("no row " << id);
    throw;
}

inline Org fixture_org() {
    Database db(":memory:");
    import_paths(db, {fixture("ratios")});
    return load_org(db);
}

} // namespace orgplan::test
