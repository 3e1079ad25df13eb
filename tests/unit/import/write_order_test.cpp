#include <catch2/catch.hpp>

#include "import/write_order.hpp"
#include "import_fixture.hpp"

using namespace orgplan;
using namespace orgplan::importing;
using namespace orgplan::importing::test;

TEST_CASE("write order: people by id and memberships by person then team, also past an eight-byte prefix") {
    Sheet s;
    IncomingRecords in;
    for (const auto* id : {"employee-0003", "employee-0001", "E2", "employee-0002"}) in.people.add(person_in(id), s.line(1));
    in.memberships.add({"employee-0002", "t2", 1}, s.line(1));
    in.memberships.add({"employee-0002", "t1", 1}, s.line(1));
    in.memberships.add({"E2", "t9", 1}, s.line(1));
    const auto order = write_order(in);
    CHECK(order.people == std::vector<std::uint32_t>{2, 1, 3, 0});
    CHECK(order.memberships == std::vector<std::uint32_t>{2, 1, 0});
    const std::vector<std::string> keys = {"b", "a", "c"};
    CHECK(key_order(3, [&](std::uint32_t i) -> std::string_view { return keys[i]; },
                    [&](std::uint32_t a, std::uint32_t b) { return keys[a] < keys[b]; }) ==
          std::vector<std::uint32_t>{1, 0, 2});
}
