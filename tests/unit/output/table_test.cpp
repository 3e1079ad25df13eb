#include <catch2/catch.hpp>

#include <sstream>

#include "orgplan/base/error.hpp"
#include "orgplan/output/table.hpp"

using namespace orgplan;

TEST_CASE("tables align text left and numbers right") {
    Table t({{"team", "team"}, {"ratio", "ratio"}});
    t.add({std::string("a"), 12.345});
    t.add({std::string("longer"), Cell{}});
    std::ostringstream out;
    t.print_table(out);
    CHECK(out.str() == "team    ratio\n"
                       "------  -----\n"
                       "a        12.3\n"
                       "longer      -\n");
}

TEST_CASE("CSV output quotes what needs quoting and keeps full numbers") {
    Table t({{"name", "name"}, {"x", "x"}});
    t.add({std::string("a, \"b\""), 1.23456});
    std::ostringstream out;
    t.print_csv(out);
    CHECK(out.str() == "name,x\r\n\"a, \"\"b\"\"\",1.2346\r\n");
}

TEST_CASE("a CSV writer streams what a table prints, across its write blocks") {
    const std::vector<Column> columns = {{"id", "id"}, {"note", "note"}, {"n", "n"}, {"x", "x"}};
    Table t(columns);
    std::ostringstream streamed;
    {
        CsvWriter csv(streamed, columns);
        // Enough rows to pass the writer's 64 KiB block more than once.
        for (int i = 0; i < 10000; ++i) {
            std::vector<Cell> row = {std::string("t") + std::to_string(i), std::string(i % 7 ? "plain" : "with, comma"),
                                     static_cast<long long>(i), i % 3 ? Cell{i / 3.0} : Cell{}};
            csv.row(row);
            t.add(row);
        }
    }
    std::ostringstream printed;
    t.print_csv(printed);
    CHECK(streamed.str() == printed.str());
    CHECK(streamed.str().rfind("id,note,n,x\r\nt0,\"with, comma\",0,\r\nt1,plain,1,0.3333\r\n", 0) == 0);
    CHECK(streamed.str().size() > (1u << 17));
}

TEST_CASE("CSV numbers: whole ones as integers, the rest as the shortest text that reads back, rounded to 4 places") {
    Table t(std::vector<Column>{{"x", "x"}});
    for (const Cell& c : {Cell{0.0}, Cell{-0.0}, Cell{10.0}, Cell{-5.0}, Cell{0.5}, Cell{2.00004}, Cell{1e14},
                          Cell{999999999999999.0}, Cell{1e15}, Cell{1e16}, Cell{-3e17}, Cell{123456789.12345},
                          Cell{-9223372036854775807LL}, Cell{Money{1500.0}}})
        t.add({c});
    std::ostringstream out;
    t.print_csv(out);
    CHECK(out.str() == "x\r\n0\r\n0\r\n10\r\n-5\r\n0.5\r\n2\r\n100000000000000\r\n999999999999999\r\n"
                       "1000000000000000\r\n1e+16\r\n-3e+17\r\n123456789.1235\r\n-9223372036854775807\r\n1500\r\n");
}

TEST_CASE("JSON output keeps types: null, numbers and text") {
    Table t({{"a", "a"}, {"b", "b"}, {"c", "c"}});
    t.add({Cell{}, 3LL, std::string("x")});
    const auto j = t.to_json();
    CHECK(j[0]["a"].is_null());
    CHECK(j[0]["b"] == 3);
    CHECK(j[0]["c"] == "x");
}

TEST_CASE("formats are parsed strictly") {
    CHECK(parse_format("json") == Format::json);
    REQUIRE_THROWS_AS(parse_format("xml"), Error);
}

TEST_CASE("CSV text that a spreadsheet would run as a formula gets a leading apostrophe, numbers stay numbers") {
    Table t({{"name", "name"}, {"n", "n"}});
    t.add({std::string("=HYPERLINK(\"http://x\",\"y\")"), -2.5});
    t.add({std::string("+cmd|' /C calc'!A0"), 3LL});
    t.add({std::string("-2+3"), Cell{}});
    t.add({std::string("@SUM(1+1)"), Cell{}});
    t.add({std::string("\tx"), Cell{}});
    t.add({std::string("\rx"), Cell{}});
    t.add({std::string("plain = text"), Cell{}});
    std::ostringstream out;
    t.print_csv(out);
    CHECK(out.str() == "name,n\r\n"
                       "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-2.5\r\n"
                       "\"'+cmd|' /C calc'!A0\",3\r\n"
                       "\"'-2+3\",\r\n"
                       "\"'@SUM(1+1)\",\r\n"
                       "\"'\tx\",\r\n"
                       "\"'\rx\",\r\n"
                       "plain = text,\r\n");
    CHECK(runs_as_formula("=1"));
    CHECK_FALSE(runs_as_formula("a=1"));
    CHECK_FALSE(runs_as_formula(""));
}

TEST_CASE("a table for the terminal keeps each row on one line and prints no control character") {
    Table t({{"name", "name"}, {"n", "n"}});
    t.add({std::string("two\nlines\tand\rmore"), 1LL});
    t.add({std::string("\x1b[2Jclear"), 2LL});
    std::ostringstream out;
    t.print_table(out);
    CHECK(out.str() == "name                n\n"
                       "------------------  -\n"
                       "two lines and more  1\n"
                       "?[2Jclear           2\n");
}

TEST_CASE("money among other numbers is grouped for people and a number in data, a name carries its unit for people") {
    Table t({{"metric", "metric"}, {"value", "value"}});
    t.add({named("yearly cost", "EUR"), Money{1382400.4}});
    t.add({named("people", ""), 12.0});
    std::ostringstream table, csv;
    t.print_table(table);
    CHECK(table.str() == "metric                 value\n"
                         "-----------------  ---------\n"
                         "yearly cost (EUR)  1,382,400\n"
                         "people                  12.0\n");
    t.print_csv(csv);
    CHECK(csv.str() == "metric,value\r\nyearly cost,1382400.4\r\npeople,12\r\n");
    const auto json = t.to_json();
    CHECK(json[0]["metric"] == "yearly cost");
    CHECK(json[0]["value"] == 1382400.4);
    CHECK(number_in(Cell{Money{5}}) == 5.0);
    CHECK(number_in(Cell{7LL}) == 7.0);
    CHECK_FALSE(number_in(Cell{std::string("7")}));
    CHECK(is_number(Cell{Money{0}}));
    CHECK_FALSE(is_number(Cell{named("x", "")}));
}

TEST_CASE("a worded cell: its words in tables for people, its data (text or ids) in CSV and JSON") {
    Table t({{"status", "status"}, {"pm_ids", "PMs"}});
    t.add({Worded{std::string("over"), "OVER 10:1"}, Worded{IdList{"P1", "P2"}, "Ana, Bo"}});
    t.add({Worded{std::string("ok"), "ok"}, Worded{IdList{}, ""}});
    std::ostringstream table, csv;
    t.print_table(table);
    CHECK(table.str() == "status     PMs\n"
                         "---------  -------\n"
                         "OVER 10:1  Ana, Bo\n"
                         "ok\n");
    t.print_csv(csv);
    CHECK(csv.str() == "status,pm_ids\r\nover,P1;P2\r\nok,\r\n");
    const auto json = t.to_json();
    CHECK(json[0]["status"] == "over");
    CHECK(json[0]["pm_ids"] == nlohmann::json::array({"P1", "P2"}));
    CHECK(json[1]["pm_ids"] == nlohmann::json::array());
    CHECK(data_text(Worded{IdList{"a", "b"}, "x"}) == "a;b");
    CHECK(data_text(Worded{std::string("no_pm"), "NO PM"}) == "no_pm");
    CHECK_FALSE(is_number(Cell{Worded{std::string("3"), "3"}}));
}

TEST_CASE("a cell as data: numbers in full, lists joined, nothing empty") {
    CHECK(data_text(Cell{0.25}) == "0.25");
    CHECK(data_text(Cell{10.0}) == "10");
    CHECK(data_text(Cell{1234567.0}) == "1234567");
    CHECK(data_text(Cell{0.123456}) == "0.1235");
    CHECK(data_text(Cell{-3LL}) == "-3");
    CHECK(data_text(Cell{Money{-1382400.4}}) == "-1382400.4");
    CHECK(data_text(Cell{IdList{"a", "b"}}) == "a;b");
    CHECK(data_text(Cell{Flag{true}}) == "yes");
    CHECK(data_text(Cell{Omitted{}}).empty());
    CHECK(data_text(Cell{}).empty());
    CHECK(data_text(Cell{std::string("=1+1")}) == "=1+1"); // quoting and formula guards belong to the CSV writer
}

TEST_CASE("CSV writes negative numbers and money bare, text that looks like a formula with its guard") {
    Table t({{"a", "a"}, {"b", "b"}, {"c", "c"}});
    t.add({-2.5, Money{-10}, std::string("-x")});
    std::ostringstream csv;
    t.print_csv(csv);
    CHECK(csv.str() == "a,b,c\r\n-2.5,-10,\"'-x\"\r\n");
}
