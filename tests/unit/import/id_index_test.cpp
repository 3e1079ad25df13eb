#include <catch2/catch.hpp>

#include "import/id_index.hpp"
#include "import_fixture.hpp"

using namespace orgplan;
using namespace orgplan::importing;
using orgplan::importing::test::Sheet;

TEST_CASE("id index: dense indexes in order of first sight, and an unknown reference reported with its fix") {
    IdIndex ids;
    CHECK(ids.add("t2") == std::make_pair(std::uint32_t{0}, true));
    CHECK(ids.add("t1") == std::make_pair(std::uint32_t{1}, true));
    CHECK(ids.add("t2") == std::make_pair(std::uint32_t{0}, false));
    CHECK(ids.size() == 2);
    CHECK(ids.id(1) == "t1");
    CHECK(ids.find("t1") == 1);
    CHECK(ids.find("t9") == -1);
    Sheet s;
    check_ref(ids, "t1", s.line(2), "team", "team", s.problems);
    check_ref(ids, "", s.line(3), "team", "team", s.problems); // empty: no reference at all
    check_ref(ids, "t9", s.line(4), "team", "team", s.problems);
    CHECK(s.problems.count() == 1);
    CHECK(s.reported(4, "team", "unknown team 't9'; add it to the teams file"));
    CHECK(s.reported(4, "team", "--create-missing teams"));
}
