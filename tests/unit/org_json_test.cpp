#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/model/org_json.hpp"

using namespace orgplan;

TEST_CASE("an org survives a round trip through JSON") {
    Database db(":memory:");
    test::import_paths(db, {std::string(ORGPLAN_DATA) + "/demo"});
    const auto org = load_org(db.sql());
    const auto back = org_from_json(nlohmann::json::parse(to_json(org).dump()));
    CHECK(to_json(back) == to_json(org));
    CHECK(back.people.size() == org.people.size());
    CHECK(back.goals.size() == org.goals.size());
}

TEST_CASE("damaged JSON is reported, not trusted") {
    REQUIRE_THROWS_AS(org_from_json(nlohmann::json::parse(R"({"teams": [{"id": 1}]})")), Error);
    REQUIRE_THROWS_WITH(org_from_json(nlohmann::json::parse(
                            R"({"products": [{"id": "p", "name": "P", "status": "zombie", "segment": ""}]})")),
                        Catch::Contains("zombie"));
}
