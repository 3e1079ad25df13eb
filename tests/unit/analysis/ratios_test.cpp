#include <catch2/catch.hpp>

#include "orgplan/base/error.hpp"
#include "orgplan/analysis/ratios.hpp"
#include "ratios_fixture.hpp"

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("team ratios weight FTE, split allocations and shares") {
    const auto r = compute_ratios(fixture_org(), "team", 10, 3);
    CHECK(row(r, "A").makers == Approx(3.0));
    CHECK(row(r, "A").pms == Approx(0.7));
    CHECK(*row(r, "A").ratio == Approx(3.0 / 0.7));
    CHECK(row(r, "A").status == RatioStatus::ok);
    CHECK(row(r, "B").makers == Approx(4.5));
    CHECK(row(r, "B").pms == Approx(0.3));
    CHECK(*row(r, "B").ratio == Approx(15.0));
    CHECK(row(r, "B").status == RatioStatus::over);
    CHECK(*row(r, "C").ratio == Approx(4.0));
    CHECK(row(r, "C").pm_ids == std::vector<std::string>{"pm1", "pm4"});
    CHECK(row(r, "D").status == RatioStatus::no_pm);
    CHECK_FALSE(row(r, "D").ratio);
    CHECK(r.teams_without_pm == std::vector<std::string>{"D"});
}

TEST_CASE("rows are sorted worst first: no PM, then the highest ratios") {
    const auto r = compute_ratios(fixture_org(), "team", 10, 3);
    REQUIRE(r.rows.size() == 4);
    CHECK(r.rows[0].id == "D");
    CHECK(r.rows[1].id == "B");
    CHECK(r.rows[2].id == "A");
    CHECK(r.rows[3].id == "C");
}

TEST_CASE("rows of equal status and ratio go by id, whole ids where the first eight bytes tie, at every level") {
    // Teams listed out of id order, ids alike in their first eight bytes; each has one maker and one PM: 1:1, ok.
    Org org;
    const std::vector<std::string> ids = {"team-0000-c", "team-0000-a", "team-0000-b", "t2", "team-0000-aa"};
    for (std::size_t i = 0; i < ids.size(); ++i) {
        org.teams.push_back({ids[i], "Team " + ids[i], "", "", "", ""});
        const auto maker = "maker-0000-" + ids[i], pm = "pm-0000-0000-" + ids[i];
        for (const auto& [id, family] : {std::pair{maker, Family::maker}, {pm, Family::pm}}) {
            auto& person = org.people.emplace_back();
            person.id = id;
            person.family = family;
        }
        org.memberships.push_back({maker, ids[i], 1.0});
        org.memberships.push_back({pm, ids[i], 1.0});
    }
    const auto order_of = [&](const std::string& by) {
        std::vector<std::string> order;
        for (const auto& r : compute_ratios(org, by, 10, 3).rows) order.push_back(r.id);
        return order;
    };
    CHECK(order_of("team") == std::vector<std::string>{"t2", "team-0000-a", "team-0000-aa", "team-0000-b", "team-0000-c"});
    CHECK(order_of("pm") == std::vector<std::string>{"pm-0000-0000-t2", "pm-0000-0000-team-0000-a",
                                                     "pm-0000-0000-team-0000-aa", "pm-0000-0000-team-0000-b",
                                                     "pm-0000-0000-team-0000-c"});
    org.memberships.back().allocation = 0.5; // the last team's PM gives it half their time: 2:1, first among the ok
    CHECK(order_of("team").front() == "team-0000-aa");
}

TEST_CASE("a team with PM time and no makers is 'no makers', not ok, one with neither is empty, last") {
    auto org = fixture_org();
    // E: pm4 moves half of their time to a team of nobody else. F: a team of no one.
    org.teams.push_back({"E", "Team E", "enabling", "P2", "", "Unit"});
    org.teams.push_back({"F", "Team F", "enabling", "P2", "", "Unit"});
    for (auto& m : org.memberships)
        if (m.person_id == "pm4") m.allocation = 0.5;
    org.memberships.push_back({"pm4", "E", 0.5});
    const auto r = compute_ratios(org, "team", 10, 3);
    CHECK(row(r, "E").status == RatioStatus::no_makers);
    CHECK(row(r, "E").pms == Approx(0.5));
    CHECK(*row(r, "E").ratio == Approx(0.0));
    CHECK(row(r, "F").status == RatioStatus::empty);
    CHECK_FALSE(row(r, "F").ratio);
    CHECK(to_string(RatioStatus::no_makers) == "no_makers");
    // Worst first: no PM, over, then PM time on no makers, then ok (C now 6 / 1.0 = 6 above A's 4.29), then empty.
    std::vector<std::string> order;
    for (const auto& x : r.rows) order.push_back(x.id);
    CHECK(order == std::vector<std::string>{"D", "B", "E", "C", "A", "F"});
    CHECK(classify_ratio(0, 1, 10) == RatioStatus::no_makers);
    CHECK(classify_ratio(0, 0, 10) == RatioStatus::empty);
    CHECK(classify_ratio(5, 1, 10) == RatioStatus::ok);
}

TEST_CASE("product and segment ratios are sums over their teams, not averages") {
    const auto org = fixture_org();
    const auto p = compute_ratios(org, "product", 10, 3);
    CHECK(row(p, "P1").makers == Approx(7.5));
    CHECK(row(p, "P1").pms == Approx(1.0));
    CHECK(*row(p, "P1").ratio == Approx(7.5));
    CHECK(*row(p, "P2").ratio == Approx(4.0));
    CHECK(row(p, "(none)").status == RatioStatus::no_pm);
    // Teams A and B get segment S1 through product P1; D has it directly.
    const auto s = compute_ratios(org, "segment", 10, 3);
    CHECK(row(s, "S1").makers == Approx(9.5));
    CHECK(row(s, "S1").pms == Approx(1.0));
    CHECK(row(s, "(none)").makers == Approx(6.0));
}

TEST_CASE("org ratio counts every PM FTE, including org-level assignments") {
    const auto r = compute_ratios(fixture_org(), "org", 10, 3);
    CHECK(r.org_makers == Approx(15.5));
    CHECK(r.org_pms == Approx(3.5));
    CHECK(*r.org_ratio() == Approx(15.5 / 3.5));
    CHECK(r.org_level_pm == Approx(1.0));
    CHECK(r.unassigned_pm == Approx(0.0));
    REQUIRE(r.rows.size() == 1);
    CHECK(r.rows[0].status == RatioStatus::ok);
}

TEST_CASE("org ratio counts makers in no team as it counts PMs at org level, and says so") {
    Database db(":memory:");
    import_paths(db, {fixture("ratios")});
    import_paths(db, {write_temp("people.csv", "id,name,title,fte\nfree1,Free One,Software Engineer,1\n"
                                               "free2,Free Two,Software Engineer,0.5\n")});
    for (const bool makers : {false, true}) {
        const auto totals = load_maker_totals(db);
        const auto r = compute_ratios(load_org(db), "org", 10, 3, nullptr, makers ? &totals : nullptr);
        CHECK(r.org_makers == Approx(17.0));
        CHECK(r.unallocated_makers == Approx(1.5));
        CHECK(*r.org_ratio() == Approx(17.0 / 3.5));
    }
    // Team rows count only what is in teams.
    double in_teams = 0;
    for (const auto& row : compute_ratios(load_org(db), "team", 10, 3).rows) in_teams += row.makers;
    CHECK(in_teams == Approx(15.5));
}

TEST_CASE("PM ratios are the makers each PM covers per FTE they give to teams") {
    const auto r = compute_ratios(fixture_org(), "pm", 10, 3);
    // pm1: A 3*0.5/0.7 + C 6*0.5/1.5 = 2.142857 + 2 over 1.0 FTE
    CHECK(row(r, "pm1").makers == Approx(3.0 * 0.5 / 0.7 + 2.0));
    CHECK(*row(r, "pm1").ratio == Approx(3.0 * 0.5 / 0.7 + 2.0));
    CHECK(row(r, "pm1").spread == 2);
    // pm2: A 3*0.2/0.7 + B 4.5 over 0.5 FTE
    CHECK(*row(r, "pm2").ratio == Approx((3.0 * 0.2 / 0.7 + 4.5) / 0.5));
    CHECK(row(r, "pm2").status == RatioStatus::over);
    CHECK(row(r, "pm3").status == RatioStatus::empty);
    CHECK(*row(r, "pm4").ratio == Approx(4.0));
}

TEST_CASE("the threshold decides over or ok, and thin PMs are listed") {
    const auto org = fixture_org();
    CHECK(row(compute_ratios(org, "team", 20, 3), "B").status == RatioStatus::ok);
    CHECK(row(compute_ratios(org, "team", 4.1, 3), "A").status == RatioStatus::over);
    const auto thin = compute_ratios(org, "team", 10, 1);
    REQUIRE(thin.thin_pms.size() == 2); // pm1 and pm2 each cover two teams
    CHECK(thin.thin_pms[0].second == 2);
}

TEST_CASE("a proposal's assignments can be evaluated instead of the stored ones") {
    const auto org = fixture_org();
    const std::vector<Assignment> proposal = {{"pm3", TargetKind::team, "D", 1.0}};
    const auto r = compute_ratios(org, "team", 10, 3, &proposal);
    CHECK(*row(r, "D").ratio == Approx(2.0));
    // pm4 still covers C through membership; pm1 and pm2 have no assignment in the proposal and no membership.
    CHECK(row(r, "A").status == RatioStatus::no_pm);
}

TEST_CASE("an unknown level is refused") {
    REQUIRE_THROWS_AS(compute_ratios(Org{}, "tribe", 10, 3), Error);
}

TEST_CASE("a coverage basis built once covers many assignment lists as compute_coverage does") {
    auto org = fixture_org();
    const CoverageBasis basis(org);
    // The stored assignments, none (PMs fall back to their memberships), and a mix of team, product and segment
    // rows for one PM that reach some teams twice.
    std::vector<std::vector<Assignment>> lists{org.assignments, {}};
    std::vector<Assignment> mixed;
    for (const auto& p : org.people)
        if (p.family == Family::pm) {
            mixed.push_back({p.id, TargetKind::product, org.products.front().id, 0.3});
            mixed.push_back({p.id, TargetKind::segment, org.segments.front().id, 0.3});
            mixed.push_back({p.id, TargetKind::team, org.teams.back().id, 0.2});
            break;
        }
    lists.push_back(mixed);
    // Every PM (and a leader, as player-coach) on one whole product or segment alone, one on a product that is not
    // there: the summary form spreads those without its row.
    std::vector<Assignment> alone;
    std::size_t k = 0;
    for (const auto& p : org.people)
        if (p.family == Family::pm || (p.family == Family::product_leader && k == 1)) {
            const bool product = k++ % 2 == 0;
            alone.push_back({p.id, product ? TargetKind::product : TargetKind::segment,
                             product ? org.products[k % org.products.size()].id : org.segments.front().id, 0.7});
        }
    // One PM on two products (no team in both), one on the same product twice, one on a product and a segment.
    alone.push_back({"pm3", TargetKind::product, org.products.back().id, 0.1});
    alone.push_back({"pm3", TargetKind::product, org.products.front().id, 0.1});
    alone.push_back({"pm4", TargetKind::product, org.products.front().id, 0.1});
    alone.push_back({"pm4", TargetKind::product, org.products.front().id, 0.1});
    alone.push_back({"pm2", TargetKind::segment, org.segments.front().id, 0.1});
    alone.push_back({alone.back().pm_id == "pm1" ? "pm2" : "pm1", TargetKind::product, "no-such-product", 1.0});
    lists.push_back(alone);
    for (const auto& list : lists) {
        const auto once = basis.cover(list);
        const auto fresh = compute_coverage(org, list);
        CHECK(once.team_makers == fresh.team_makers);
        CHECK(once.team_pm == fresh.team_pm);
        CHECK(once.pm_team == fresh.pm_team);
        CHECK(once.pm_org_level == fresh.pm_org_level);
        CHECK(once.pm_unassigned == Approx(fresh.pm_unassigned));
        // The summary form counts, per PM reaching a team, the teams reached, in the same PM order.
        std::vector<std::size_t> teams_per_pm;
        const auto summary = basis.cover(list, &teams_per_pm);
        CHECK(summary.pm_team.empty());
        CHECK(summary.team_pm == fresh.team_pm);
        std::vector<std::size_t> expected;
        for (const auto& [pm, parts] : fresh.pm_team)
            expected.push_back(static_cast<std::size_t>(
                std::count_if(parts.begin(), parts.end(), [](const auto& part) { return part.second > 1e-12; })));
        CHECK(teams_per_pm == expected);
    }
    // The mixed list reaches the product's teams, the segment's teams and one more: more than one team, in order.
    const auto mixed_cover = basis.cover(mixed);
    REQUIRE(mixed_cover.pm_team.size() >= 1);
    const auto& parts = mixed_cover.pm_team.front().second;
    CHECK(parts.size() > 1);
    CHECK(std::is_sorted(parts.begin(), parts.end(), [](const auto& a, const auto& b) { return a.first < b.first; }));
}

TEST_CASE("ratios from coverage worked out once are the ratios of each level worked out alone") {
    const auto org = fixture_org();
    const auto coverage = compute_coverage(org, org.assignments);
    for (const char* by : {"team", "product", "segment", "pm", "leader", "org"}) {
        const auto alone = compute_ratios(org, by, 10, 3), shared = compute_ratios(org, coverage, by, 10, 3);
        REQUIRE(alone.rows.size() == shared.rows.size());
        for (std::size_t i = 0; i < alone.rows.size(); ++i) {
            CHECK(alone.rows[i].id == shared.rows[i].id);
            CHECK(alone.rows[i].makers == shared.rows[i].makers);
            CHECK(alone.rows[i].pms == shared.rows[i].pms);
        }
        CHECK(alone.org_pms == shared.org_pms);
    }
    CHECK_THROWS_WITH(compute_ratios(org, coverage, "planet", 10, 3), Catch::Contains("--by 'planet'"));
}
