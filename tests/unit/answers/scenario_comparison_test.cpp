#include <catch2/catch.hpp>

#include "../builtin_plugins.hpp"
#include "orgplan/answers/scenario_comparison.hpp"
#include "orgplan/planning/scenario.hpp"
#include "orgplan/output/output.hpp"

#include <sstream>

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("two scenarios compared: a metric's change, and coverage of a product lost") {
    OrgBuilder b;
    b.product("p1").team("t1", "p1").makers("t1", 8).pm("pa").assign("pa", TargetKind::product, "p1");
    Scenario a;
    a.name = "current";
    a.org = b.org;
    Scenario moved = a;
    moved.name = "moved";
    moved.org.teams.push_back({"t2", "t2", "", "", "", ""});
    move_pm(moved, "pa", TargetKind::team, "t2", 1.0);
    const auto output = scenario_comparison(a, moved, builtin_host(), 4);
    const auto doc = to_json(output);
    CHECK(doc["a"] == "current");
    CHECK(doc["b"] == "moved");
    bool lost = false;
    for (const auto& c : doc["coverage"])
        lost = lost || (c["change"] == "lost" && c["kind"] == "product" && c["target"] == "p1");
    CHECK(lost);
    nlohmann::json no_pm;
    for (const auto& m : doc["metrics"])
        if (m["metric"] == "teams with no PM") no_pm = m;
    REQUIRE(no_pm.is_object());
    CHECK(no_pm["a"] == 0.0);
    CHECK(no_pm["b"] == 1.0); // t1 lost its PM to the new team
    CHECK(no_pm["change"] == 1.0);
}

namespace {
// One team of four makers and a PM, everyone costing `cost` a year, and the same org with its first person at half time.
std::pair<Scenario, Scenario> current_and_half(double cost, Settings settings = {}) {
    OrgBuilder b;
    b.product("p1").team("t1", "p1").makers("t1", 4).pm("pa").assign("pa", TargetKind::team, "t1");
    Scenario a;
    a.name = "current";
    a.org = b.org;
    a.settings = std::move(settings);
    for (auto& p : a.org.people) p.cost = cost;
    Scenario half = a;
    half.name = "half";
    half.org.people[0].fte = 0.5;
    return {a, half};
}
} // namespace

TEST_CASE("a comparison shows people, spans, layers and yearly cost, and leaves money out when asked") {
    const auto [a, half] = current_and_half(100000);
    const auto metric = [](const nlohmann::json& doc, const std::string& name) {
        for (const auto& m : doc["metrics"])
            if (m["metric"] == name) return m;
        return nlohmann::json();
    };
    const auto doc = to_json(scenario_comparison(a, half, builtin_host(), 4));
    CHECK(metric(doc, "people")["a"] == static_cast<double>(a.org.people.size()));
    CHECK(metric(doc, "yearly people cost")["change"] == -50000.0);
    CHECK(metric(doc, "layers").is_object());
    CHECK(metric(doc, "median span").is_object());
    const auto without = to_json(scenario_comparison(a, half, builtin_host(), 4, false));
    CHECK(metric(without, "yearly people cost").is_null());
    CHECK(metric(without, "added yearly cost").is_null());
    CHECK(metric(without, "people").is_object());
}

TEST_CASE("a comparison's money is grouped with its currency for people and stays a number in data formats") {
    const auto [a, half] = current_and_half(1000000, Settings::from_stored({{"cost.currency", "EUR"}}));
    const auto output = scenario_comparison(a, half, builtin_host(), 4);
    std::ostringstream table, csv;
    output_writer(Format::table)->write(output, table);
    output_writer(Format::csv)->write(output, csv);
    CHECK_THAT(table.str(), Catch::Contains("yearly people cost (EUR)") && Catch::Contains("-500,000"));
    CHECK_THAT(csv.str(), Catch::Contains("\r\nyearly people cost,") && Catch::Contains(",-500000\r\n") &&
                              !Catch::Contains("EUR") && !Catch::Contains("500,000"));
    const auto doc = to_json(output);
    bool found = false;
    for (const auto& m : doc["metrics"])
        if (m["metric"] == "yearly people cost") found = m["change"] == -500000.0;
    CHECK(found);
}
