#include <catch2/catch.hpp>

#include "../fixture.hpp"
#include "import/header_map.hpp"
#include "import_fixture.hpp"

using namespace orgplan;
using namespace orgplan::importing;
using orgplan::importing::test::Sheet;

namespace {

// A source of `kind` read from a CSV text; kept with the test's records.
std::unique_ptr<RecordSource> csv(const std::string& name, const std::string& text, const std::string& kind) {
    auto opened = open_records(orgplan::test::write_temp(name, text), kind, {}, &kind_of_name);
    REQUIRE(opened.size() == 1);
    return std::move(opened[0].records);
}

} // namespace

TEST_CASE("header map: synonyms find a column, values are trimmed, absent columns read empty") {
    Sheet s;
    auto source = csv("hm_synonyms.csv", "Employee ID,Full Name,Job Title\nE1, Ann ,PM\n", "people");
    const HeaderMap header(*source, column_specs().at("people"), {}, s.problems, s.line(1));
    REQUIRE(header.ok());
    Record r;
    REQUIRE(source->next(r));
    CHECK(header.get(r, "id") == "E1");
    CHECK(header.get(r, "name") == "Ann");
    CHECK(header.get(r, "title") == "PM");
    CHECK_FALSE(header.has("fte"));
    CHECK(header.get(r, "fte").empty());
    CHECK_FALSE(s.problems.any());
}

TEST_CASE("header map: a missing key column, a column twice and two names for one column are refused") {
    Sheet s;
    auto missing = csv("hm_missing.csv", "name,title\nAnn,PM\n", "people");
    CHECK_FALSE(HeaderMap(*missing, column_specs().at("people"), {}, s.problems, s.line(1)).ok());
    CHECK(s.reported(1, "id", "required column 'id' is missing from the header (2 columns)"));

    auto twice = csv("hm_twice.csv", "id,name,name\nE1,Ann,Bo\n", "people");
    CHECK_FALSE(HeaderMap(*twice, column_specs().at("people"), {}, s.problems, s.line(1)).ok());
    CHECK(s.reported(1, "name", "appears twice in the header (columns 2 and 3)"));

    auto two_names = csv("hm_two_names.csv", "id,name,salary,annual_cost\nE1,Ann,1,2\n", "people");
    CHECK_FALSE(HeaderMap(*two_names, column_specs().at("people"), {}, s.problems, s.line(1)).ok());
    CHECK(s.reported(1, "cost", "columns 'salary' and 'annual_cost' both give the cost"));
}

TEST_CASE("header map: a --set constant stands in for a missing column, and a misspelt column is named") {
    Sheet s;
    auto source = csv("hm_constant.csv", "id,name,titel\nE1,Ann,PM\n", "people");
    const std::map<std::string, std::string> constants{{"location", "Berlin"}, {"id", "X"}}; // outlives the values
    const HeaderMap header(*source, column_specs().at("people"), constants, s.problems, s.line(1));
    REQUIRE(header.ok());
    Record r;
    REQUIRE(source->next(r));
    CHECK(header.get(r, "location") == "Berlin");
    CHECK(header.get(r, "id") == "E1"); // the file's own column wins
    CHECK(header.present(r, "location"));
    CHECK(header.constants_used() == std::set<std::string>{"location"});
    REQUIRE(header.unused_columns().size() == 1);
    CHECK(header.unused_columns()[0].find("column 'titel' is not used (did you mean 'title'?)") != std::string::npos);
}

TEST_CASE("edit distance counts insertions, deletions and substitutions") {
    CHECK(edit_distance("title", "titel") == 2);
    CHECK(edit_distance("fte", "fte") == 0);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("manager", "manger") == 1);
}
