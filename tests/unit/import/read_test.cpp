#include <catch2/catch.hpp>

#include <filesystem>

#include "../fixture.hpp"
#include "import/read.hpp"
#include "import_fixture.hpp"

using namespace orgplan;
using namespace orgplan::importing;

namespace {

ImportOptions options_with_rules() {
    static const auto rules = TitleRules::builtin();
    ImportOptions o;
    o.rules = &rules;
    return o;
}

} // namespace

TEST_CASE("read: a directory stands for its .csv and .json files in name order") {
    const auto dir = std::filesystem::temp_directory_path() / ("orgplan-read-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    for (const auto* name : {"teams.csv", "people.json", "notes.txt"}) std::ofstream(dir / name) << "x";
    const auto paths = expand_paths({dir.string(), "other.csv"});
    REQUIRE(paths.size() == 3);
    CHECK(std::filesystem::path(paths[0]).filename() == "people.json");
    CHECK(std::filesystem::path(paths[1]).filename() == "teams.csv");
    CHECK(paths[2] == "other.csv");
    std::filesystem::remove_all(dir);
    const auto empty = std::filesystem::temp_directory_path() / ("orgplan-read-empty-" + std::to_string(::getpid()));
    std::filesystem::create_directories(empty);
    CHECK_THROWS_WITH(expand_paths({empty.string()}), Catch::Contains("holds no .csv or .json files"));
    std::filesystem::remove_all(empty);
}

TEST_CASE("read: records of every file are parsed and counted, a header without records and an unused --set are said") {
    const auto people = orgplan::test::write_temp("read_people.csv", "id,name,title\nE1,Ann,Developer\nE2,Bo,PM\n");
    const auto teams = orgplan::test::write_temp("read_teams.csv", "id,name\n");
    auto o = options_with_rules();
    o.constants = {{"name", "unused"}, {"location", "Berlin"}};
    Problems problems(50);
    const auto read = read_files({people, teams}, o, problems);
    CHECK(read.counts.at("people") == 2);
    REQUIRE(read.records.people.items.size() == 2);
    CHECK(read.records.people.items[0].person.location == "Berlin");
    REQUIRE(problems.listed().size() == 1);
    CHECK(problems.listed()[0].message.find("names its columns but holds no records") != std::string::npos);
    REQUIRE(read.notes.size() == 1);
    CHECK(read.notes[0] == "--set name was not used: no file read lacks that column");
}

TEST_CASE("read: a people file giving FTE twice is refused at its header and not read") {
    const auto people = orgplan::test::write_temp("fte_twice_people.csv", "id,name,fte,fte_percent\nE1,Ann,1,100\n");
    Problems problems(50);
    const auto read = read_files({people}, options_with_rules(), problems);
    CHECK(read.records.people.items.empty());
    REQUIRE(problems.listed().size() == 1);
    CHECK(problems.listed()[0].field == "fte_percent");
    CHECK(problems.listed()[0].line == 1);
}
