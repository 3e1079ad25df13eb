#include <catch2/catch.hpp>

#include "../sample_output.hpp"

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("text writer: intro, aligned tables with titles after the first, what an empty one says instead, notes") {
    auto output = sample_output();
    const auto text = written(*text_writer(), output);
    CHECK(text.rfind("3 teams\n\n", 0) == 0);
    CHECK(text.find("team              makers       cost  PMs\n") != std::string::npos);
    CHECK(text.find("1,234,567") != std::string::npos); // money groups thousands
    CHECK(text.find("12.3") != std::string::npos);      // one decimal, as the column says
    CHECK(text.find("<b>bold</b> next       -         10    1\n") != std::string::npos); // one line a row
    CHECK(text.find("\nPMs:\nPM\n--\nE1\n") != std::string::npos);
    CHECK(text.substr(text.size() - 20) == "\none team has no PM\n");
    output.sections[1].if_empty = "no PMs";
    CHECK(written(*text_writer(), output).find("\nPMs:\nPM\n--\nE1\n") != std::string::npos); // not empty
    output.sections[1].table = Table(std::vector<Column>{{"pm", "PM"}});
    CHECK(written(*text_writer(), output).find("\nPMs:\nno PMs\n\none team") != std::string::npos);
    // A section hidden when empty leaves no title and no blank line; JSON keeps it, empty.
    output.sections[1].hidden_in_table = HiddenInTable::when_empty;
    const auto hidden = written(*text_writer(), output);
    CHECK(hidden.find("PMs:") == std::string::npos);
    CHECK(hidden.find("10    1\n\none team has no PM\n") != std::string::npos);
    CHECK(written(*json_writer(), output).find("\"pms\": []") != std::string::npos);
}

TEST_CASE("text writer: messages as lines, findings as cards, columns for JSON only left out") {
    Table messages(std::vector<Column>{{"message", "message"}});
    messages.add({std::string("saved task force tf: 3 seats")});
    messages.add({std::string("a name with \x1b[2J in it")});
    auto done = Output::of(std::move(messages));
    done.sections[0].layout = Layout::lines;
    CHECK(written(*text_writer(), done) == "saved task force tf: 3 seats\na name with ?[2J in it\n");

    Table findings({{"severity", "severity", 1, false, Shown::everywhere, 7},
                    {"check", "check", 1, false, Shown::everywhere, 12},
                    {"subject", "subject"},
                    {"secret", "secret", 1, false, Shown::json_only},
                    {"evidence", "evidence"},
                    {"recommendation", "recommendation", 1, false, Shown::everywhere, 0, "-> "}});
    findings.add({std::string("error"), std::string("conflict"), std::string("g1"), std::string("x"),
                  std::string("bonused on custom work"), std::string("tie incentives to outcomes")});
    findings.add({std::string("info"), std::string("a-very-long-check"), std::string(""), std::string("y"),
                  std::string("e2"), std::string("r2")});
    auto cards = Output::of(std::move(findings));
    cards.sections[0].layout = Layout::cards;
    cards.sections[0].card_head = 3;
    cards.notes.push_back("1 error");
    CHECK(written(*text_writer(), cards) == "error    conflict      g1\n"
                                            "         bonused on custom work\n"
                                            "         -> tie incentives to outcomes\n"
                                            "\n"
                                            "info     a-very-long-check  \n"
                                            "         e2\n"
                                            "         -> r2\n"
                                            "\n"
                                            "1 error\n");
    cards.sections[0].layout = Layout::aligned;
    const auto aligned = written(*text_writer(), cards);
    CHECK(aligned.find("secret") == std::string::npos);
    CHECK(aligned.find("severity  check              subject  evidence") == 0);
}

TEST_CASE("text writer: a value layout writes one column's cells bare, as data, and the other formats the whole table") {
    Table table({{"key", "key"}, {"value", "value", 2}, {"default", "default"}});
    table.add({std::string("cost.default_pm"), 1500000.0, 120000.0});
    auto output = Output::of(std::move(table));
    output.notes.push_back("a note after it");
    output.sections[0].layout = Layout::value;
    output.sections[0].value_key = "value";
    CHECK(written(*text_writer(), output) == "1500000\n\na note after it\n");
    output.notes.clear();
    CHECK(written(*text_writer(), output) == "1500000\n");
    CHECK(written(*csv_writer(), output) == "key,value,default\r\ncost.default_pm,1500000,120000\r\n");
    output.sections[0].value_key = "missing";
    CHECK_THROWS_WITH(written(*text_writer(), output), Catch::Contains("no column 'missing'"));
}

TEST_CASE("text writer: a section hidden in the table always is left out there, and kept by the other formats") {
    auto output = Output::of(Table(std::vector<Column>{{"message", "message"}}), {{"ok", false}});
    output.sections[0].table.add({std::string("line 2: unknown manager")});
    output.sections[0].json_key = "problems";
    output.sections[0].hidden_in_table = HiddenInTable::always;
    CHECK(written(*text_writer(), output).empty());
    CHECK(written(*csv_writer(), output) == "message\r\nline 2: unknown manager\r\n");
    CHECK(written(*json_writer(), output).find("\"problems\": [") != std::string::npos);
}
