#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <thread>
#include <unistd.h>

#include "orgplan/import/csv.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/base/text.hpp"

using orgplan::CsvReader;

namespace {
std::vector<std::vector<std::string>> read_all(const std::string& text) {
    CsvReader reader(text, "t.csv");
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> fields;
    while (reader.next(fields)) rows.push_back(fields);
    return rows;
}
} // namespace

TEST_CASE("CSV reads plain, quoted and empty fields") {
    const auto rows = read_all("a,b,c\n1,,3\n\"x\",\"y,z\",\"\"\n");
    REQUIRE(rows.size() == 3);
    CHECK(rows[1] == std::vector<std::string>{"1", "", "3"});
    CHECK(rows[2] == std::vector<std::string>{"x", "y,z", ""});
}

TEST_CASE("CSV handles doubled quotes, embedded newlines, CRLF and a BOM") {
    CsvReader reader("\xEF\xBB\xBFid,note\r\n1,\"say \"\"hi\"\"\"\r\n2,\"two\r\nlines\"\r\n3,last", "t.csv");
    std::vector<std::string> f;
    REQUIRE(reader.next(f));
    CHECK(f[0] == "id"); // BOM stripped
    REQUIRE(reader.next(f));
    CHECK(f[1] == "say \"hi\"");
    CHECK(reader.record_line() == 2);
    REQUIRE(reader.next(f));
    CHECK(f[1] == "two\r\nlines");
    CHECK(reader.record_line() == 3);
    REQUIRE(reader.next(f));
    CHECK(f == std::vector<std::string>{"3", "last"});
    CHECK(reader.record_line() == 5); // the embedded newline moved the line count on
    CHECK_FALSE(reader.next(f));
}

TEST_CASE("CSV skips blank lines and keeps a trailing empty field") {
    const auto rows = read_all("a,b\n\n1,\n\n");
    REQUIRE(rows.size() == 2);
    CHECK(rows[1] == std::vector<std::string>{"1", ""});
}

TEST_CASE("CSV reports an unterminated quote with file and line") {
    CsvReader reader("a\n\"open\nstill open", "people.csv");
    std::vector<std::string> f;
    REQUIRE(reader.next(f));
    REQUIRE_THROWS_WITH(reader.next(f), Catch::Contains("people.csv:2") && Catch::Contains("never closed"));
}

TEST_CASE("CSV rejects text after a closing quote") {
    CsvReader reader("\"a\"b,c\n", "x.csv");
    std::vector<std::string> f;
    REQUIRE_THROWS_WITH(reader.next(f), Catch::Contains("x.csv:1"));
}

TEST_CASE("CSV views point into the text, and doubled quotes come back single") {
    const std::string text = "id,note\n1,plain\n2,\"say \"\"hi\"\"\"\n";
    CsvReader reader(text, "t.csv");
    std::vector<std::string_view> f;
    REQUIRE(reader.next(f));
    REQUIRE(reader.next(f));
    CHECK(f[1] == "plain");
    CHECK(f[1].data() >= text.data());
    CHECK(f[1].data() < text.data() + text.size());
    REQUIRE(reader.next(f));
    const auto quoted = f[1];
    CHECK(quoted == "say \"hi\"");
    CHECK_FALSE(reader.next(f));
    CHECK(quoted == "say \"hi\""); // still valid after the reader moved on
}

TEST_CASE("read_file reads a regular file whole, and refuses pipes, devices and missing files by name") {
    const std::string content = "id,name\n" + std::string(200000, 'x') + "\n";
    const auto path = "/tmp/orgplan-unit-" + std::to_string(::getpid()) + "-read.csv";
    std::ofstream(path) << content;
    CHECK(orgplan::read_file(path) == content);
    std::remove(path.c_str());

    // A FIFO with no writer would block forever; /dev/zero would never end.
    const auto fifo = "/tmp/orgplan-unit-" + std::to_string(::getpid()) + "-fifo.csv";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    REQUIRE_THROWS_WITH(orgplan::read_file(fifo), Catch::Contains(fifo) && Catch::Contains("not a regular file"));
    std::remove(fifo.c_str());
    REQUIRE_THROWS_WITH(orgplan::read_file("/dev/zero"), Catch::Contains("not a regular file"));
    REQUIRE_THROWS_WITH(orgplan::read_file("/tmp"), Catch::Contains("directory"));
    REQUIRE_THROWS_WITH(orgplan::read_file("/nonexistent/people.csv"), Catch::Contains("/nonexistent/people.csv"));
}

TEST_CASE("natural order compares runs of digits as numbers") {
    using orgplan::text::natural_less;
    CHECK(natural_less("team-new-9", "team-new-10"));
    CHECK_FALSE(natural_less("team-new-10", "team-new-9"));
    CHECK(natural_less("a2b", "a10a"));
    CHECK(natural_less("a", "a1"));
    CHECK_FALSE(natural_less("x", "x"));
    CHECK(natural_less("a01", "a2"));
}

TEST_CASE("UTF-8 validation finds the first bad byte") {
    using orgplan::text::utf8_error;
    CHECK_FALSE(utf8_error("plain ascii"));
    CHECK_FALSE(utf8_error("Zoë, 東京, 🙂"));
    CHECK(utf8_error("ab\xff") == 2u);
    CHECK(utf8_error("\xC0\xAF") == 0u);             // overlong
    CHECK(utf8_error("x\xED\xA0\x80") == 1u);         // surrogate
    CHECK(utf8_error("\xF4\x90\x80\x80") == 0u);      // above U+10FFFF
    CHECK(utf8_error("\xE2\x82") == 0u);              // cut short
}

TEST_CASE("sizes are read with binary suffixes and described for messages") {
    using orgplan::parse_size;
    CHECK(parse_size("1000") == 1000u);
    CHECK(parse_size("512M") == 512ull << 20);
    CHECK(parse_size("2G") == 2ull << 30);
    CHECK(parse_size("100k") == 100ull << 10);
    CHECK(parse_size("3MB") == 3ull << 20);
    for (const auto* bad : {"", "M", "-1", "1.5G", "12X", "1GG", "99999999999999999999T"}) {
        INFO(bad);
        CHECK_FALSE(parse_size(bad));
    }
    CHECK(orgplan::describe_size(512ull << 20) == "512 MB");
    CHECK(orgplan::describe_size(1000000000) == "954 MB");
    CHECK(orgplan::describe_size(1536) == "1.5 KB");
    CHECK(orgplan::describe_size(12) == "12 bytes");
}
