#include <catch2/catch.hpp>

#include "../org_builder.hpp"
#include "orgplan/analysis/alignment.hpp"

using namespace orgplan;
using namespace orgplan::test;

namespace {

// t1: 10 makers in segment s1, t2: 20 makers, t3: 4 makers, t4: none. p1 and p2 are full-time PMs.
OrgBuilder base() {
    OrgBuilder b;
    b.segment("s1").segment("s2").account("a1").initiative("i1");
    b.team("t1", "", "s1").team("t2").team("t3").team("t4");
    b.makers("t1", 10).makers("t2", 20).makers("t3", 4);
    b.pm("p1").pm("p2");
    return b;
}

} // namespace

TEST_CASE("alignment: a proposal's metrics and score, computed by hand") {
    auto b = base();
    b.assign("p1", TargetKind::team, "t1").assign("p2", TargetKind::team, "t2");
    const auto m = evaluate(b.org, b.org.assignments, 10, 3);
    CHECK(m.teams == 3); // t4 has no makers: not a team to cover
    CHECK(m.uncovered_teams == 1);
    CHECK(*m.max_ratio == Approx(20));
    CHECK(*m.median_ratio == Approx(15));
    CHECK(m.pm_fte_needed == Approx(1.4)); // t2 needs 1 more, t3 0.4
    CHECK(m.thin_pms == 0);
    CHECK(m.segments_covered == 1);
    CHECK(m.segments == 2);
    CHECK(m.accounts_covered == 0);
    CHECK(m.initiatives == 1);
    // 100 x (1 - 0.40 x 1/3 - 0.30 x 1.4/2 - 0.15 x 0/2 - 0.15 x (15/10 - 1))
    CHECK(m.score == Approx(100 * (1 - 0.4 / 3 - 0.3 * 0.7 - 0.15 * 0.5)));
}

TEST_CASE("alignment: spreading a PM thin, covering nothing, and covering accounts and initiatives") {
    auto b = base();
    for (const auto* t : {"t1", "t2", "t3", "t4"}) b.assign("p1", TargetKind::team, t, 0.25);
    b.assign("p2", TargetKind::account, "a1", 0.5).assign("p2", TargetKind::initiative, "i1", 0.5);
    const auto m = evaluate(b.org, b.org.assignments, 10, 3);
    CHECK(m.thin_pms == 1); // four teams over a spread of three
    CHECK(m.uncovered_teams == 0);
    CHECK(m.accounts_covered == 1);
    CHECK(m.initiatives_covered == 1);

    const auto none = evaluate(b.org, {}, 10, 3);
    // Without assignments PMs cover the teams they are members of: none here.
    CHECK(none.uncovered_teams == 3);
    CHECK_FALSE(none.max_ratio);
    CHECK(none.score < m.score);
}

TEST_CASE("alignment: a better proposal scores higher") {
    auto worse = base(), better = base();
    worse.assign("p1", TargetKind::team, "t1").assign("p2", TargetKind::team, "t1");
    better.assign("p1", TargetKind::team, "t1").assign("p2", TargetKind::team, "t2");
    CHECK(evaluate(better.org, better.org.assignments, 10, 3).score >
          evaluate(worse.org, worse.org.assignments, 10, 3).score);
}
