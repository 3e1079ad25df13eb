#include <catch2/catch.hpp>

#include "../sample_output.hpp"

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
    const auto kept = nlohmann::json::parse(written(*json_writer(), output));
    CHECK_FALSE(kept.contains("pms"));
}

TEST_CASE("json writer: ids as arrays, named values as objects, flags as booleans, omitted cells and view columns left out") {
    Table t({{"principle", "principle"},
             {"applicable", "applicable", 1, false, Shown::json_only},
             {"ids", "ids"},
             {"records", "records"},
             {"segments", "segments", 1, false, Shown::json_only},
             {"segments", "segments", 1, false, Shown::not_in_json},
             {"score", "score"}});
    t.add({std::string("by-team"), Flag{true}, IdList{"a", "b"}, Fields{{{"people", 3}, {"teams", 1}}}, 5LL,
           std::string("3/5"), 0.5});
    t.add({std::string("by-account"), Flag{false}, IdList{}, Fields{}, Omitted{}, Omitted{}, Omitted{"not applicable"}});
    const auto doc = nlohmann::json::parse(written(*json_writer(), Output::of(std::move(t))));
    CHECK(doc["rows"][0] == nlohmann::json::parse(R"({"principle": "by-team", "applicable": true, "ids": ["a", "b"],
        "records": {"people": 3, "teams": 1}, "segments": 5, "score": 0.5})"));
    CHECK(doc["rows"][1] == nlohmann::json::parse(R"({"principle": "by-account", "applicable": false, "ids": [],
        "records": {}})"));
}
