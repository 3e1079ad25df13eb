#include <catch2/catch.hpp>

#include "../sample_output.hpp"

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("csv writer: the main table only, keys as header, RFC 4180 quoting, formulas neutralised") {
    const auto csv = written(*csv_writer(), sample_output());
    CHECK(csv == "team,makers,cost,pms\r\n"
                 "ana|lytics,12.26,1234567,2\r\n"
                 "\"'=cmd()\",3,,0\r\n"
                 "\"<b>bold</b>\nnext\",,10,1\r\n");
}
