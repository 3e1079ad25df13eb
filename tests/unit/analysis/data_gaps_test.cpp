// Data gaps on the fixture export worked out by hand (tests/fixtures/gaps/README.md), and on complete data.
#include <catch2/catch.hpp>

#include <map>

#include "../fixture.hpp"
#include "orgplan/analysis/data_gaps.hpp"
#include "orgplan/storage/org_store.hpp"

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("every kind of gap is found once, with its count and first ids, most consequential first") {
    Database db(":memory:");
    import_paths(db, {fixture("gaps")});
    const auto gaps = find_data_gaps(load_org(db), TitleRules::builtin(), load_family_sources(db));
    std::vector<std::string> order;
    std::map<std::string, DataGap> by_id;
    for (const auto& g : gaps) {
        order.push_back(g.id);
        by_id[g.id] = g;
    }
    CHECK(order == std::vector<std::string>{"pm-experience", "no-manager", "makers-no-team", "teams-no-pm",
                                            "pms-no-coverage", "leader-as-full-pm", "unmatched-titles",
                                            "family-column-vs-rules", "cost-estimated", "location-missing"});
    CHECK(by_id["pm-experience"].examples == std::vector<std::string>{"pm1", "pm2"});
    CHECK(by_id["makers-no-team"].what.find("1.0 maker FTE") != std::string::npos);
    CHECK(by_id["leader-as-full-pm"].examples == std::vector<std::string>{"lead"});
}

TEST_CASE("one root is the top, not a gap, examples stop at five") {
    Org org;
    for (int i = 0; i < 8; ++i) {
        Person p;
        p.id = "p" + std::to_string(i);
        p.family = Family::pm;
        p.pm_years = std::nullopt; // unknown, unlike 0 (new to the role), is a gap
        p.location = "Oslo";
        p.cost = 1;
        p.manager_id = i == 0 ? "" : "p0";
        org.people.push_back(p);
    }
    const auto gaps = find_data_gaps(org, TitleRules::builtin(), {});
    std::map<std::string, DataGap> by_id;
    for (const auto& g : gaps) by_id[g.id] = g;
    CHECK_FALSE(by_id.count("no-manager"));
    REQUIRE(by_id.count("pm-experience"));
    CHECK(by_id["pm-experience"].records == 8);
    CHECK(by_id["pm-experience"].examples.size() == 5);
    CHECK(by_id.count("pms-no-coverage")); // PMs covering nothing, with no team without a PM beside them
    CHECK(by_id["pms-no-coverage"].what.find("while") == std::string::npos);
}
