#include <catch2/catch.hpp>

#include "orgplan/output/output.hpp"
#include "sample_output.hpp"

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("an answer of one table puts its rows under rows, beside its fields") {
    Table t({{"team", "team"}, {"makers", "makers", 1}});
    t.add({std::string("t1"), 6.0});
    const auto out = Output::of(std::move(t), {{"threshold", 10}});
    REQUIRE(out.sections.size() == 1);
    CHECK(out.sections[0].json_key == "rows");
    CHECK(out.sections[0].title.empty());
    CHECK(to_json(out) == nlohmann::json::parse(R"({"threshold": 10, "rows": [{"team": "t1", "makers": 6.0}]})"));
}

TEST_CASE("JSON keeps each keyed section and leaves unkeyed sections out") {
    auto out = sample_output();
    out.sections.push_back({"aside", Table(std::vector<Column>{{"x", "x"}}), ""});
    const auto doc = to_json(out);
    CHECK(doc["threshold"] == 10);
    CHECK(doc["rows"].size() == 3);
    CHECK(doc["rows"][1]["team"] == "=cmd()"); // JSON needs no formula escaping
    CHECK(doc["pms"][0]["pm"] == "E1");
    CHECK_FALSE(doc.contains("aside"));
    CHECK(doc.size() == 3);
}

TEST_CASE("each format's writer is the one output_writer gives") {
    const auto out = sample_output();
    CHECK(written(*output_writer(Format::table), out) == written(*text_writer(), out));
    CHECK(written(*output_writer(Format::json), out) == written(*json_writer(), out));
    CHECK(written(*output_writer(Format::csv), out) == written(*csv_writer(), out));
    CHECK(written(*output_writer(Format::md), out) == written(*markdown_writer(), out));
    CHECK(written(*output_writer(Format::html), out) == written(*html_writer(), out));
    // XLSX files carry their creation time: compare what they are, a zip of the workbook.
    const auto xlsx = written(*output_writer(Format::xlsx), out);
    CHECK(xlsx.substr(0, 2) == "PK");
    CHECK(nlohmann::json::parse(written(*output_writer(Format::json), out)) == to_json(out));
}

TEST_CASE("every format but JSON writes a table without its JSON-only columns, and a copy only when it has some") {
    Table t({{"principle", "principle"},
             {"segments", "segments", 1, false, Shown::json_only},
             {"segments", "segments", 1, false, Shown::not_in_json}});
    t.add({std::string("by-team"), 5LL, std::string("3/5")});
    auto out = Output::of(std::move(t));
    std::optional<Table> copy;
    const auto& shown = table_for_people(out.sections[0], copy);
    REQUIRE(copy);
    REQUIRE(shown.columns().size() == 2);
    CHECK(shown.rows()[0][1] == Cell{std::string("3/5")});
    CHECK(written(*csv_writer(), out) == "principle,segments\r\nby-team,3/5\r\n");
    CHECK(written(*markdown_writer(), out).find("| by-team | 3/5 |") != std::string::npos);
    CHECK(written(*html_writer(), out).find("<td>3/5</td></tr>") != std::string::npos);
    // Without JSON-only columns, the section's own table is shown and nothing is copied.
    std::optional<Table> none;
    const auto sample = sample_output();
    CHECK(&table_for_people(sample.sections[0], none) == &sample.sections[0].table);
    CHECK_FALSE(none);
}
