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

TEST_CASE("JSON keeps each keyed section, its own rows where given, and leaves unkeyed sections out") {
    auto out = sample_output();
    out.sections.push_back({"aside", Table(std::vector<Column>{{"x", "x"}}), "", std::nullopt});
    out.sections[1].json_rows = nlohmann::json::array({{{"pm", "E1"}, {"teams", {"t1", "t2"}}}});
    const auto doc = to_json(out);
    CHECK(doc["threshold"] == 10);
    CHECK(doc["rows"].size() == 3);
    CHECK(doc["rows"][1]["team"] == "=cmd()"); // JSON needs no formula escaping
    CHECK(doc["pms"][0]["teams"] == nlohmann::json::array({"t1", "t2"}));
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
