#include <catch2/catch.hpp>

#include "sample_output.hpp"

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("text writer: intro, aligned tables with titles after the first, a list view instead of a table, notes") {
    auto output = sample_output();
    const auto text = written(*text_writer(), output);
    CHECK(text.rfind("3 teams\n\n", 0) == 0);
    CHECK(text.find("team              makers       cost  PMs\n") != std::string::npos);
    CHECK(text.find("1,234,567") != std::string::npos); // money groups thousands
    CHECK(text.find("12.3") != std::string::npos);      // one decimal, as the column says
    CHECK(text.find("<b>bold</b> next       -         10    1\n") != std::string::npos); // one line a row
    CHECK(text.find("\nPMs:\nPM\n--\nE1\n") != std::string::npos);
    CHECK(text.substr(text.size() - 20) == "\none team has no PM\n");
    output.sections[1].text = "a list instead\n";
    CHECK(written(*text_writer(), output).find("PMs:\na list instead\n") != std::string::npos);
}
