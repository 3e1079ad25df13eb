#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "../fixture.hpp"
#include "orgplan/model/reporting_lines.hpp"

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("reporting lines are read in id order with their managers, units and families") {
    Database db(":memory:");
    import_paths(db, {fixture("ratios")});
    const auto read = load_reporting_lines(db);
    REQUIRE(static_cast<long long>(read.lines.size()) == count(db, "person"));
    for (std::size_t i = 1; i < read.lines.size(); ++i) CHECK(read.lines[i - 1].id < read.lines[i].id);
    const auto pm1 = std::find_if(read.lines.begin(), read.lines.end(), [](const auto& l) { return l.id == "pm1"; });
    REQUIRE(pm1 != read.lines.end());
    CHECK(pm1->family == Family::pm);
    CHECK(pm1->manager_id ==
          db.sql().execAndGet("SELECT manager_id FROM person WHERE id = 'pm1'").getString());
}
