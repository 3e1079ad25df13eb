#include <catch2/catch.hpp>

#include "../fixture.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/model/org_json.hpp"

using namespace orgplan;

TEST_CASE("an org survives a round trip through JSON") {
    Database db(":memory:");
    test::import_paths(db, {std::string(ORGPLAN_DATA) + "/demo"});
    const auto org = load_org(db);
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

TEST_CASE("an org's JSON has one array per kind of record, and keys an older scenario lacks read as empty") {
    const auto doc = to_json(Org{});
    std::vector<std::string> keys;
    for (const auto& item : doc.items()) keys.push_back(item.key());
    CHECK(keys == std::vector<std::string>{"accounts", "assignments", "goals", "initiatives", "interrupts",
                                           "memberships", "people", "positions", "products", "segments",
                                           "task_forces", "teams"});
    const auto old = org_from_json(nlohmann::json::parse(
        R"({"teams": [{"id": "t", "name": "T", "type": "", "product": "", "segment": "", "parent_unit": ""}],
            "people": [{"id": "a", "name": "A", "email": "", "title": "", "family": "pm", "level": "",
                        "pm_years": null, "origin": "unknown", "manager": "", "location": "", "fte": 0.5,
                        "cost": null, "coaching_hours": null}]})"));
    REQUIRE(old.teams.size() == 1);
    REQUIRE(old.people.size() == 1);
    CHECK(old.people[0].fte == 0.5);
    CHECK_FALSE(old.people[0].pm_years);
    CHECK(old.people[0].unit.empty()); // added in schema 5
    CHECK(old.interrupts.empty());
    CHECK(old.positions.empty());
}
