#include <catch2/catch.hpp>

#include <string>

#include "model/text_pool.hpp"

using namespace orgplan;

TEST_CASE("the text pool hands out one shared Text per distinct string") {
    TextPool pool;
    const auto a = pool.get("Senior Product Manager");
    const auto b = pool.get(std::string("Senior Product ") + "Manager"); // another buffer, same text
    const auto c = pool.get("Software Engineer");
    CHECK(a == "Senior Product Manager");
    CHECK(a.shares(b));
    CHECK(!a.shares(c));
    CHECK(pool.size() == 2);
}

TEST_CASE("the text pool leaves inline text alone and stops keeping new strings when full") {
    TextPool pool(2);
    CHECK(pool.get("Berlin") == "Berlin"); // inline: not pooled
    CHECK(pool.size() == 0);
    const auto first = pool.get("first long string");
    pool.get("second long string");
    const auto third = pool.get("third long string"); // past the bound: made, not kept
    CHECK(pool.size() == 2);
    CHECK(third == "third long string");
    CHECK(!third.shares(pool.get("third long string")));
    CHECK(first.shares(pool.get("first long string"))); // the kept ones are still shared
}
