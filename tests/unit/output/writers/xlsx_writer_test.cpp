#include <catch2/catch.hpp>

#include "../../fixture.hpp"
#include "../sample_output.hpp"

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("xlsx writer: a workbook with a sheet per table and one for the prose") {
    auto output = sample_output();
    const auto book = written(*xlsx_writer(), output);
    CHECK(book.rfind("PK\x03\x04", 0) == 0); // a zip archive, as every XLSX is
    // The archive's directory names its parts uncompressed: one worksheet per table, one for intro and notes.
    CHECK(book.find("xl/worksheets/sheet2.xml") != std::string::npos);
    CHECK(book.find("xl/worksheets/sheet3.xml") != std::string::npos);
    CHECK(book.find("xl/worksheets/sheet4.xml") == std::string::npos);
    output.intro.clear();
    output.notes.clear();
    const auto without_prose = written(*xlsx_writer(), output);
    CHECK(without_prose.find("xl/worksheets/sheet3.xml") == std::string::npos);
}
