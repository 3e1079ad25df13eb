#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "../fixture.hpp"
#include "orgplan/model/reporting_lines.hpp"

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("the text arena keeps every text intact across its blocks, long ones included") {
    TextArena arena;
    std::vector<std::pair<std::string, std::string_view>> kept;
    for (int i = 0; i < 200000; ++i) { // about 2.5 MB of short ids: three blocks
        auto text = "employee-" + std::to_string(i);
        const auto view = arena.keep(text);
        kept.emplace_back(std::move(text), view);
    }
    const std::string long_text(200000, 'x'); // longer than a block's sixteenth: a block of its own
    const auto long_view = arena.keep(long_text);
    kept.emplace_back(long_text, long_view);
    kept.emplace_back("after", arena.keep("after"));
    const auto changed = std::count_if(kept.begin(), kept.end(), [](const auto& k) { return k.second != k.first; });
    CHECK(changed == 0);
    CHECK(arena.keep("").empty());
}

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
