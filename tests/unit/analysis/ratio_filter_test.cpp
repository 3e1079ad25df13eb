#include <catch2/catch.hpp>

#include "../org_builder.hpp"
#include "orgplan/analysis/ratio_filter.hpp"
#include "orgplan/base/error.hpp"

using namespace orgplan;
using namespace orgplan::test;

namespace {

// Two segments; product web in ent with teams t1 (12 makers, 1 PM: over) and t2 (4 makers, 1 PM: ok); product app
// in smb with t3 (5 makers, no PM); t4 has its own segment smb and no product; t5 has neither. t2 is also set apart in
// segment smb by its own segment, so product web spans both segments.
Org two_segments() {
    OrgBuilder b;
    b.segment("ent").segment("smb").product("web", ProductStatus::active, "ent").product("app", ProductStatus::active, "smb");
    b.team("t1", "web").team("t2", "web", "smb").team("t3", "app").team("t4", "", "smb").team("t5");
    b.makers("t1", 12).makers("t2", 4).makers("t3", 5).makers("t4", 2).makers("t5", 1);
    b.pm("p1").pm("p2").pm("p4");
    b.assign("p1", TargetKind::team, "t1").assign("p2", TargetKind::team, "t2").assign("p4", TargetKind::team, "t4");
    return b.org;
}

std::vector<std::string> ids(const RatioReport& r) {
    std::vector<std::string> out;
    for (const auto& row : r.rows) out.push_back(row.id);
    std::sort(out.begin(), out.end());
    return out;
}

RatioReport filtered(const Org& org, const std::string& by, RatioFilter filter) {
    auto r = compute_ratios(org, by, 10, 3);
    filter_ratio_rows(r, org, filter);
    return r;
}

} // namespace

TEST_CASE("ratio filter: a segment keeps the teams in it, by their own segment or else their product's") {
    const auto org = two_segments();
    CHECK(ids(filtered(org, "team", {"ent", "", "", ""})) == std::vector<std::string>{"t1"});
    CHECK(ids(filtered(org, "team", {"smb", "", "", ""})) == std::vector<std::string>{"t2", "t3", "t4"});
    CHECK(ids(filtered(org, "team", {"(none)", "", "", ""})) == std::vector<std::string>{"t5"});
    // A product with a team in each segment is kept under both, whole: the same numbers as unfiltered.
    const auto all = compute_ratios(org, "product", 10, 3);
    const auto ent = filtered(org, "product", {"ent", "", "", ""});
    REQUIRE(ids(ent) == std::vector<std::string>{"web"});
    const auto web = std::find_if(all.rows.begin(), all.rows.end(), [](const RatioRow& r) { return r.id == "web"; });
    CHECK(ent.rows[0].makers == Approx(web->makers));
    CHECK(ent.rows[0].pms == Approx(web->pms));
    CHECK(ids(filtered(org, "product", {"smb", "", "", ""})) == std::vector<std::string>{"(none)", "app", "web"});
    CHECK(ids(filtered(org, "segment", {"ent", "", "", ""})) == std::vector<std::string>{"ent"});
}

TEST_CASE("ratio filter: a product keeps its teams, and with a status only those rows") {
    const auto org = two_segments();
    CHECK(ids(filtered(org, "team", {"", "web", "", ""})) == std::vector<std::string>{"t1", "t2"});
    CHECK(ids(filtered(org, "team", {"", "web", "over", ""})) == std::vector<std::string>{"t1"});
    CHECK(ids(filtered(org, "team", {"", "(none)", "", ""})) == std::vector<std::string>{"t4", "t5"});
    CHECK(ids(filtered(org, "segment", {"", "app", "", ""})) == std::vector<std::string>{"smb"});
    CHECK(ids(filtered(org, "team", {"", "", "no_pm", ""})) == std::vector<std::string>{"t3", "t5"});
    CHECK(ids(filtered(org, "pm", {"", "", "over", ""})) == std::vector<std::string>{"p1"});
    CHECK(ids(filtered(org, "team", {"smb", "web", "", ""})) == std::vector<std::string>{"t2"});
}

TEST_CASE("ratio filter: unknown ids, statuses and levels are refused with what to do") {
    const auto org = two_segments();
    CHECK_THROWS_WITH(filtered(org, "team", {"nope", "", "", ""}), Catch::Contains("--segment 'nope'") &&
                                                                     Catch::Contains("ratios --by segment"));
    CHECK_THROWS_WITH(filtered(org, "team", {"", "nope", "", ""}), Catch::Contains("--product 'nope'"));
    CHECK_THROWS_WITH(filtered(org, "team", {"", "", "bad", ""}), Catch::Contains("use no_pm, over"));
    CHECK_THROWS_WITH(filtered(org, "pm", {"ent", "", "", ""}), Catch::Contains("--by team, product or segment"));
    CHECK_THROWS_AS(filtered(org, "leader", {"", "web", "", ""}), Error);
    // No filter leaves the report as it is.
    CHECK(filtered(org, "team", {}).rows.size() == 5);
}

TEST_CASE("ratio filter: a leader keeps the PMs under them and the teams those PMs cover") {
    auto org = two_segments();
    // L leads p1 directly and p4 through M; p2 reports elsewhere. t3 has no PM: a maker of it reports to M.
    org.people.push_back(person("L", Family::product_leader));
    org.people.push_back(person("M", Family::product_leader, 1, "L"));
    org.people.push_back(person("X", Family::product_leader));
    for (auto& p : org.people) {
        if (p.id == "p1") p.manager_id = "L";
        if (p.id == "p4") p.manager_id = "M";
        if (p.id == "p2") p.manager_id = "X";
    }
    for (const auto& m : org.memberships)
        if (m.team_id == "t3") {
            for (auto& p : org.people)
                if (p.id == m.person_id) p.manager_id = "M";
            break;
        }
    CHECK(ids(filtered(org, "pm", {"", "", "", "L"})) == std::vector<std::string>{"p1", "p4"});
    CHECK(ids(filtered(org, "team", {"", "", "", "L"})) == std::vector<std::string>{"t1", "t3", "t4"});
    CHECK(ids(filtered(org, "team", {"", "", "", "M"})) == std::vector<std::string>{"t3", "t4"});
    CHECK(ids(filtered(org, "team", {"", "", "no_pm", "L"})) == std::vector<std::string>{"t3"});
    CHECK(ids(filtered(org, "team", {"", "", "", "X"})) == std::vector<std::string>{"t2"});
    CHECK_THROWS_WITH(filtered(org, "product", {"", "", "", "L"}), Catch::Contains("--by team or pm"));
    CHECK_THROWS_WITH(filtered(org, "team", {"", "", "", "nobody"}), Catch::Contains("--leader 'nobody'"));
}
