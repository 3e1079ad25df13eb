#include <catch2/catch.hpp>

#include "import/problems.hpp"

using namespace orgplan;
using namespace orgplan::importing;

TEST_CASE("import problems: counted past the listed maximum, thrown in file and line order, located by kind of file") {
    Problems problems(2);
    const auto people = problems.add_source("people.csv", false);
    const auto org = problems.add_source("org.json", true);
    CHECK_FALSE(problems.any());
    problems.add({people, 9}, "fte", "late");
    problems.add({org, 3}, "id", "json");
    problems.add({people, 2}, "name", "dropped: over the maximum");
    CHECK(problems.count() == 3);
    CHECK(problems.listed().size() == 2);
    CHECK(problems.where({people, 4}) == "people.csv:4");
    CHECK(problems.where({org, 3}) == "org.json record 3");
    try {
        problems.raise();
        FAIL("raise() must throw");
    } catch (const InputErrors& e) {
        REQUIRE(e.problems().size() == 2);
        CHECK(e.problems()[0].file == "org.json"); // sorted by file, then line
        CHECK(e.problems()[0].is_record);
        CHECK(e.problems()[1].line == 9);
        CHECK(e.total() == 3);
    }
}

TEST_CASE("import problems quote short values and never an email") {
    CHECK(quoted_value("E0001") == "'E0001'");
    CHECK(quoted_value("ann@example.com") == "the value given");
    CHECK(quoted_value(std::string(30, 'x')) == "'" + std::string(24, 'x') + "...'");
    CHECK(quoted_reference("boss@example.com") == "(the email given)");
    CHECK(quoted_reference("E0002") == "'E0002'");
}

TEST_CASE("import problems: a place holds any line up to 4,294,967,295, a file of more is refused by name") {
    CHECK(loc_of(3, 1, "people.csv").position == 1);
    CHECK(loc_of(3, 4294967295L, "people.csv").position == 4294967295u);
    CHECK(sizeof(Loc) == 8);
    CHECK_THROWS_WITH(loc_of(3, 4294967296L, "people.csv"),
                      "people.csv: more than 4294967295 lines or records; split it into several files");
}
