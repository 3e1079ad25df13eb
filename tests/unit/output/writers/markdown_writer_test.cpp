#include <catch2/catch.hpp>

#include "../sample_output.hpp"

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("markdown writer: headings, pipe tables with numbers right-aligned, cells escaped, prose as paragraphs") {
    const auto md = written(*markdown_writer(), sample_output());
    CHECK(md.rfind("## ratios\n\n3 teams\n\n", 0) == 0);
    CHECK(md.find("| team | makers | cost | PMs |\n| --- | ---: | ---: | ---: |\n") != std::string::npos);
    CHECK(md.find("| ana\\|lytics | 12.3 | 1,234,567 | 2 |") != std::string::npos);
    CHECK(md.find("| &lt;b&gt;bold&lt;/b&gt;<br>next |  | 10 | 1 |") != std::string::npos);
    CHECK(md.find("### PMs\n\n| PM |\n| --- |\n| E1 |") != std::string::npos);
    CHECK(md.substr(md.size() - 21) == "\none team has no PM\n\n");
}

TEST_CASE("markdown writer: a worded cell in its words, as people read it") {
    Table table(std::vector<Column>{{"status", "status"}});
    table.add({Worded{std::string("no_pm"), "NO PM"}});
    const auto md = written(*markdown_writer(), Output::of(std::move(table)));
    CHECK(md.find("| NO PM |") != std::string::npos);
    CHECK(md.find("no_pm") == std::string::npos);
}
