// Seniority from the words of a level or title, through the built-in list and an edited one.
#include <catch2/catch.hpp>

#include "orgplan/base/error.hpp"
#include "orgplan/model/seniority.hpp"

using namespace orgplan;

TEST_CASE("the built-in words rank levels before titles, entry roles low, and a level's number breaks ties") {
    const auto words = SeniorityWords::builtin();
    // An Account Executive (no word: 3) ranks above a Sales Development Representative (an entry role: 1).
    CHECK(words.of("", "Enterprise Account Executive").rank == 3);
    CHECK(words.of("", "Sales Development Representative").rank == 1);
    CHECK(words.of("", "Sales Coordinator").rank == 1);
    CHECK(words.of("", "Chief Product Officer").rank == 9);
    CHECK(words.of("", "Vice President, Sales").rank == 8);
    CHECK(words.of("", "Head of Support").rank == 7);
    CHECK(words.of("", "Sr. Data Engineer").rank == 4);
    CHECK(words.of("", "Senior Staff Engineer").rank == 5); // the highest word wins
    CHECK(words.of("Principal", "Junior Designer").rank == 6); // the level wins over the title
    CHECK(words.of("L5", "Engineer").number == 5);
    CHECK(words.of("", "Engineer").rank == 3);
    CHECK(words.of("", "Seniority Analyst").rank == 3); // whole words only: "seniority" is not "senior"
}

TEST_CASE("an edited list replaces the built-in one, and a bad row is named by line and field") {
    const auto words = SeniorityWords::parse("word,rank,note\n# comment\nexecutive,6,\nvice president,8,\n", "mine.csv");
    CHECK(words.of("", "Enterprise Account Executive").rank == 6);
    CHECK(words.of("", "Vice President").rank == 8);
    CHECK(words.of("", "Senior Engineer").rank == 3); // not in this list
    try {
        SeniorityWords::parse("word,rank\nlead,4\nboss,ten\nchief,12\n", "bad.csv");
        FAIL("accepted a bad rank");
    } catch (const InputErrors& e) {
        REQUIRE(e.problems().size() == 2);
        CHECK(e.problems()[0].line == 3);
        CHECK(e.problems()[0].field == "rank");
        CHECK(e.problems()[1].line == 4);
    }
    CHECK_THROWS_WITH(SeniorityWords::parse("name,level\nx,1\n", "wrong.csv"), Catch::Contains("'word' and 'rank'"));
}
