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

namespace {

// A people file long enough to be read in two halves: bad FTEs early and late, a family column unlike the title
// rules once early and often late, a record that is not UTF-8 in each half. `extra` adds a column to every line.
std::string long_people_file(const std::string& extra_header, const std::string& extra) {
    std::string text = "id,name,title,family,fte,team" + extra_header + "\n";
    for (int i = 0; i < 30000; ++i) {
        const auto id = "E" + std::to_string(i);
        const bool bad_fte = i % 997 == 5, unlike = i == 3 || (i > 20000 && i % 1000 == 1), broken = i == 7 || i == 25001;
        text += id + ",Person " + std::to_string(i) + (broken ? "\xff" : "") + ",Software Engineer" + (unlike ? " " + id : "") + "," +
                (unlike ? "pm" : "") + "," + (bad_fte ? "2" : "1") + ",T" + std::to_string(i % 50) + extra + "\n";
    }
    return text;
}

} // namespace

TEST_CASE("read: a long people file read in two halves gives the records, problems and notes of one pass") {
    // A currency column keeps a file to one pass (the first currency stands): the same rows with an empty one are
    // the reference.
    const auto halves_path = orgplan::test::write_temp("halves_people.csv", long_people_file("", ""));
    const auto one_pass_path = orgplan::test::write_temp("one_pass_people.csv", long_people_file(",currency", ","));
    for (const std::size_t max_listed : {20, 1000}) { // 20: the list fills up within the second half
        Problems halves_problems(max_listed), one_pass_problems(max_listed);
        const auto halves = read_files({halves_path}, options_with_rules(), halves_problems);
        const auto one_pass = read_files({one_pass_path}, options_with_rules(), one_pass_problems);
        CHECK(halves.halves.size() == 1);
        CHECK(one_pass.halves.empty());
        CHECK(halves.counts == one_pass.counts);
        const auto& a = halves.records;
        const auto& b = one_pass.records;
        REQUIRE(a.people.items.size() == b.people.items.size());
        CHECK(a.people.items.size() == 30000 - 2 - 31); // the broken records and those with an FTE of 2
        for (std::size_t i = 0; i < a.people.items.size(); ++i) {
            REQUIRE(a.people.items[i].person.id == b.people.items[i].person.id);
            REQUIRE(a.people.locs[i].position == b.people.locs[i].position);
            REQUIRE(a.people.items[i].person.family == b.people.items[i].person.family);
            const auto how_a = a.people.items[i].how();
            const auto how_b = b.people.items[i].how();
            REQUIRE(how_a.source == how_b.source);
            REQUIRE((how_a.rule ? *how_a.rule : "") == (how_b.rule ? *how_b.rule : ""));
        }
        REQUIRE(a.memberships.items.size() == b.memberships.items.size());
        CHECK(a.memberships.items.back().person_id == b.memberships.items.back().person_id);
        CHECK(a.memberships.locs.back().position == b.memberships.locs.back().position);
        CHECK(a.broken_ids == b.broken_ids);
        CHECK(a.broken_ids.at("people").size() == 2 + 31);
        CHECK(a.family_unlike_rules == 10);
        CHECK(a.family_unlike_example == b.family_unlike_example);
        CHECK(halves.notes == one_pass.notes);
        CHECK(halves_problems.count() == one_pass_problems.count());
        REQUIRE(halves_problems.listed().size() == one_pass_problems.listed().size());
        CHECK(halves_problems.listed().size() == std::min<std::size_t>(max_listed, 2 + 31));
        for (std::size_t i = 0; i < halves_problems.listed().size(); ++i) {
            CHECK(halves_problems.listed()[i].line == one_pass_problems.listed()[i].line);
            CHECK(halves_problems.listed()[i].message == one_pass_problems.listed()[i].message);
        }
        CHECK(halves_problems.listed().back().line > 15000); // the second half's problems are among the listed
    }
}
