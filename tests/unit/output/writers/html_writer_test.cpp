#include <catch2/catch.hpp>

#include "../../fixture.hpp"
#include "../sample_output.hpp"

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("html writer: one self-contained page, every text escaped, numbers marked for sorting") {
    const auto html = written(*html_writer(), sample_output());
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("default-src 'none'") != std::string::npos); // nothing is fetched
    CHECK(html.find("<b>bold") == std::string::npos);
    CHECK(html.find("&lt;b&gt;bold&lt;/b&gt;") != std::string::npos);
    CHECK(occurrences(html, "<table class=\"data\"") == 2);
    CHECK(html.find("class=\"num\"") != std::string::npos);
    CHECK(html.find("one team has no PM") != std::string::npos);
    CHECK(html.find("http://") == std::string::npos); // no link to anywhere
    CHECK(html.find("https://") == std::string::npos);
}

TEST_CASE("html writer: money among other numbers is grouped, sorts by its value and its row names the currency") {
    Table table({{"metric", "metric"}, {"a", "a"}});
    table.add({named("yearly cost", "EUR"), Money{1382400}});
    table.add({named("people", ""), 12.0});
    const auto html = written(*html_writer(), Output::of(std::move(table)));
    CHECK(html.find("<td>yearly cost (EUR)</td><td class=\"num\" data-value=\"1382400\">1,382,400</td>") !=
          std::string::npos);
    CHECK(html.find("<td>people</td><td class=\"num\" data-value=\"12\">12.0</td>") != std::string::npos);
}
