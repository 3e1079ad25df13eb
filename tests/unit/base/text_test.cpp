#include <catch2/catch.hpp>

#include "orgplan/base/text.hpp"

using namespace orgplan;

TEST_CASE("text: keys normalise, lists split, values trim and parse as files write them") {
    CHECK(text::normalise_key(" Employee ID ") == "employee_id");
    CHECK(text::normalise_key("FTE %") == "fte_%");
    CHECK(text::lower("ÄBC") == "Äbc"); // ASCII only: other letters stay
    CHECK(text::trim("  a b \t") == "a b");
    CHECK(text::split_list("p1; p2 |p3;;") == std::vector<std::string>{"p1", "p2", "p3"});
    CHECK(text::split_commas("p1,,p2") == std::vector<std::string>{"p1", "p2"});
    CHECK(text::join({"a", "b", "c"}, ", ", 2) == "a, b +1");
    CHECK(text::join({}, ", ") == "");
    CHECK(text::parse_number(" 1.5 ") == 1.5);
    CHECK_FALSE(text::parse_number("1,5"));
    CHECK_FALSE(text::parse_number("nan"));
    CHECK(text::parse_bool("Yes") == true);
    CHECK(text::parse_bool("") == false);
    CHECK_FALSE(text::parse_bool("maybe"));
}

TEST_CASE("text: UTF-8 errors are located, natural order counts numbers, sort prefixes keep byte order") {
    CHECK_FALSE(text::utf8_error("Zoë"));
    CHECK(text::utf8_error("ab\xff") == 2u);
    CHECK(text::natural_less("team2", "team10"));
    CHECK_FALSE(text::natural_less("team10", "team2"));
    CHECK(text::sort_prefix("abc") < text::sort_prefix("abd"));
    CHECK(text::sort_prefix("ab") < text::sort_prefix("abc"));
    CHECK(text::sort_prefix("employee-1") == text::sort_prefix("employee-2")); // only the first eight bytes
}
