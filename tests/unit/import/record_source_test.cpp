#include <catch2/catch.hpp>

#include "../fixture.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/import/importer.hpp"
#include "orgplan/import/record_source.hpp"

using namespace orgplan;

namespace {

std::vector<std::vector<std::string>> all_records(RecordSource& source) {
    std::vector<std::vector<std::string>> out;
    Record r;
    while (source.next(r)) out.emplace_back(r.values.begin(), r.values.end());
    return out;
}

} // namespace

TEST_CASE("record sources: a CSV file is one kind, its headers normalised and mapped") {
    const auto path = test::write_temp("src_staff.csv", "Employee ID,Job Title,Boss\nE1,PM,E0\n");
    const auto opened = open_records(path, "people", {{"manager", "Boss"}}, &kind_of_name);
    REQUIRE(opened.size() == 1);
    CHECK(opened[0].kind == "people");
    const auto& source = *opened[0].records;
    CHECK(source.columns() == std::vector<std::string>{"employee_id", "job_title", "manager"});
    CHECK(source.column("manager") == 2);
    CHECK(source.column("boss") == -1);
    CHECK_FALSE(source.positions_are_records());
    CHECK(all_records(*opened[0].records) == std::vector<std::vector<std::string>>{{"E1", "PM", "E0"}});
    CHECK_THROWS_WITH(open_records(test::write_temp("src_mystery.csv", "id\n1\n"), "", {}, &kind_of_name),
                      Catch::Contains("cannot tell what this file holds"));
}

TEST_CASE("record sources: a JSON object holds a kind per key, a record may lack a key, numbers read as text") {
    const auto path = test::write_temp(
        "src_org.json", R"({"teams": [{"id": "t1", "name": "T"}], "people": [{"id": "E1", "fte": 0.5}, {"id": "E2"}]})");
    const auto opened = open_records(path, "", {}, &kind_of_name);
    REQUIRE(opened.size() == 2);
    const KindedSource* people = nullptr;
    for (const auto& s : opened)
        if (s.kind == "people") people = &s;
    REQUIRE(people);
    CHECK(people->records->positions_are_records());
    const auto fte = people->records->column("fte");
    REQUIRE(fte >= 0);
    Record r;
    REQUIRE(people->records->next(r));
    CHECK(r.values[static_cast<std::size_t>(fte)] == "0.5");
    REQUIRE(people->records->next(r));
    CHECK(r.position == 2);
    REQUIRE_FALSE(r.absent.empty());
    CHECK(r.absent[static_cast<std::size_t>(fte)]); // absent, not empty: a stored value stays
}

TEST_CASE("record sources: a file over the size limit is refused unread, mappings are NAME=HEADER") {
    const auto path = test::write_temp("src_big_people.csv", "id,name\n" + std::string(5000, 'x') + ",n\n");
    CHECK_THROWS_WITH(open_records(path, "", {}, &kind_of_name, 1000), Catch::Contains("src_big_people.csv"));
    CHECK(parse_column_map_arg("title=Job Title") == std::make_pair(std::string("title"), std::string("Job Title")));
    CHECK_THROWS_AS(parse_column_map_arg("title"), Error);
}
