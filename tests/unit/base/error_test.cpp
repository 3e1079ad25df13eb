#include <catch2/catch.hpp>

#include "orgplan/base/error.hpp"

using namespace orgplan;

TEST_CASE("a problem says its file, line or record, field and message") {
    CHECK(InputProblem{"people.csv", 12, "fte", "'2' is not a number from 0.01 to 1", false}.to_string() ==
          "people.csv:12: field 'fte': '2' is not a number from 0.01 to 1");
    CHECK(InputProblem{"people.json", 3, "", "is not an object", true}.to_string() ==
          "people.json: record 3: is not an object");
    CHECK(InputProblem{"teams.csv", 0, "", "is empty", false}.to_string() == "teams.csv: is empty");
}

TEST_CASE("input errors list every problem kept, count the rest, and say nothing was written") {
    const InputErrors one({{"a.csv", 2, "id", "is empty", false}}, 1);
    CHECK(std::string(one.what()) == "a.csv:2: field 'id': is empty\n1 problem found; nothing was written");
    const InputErrors many({{"a.csv", 2, "id", "is empty", false}, {"a.csv", 3, "id", "is empty", false}}, 7);
    CHECK(many.problems().size() == 2);
    CHECK(many.total() == 7);
    CHECK_THAT(many.what(), Catch::Contains("... and 5 more problems\n7 problems found; nothing was written"));
}
