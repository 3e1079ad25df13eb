#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "../fixture.hpp"
#include "orgplan/analysis/org_trend.hpp"
#include "orgplan/storage/settings_store.hpp"

using namespace orgplan;
using namespace orgplan::test;

namespace {

double metric(const TrendPoint& p, const std::string& name) {
    const auto& m = trend_metrics();
    return p.values.at(static_cast<std::size_t>(std::find(m.begin(), m.end(), name) - m.begin()));
}

} // namespace

TEST_CASE("org trend: each snapshot's numbers, oldest first, as the org was then") {
    const TempPath path("org-trend.db");
    Database db(path.path);
    import_as_of(db, {fixture("ratios")}, "2026-01-15");
    // Two makers join team A by the second snapshot.
    import_as_of(db, {write_temp("trend_people.csv", "id,name,title\nN1,New One,Developer\nN2,New Two,Developer\n"),
                      write_temp("trend_memberships.csv", "person,team,allocation\nN1,A,1\nN2,A,1\n")},
                 "2026-03-01");
    const auto points = compute_trend(db, path.path);
    REQUIRE(points.size() == 2);
    CHECK(points[0].snapshot.as_of == "2026-01-15");
    CHECK(points[1].snapshot.as_of == "2026-03-01");
    // tests/fixtures/ratios by hand: 15.5 maker FTE over 3.5 PM FTE; then 17.5.
    CHECK(metric(points[0], "makers") == Approx(15.5));
    CHECK(metric(points[0], "pm_fte") == Approx(3.5));
    CHECK(metric(points[0], "org_ratio") == Approx(15.5 / 3.5));
    CHECK(metric(points[1], "makers") == Approx(17.5));
    CHECK(metric(points[1], "people") == metric(points[0], "people") + 2);
    CHECK(metric(points[0], "teams_without_pm") == 1); // D
    // The newest `most` only.
    const auto last = compute_trend(db, path.path, 1);
    REQUIRE(last.size() == 1);
    CHECK(last[0].snapshot.as_of == "2026-03-01");
}

TEST_CASE("org trend: the file's current settings apply to every snapshot") {
    const TempPath path("org-trend-settings.db");
    Database db(path.path);
    import_as_of(db, {fixture("ratios")}, "2026-01-15");
    store_setting(db, "ratio.threshold", "4");
    const auto points = compute_trend(db, path.path);
    REQUIRE(points.size() == 1);
    CHECK(metric(points[0], "teams_over") == 2); // A (4.3) and B (15) over 4; C is 4, not over
    CHECK(trend_metrics().size() == points[0].values.size());
    CHECK(std::isfinite(metric(points[0], "org_ratio")));
}
