#include <catch2/catch.hpp>

#include "sample_output.hpp"

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("json writer: the fields and each keyed section's rows, numbers as numbers, empty cells as null") {
    auto output = sample_output();
    const auto doc = nlohmann::json::parse(written(*json_writer(), output));
    CHECK(doc["threshold"] == 10);
    REQUIRE(doc["rows"].size() == 3);
    CHECK(doc["rows"][0]["team"] == "ana|lytics");
    CHECK(doc["rows"][0]["makers"] == 12.26);
    CHECK(doc["rows"][0]["cost"] == 1234567.0);
    CHECK(doc["rows"][1]["cost"].is_null());
    CHECK(doc["rows"][2]["team"] == "<b>bold</b>\nnext"); // JSON keeps text as it is
    CHECK(doc["pms"][0]["pm"] == "E1");
    CHECK_FALSE(doc.contains("notes")); // prose is for people; JSON has fields
    output.sections[1].json_key.clear();
    output.sections[0].json_rows = nlohmann::json::array({{{"team", "x"}, {"ids", {"a", "b"}}}});
    const auto kept = nlohmann::json::parse(written(*json_writer(), output));
    CHECK_FALSE(kept.contains("pms"));
    CHECK(kept["rows"][0]["ids"] == nlohmann::json::array({"a", "b"}));
}
