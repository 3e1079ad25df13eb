// Task force proposals on a small org worked out by hand, the load of seats, and committee-overload.
#include <catch2/catch.hpp>

#include <set>

#include "../builtin_plugins.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/analysis/task_force.hpp"

using namespace orgplan;
using orgplan::test::run_check;

namespace {

Person person(const std::string& id, Family family, const std::string& manager, const std::string& title,
              const std::string& level = "", const std::string& function = "") {
    auto p = test::person(id, family, 1.0, manager);
    p.title = title;
    p.level = level;
    p.function = function;
    return p;
}

// ceo
// ├── vp_eng (VP Engineering) ── dir_eng (Director of Engineering) ── em1 (Engineering Manager)
// │     em1's reports: m1 Senior, m2 plain, m3 Staff and d1 (designer) in team T1 of P1; m4 Principal in T2 of P2
// ├── cpo (Chief Product Officer): pm1 (Senior, PM of T1), pm2 (Junior, PM of product P1), pm3 (Principal, T2)
// └── vp_sales (VP Sales): s1 L3, s2 L5, s3 L4; sales has a goal on P1
// Tied to P1 directly: m1 m2 m3 d1 (team T1), pm1 pm2 (assignments); through the sales goal: s1 s2 s3.
Org fixture() {
    Org org;
    org.products = {{"P1", "P1", ProductStatus::active, ""}, {"P2", "P2", ProductStatus::active, ""}};
    org.teams = {{"T1", "Team One", "", "P1", "", ""}, {"T2", "Team Two", "", "P2", "", ""}};
    org.people = {person("ceo", Family::other, "", "Chief Executive Officer", "", "executive"),
                  person("vp_eng", Family::eng_manager, "ceo", "VP Engineering"),
                  person("dir_eng", Family::eng_manager, "vp_eng", "Director of Engineering"),
                  person("em1", Family::eng_manager, "dir_eng", "Engineering Manager"),
                  person("m1", Family::maker, "em1", "Senior Software Engineer"),
                  person("m2", Family::maker, "em1", "Software Engineer"),
                  person("m3", Family::maker, "em1", "Staff Engineer"),
                  person("m4", Family::maker, "em1", "Principal Engineer"),
                  person("d1", Family::maker, "em1", "Product Designer", "", "design"),
                  person("cpo", Family::product_leader, "ceo", "Chief Product Officer"),
                  person("pm1", Family::pm, "cpo", "Product Manager", "Senior"),
                  person("pm2", Family::pm, "cpo", "Product Manager", "Junior"),
                  person("pm3", Family::pm, "cpo", "Product Manager", "Principal"),
                  person("vp_sales", Family::other, "ceo", "VP Sales", "", "sales"),
                  person("s1", Family::other, "vp_sales", "Account Executive", "L3", "sales"),
                  person("s2", Family::other, "vp_sales", "Account Executive", "L5", "sales"),
                  person("s3", Family::other, "vp_sales", "Account Executive", "L4", "sales")};
    for (const char* m : {"m1", "m2", "m3", "d1"}) org.memberships.push_back({m, "T1", 1});
    org.memberships.push_back({"m4", "T2", 1});
    org.assignments = {{"pm1", TargetKind::team, "T1", 1}, {"pm2", TargetKind::product, "P1", 1},
                       {"pm3", TargetKind::team, "T2", 1}};
    Goal g;
    g.id = "g1";
    g.function = "sales";
    g.name = "Grow P1";
    g.product_ids = {"P1"};
    org.goals = {g};
    return org;
}

std::vector<std::string> ids(const std::vector<TaskForcePick>& picks) {
    std::vector<std::string> out;
    for (const auto& p : picks) out.push_back(p.person_id);
    return out;
}

TaskForce sitting(const std::string& name, const std::vector<std::string>& people) {
    TaskForce t{name, "", {}};
    for (const auto& id : people) t.seats.push_back({id, false, ""});
    return t;
}

} // namespace

TEST_CASE("a working group takes the most senior people tied to the products, two per function in turns") {
    const auto org = fixture();
    TaskForceRequest r;
    r.name = "tf";
    r.products = {"P1"};
    const auto p = propose_task_force(org, r);
    // Functions by people tied: engineering 3, sales 3, product 2, design 1. Round one: m3 (Staff), s2 (L5),
    // pm1 (Senior), d1; round two stops at six: m1 (Senior), s3 (L4).
    CHECK(ids(p.working) == std::vector<std::string>{"m3", "s2", "pm1", "d1", "m1", "s3"});
    CHECK_THAT(p.working[0].reason, Catch::Contains("works in Team One (P1)") &&
                                        Catch::Contains("first of 3 in engineering by seniority"));
    CHECK_THAT(p.working[1].reason, Catch::Contains("sales goal 'Grow P1'"));
    // Review: the directors and VPs above the people of P1's team and its PMs, nearest first; not the CEO.
    CHECK(ids(p.review) == std::vector<std::string>{"dir_eng", "vp_eng", "cpo"});
    CHECK_THAT(p.review[0].reason, Catch::Contains("manages 4 of the people working on P1"));
    CHECK(p.warnings.empty());
}

TEST_CASE("named functions limit the working group, their heads review, and a size caps it") {
    const auto org = fixture();
    TaskForceRequest r;
    r.products = {"P1"};
    r.functions = {"Product", "sales"};
    r.min_size = 2;
    r.max_size = 3;
    const auto p = propose_task_force(org, r);
    CHECK(ids(p.working) == std::vector<std::string>{"pm1", "s2", "pm2"});
    CHECK(ids(p.review) == std::vector<std::string>{"cpo", "vp_sales", "dir_eng", "vp_eng"});
    CHECK_THAT(p.review[1].reason, Catch::Contains("head of sales (3 people below)"));
    r.review_max = 2;
    const auto cut = propose_task_force(org, r);
    CHECK(cut.review.size() == 2);
    CHECK_THAT(cut.warnings[0], Catch::Contains("cut at 2 of 4"));
}

TEST_CASE("people on as many task forces as the limit are passed over, too few people is a warning") {
    auto org = fixture();
    for (int i = 0; i < 3; ++i) org.task_forces.push_back(sitting("other" + std::to_string(i), {"m3"}));
    TaskForceRequest r;
    r.products = {"P1"};
    r.functions = {"engineering"};
    const auto p = propose_task_force(org, r);
    CHECK(ids(p.working) == std::vector<std::string>{"m1", "m2"});
    REQUIRE(p.passed_over.size() == 1);
    CHECK_THAT(p.passed_over[0], Catch::Contains("m3 (m3): on 3 task forces already"));
    CHECK_THAT(p.warnings.back(), Catch::Contains("only 2 people fit the working group, fewer than 4"));
}

TEST_CASE("a function asked for with nobody on the products still gets its seats") {
    const auto org = fixture();
    TaskForceRequest r;
    r.products = {"P2"};
    r.functions = {"sales"};
    r.min_size = 1;
    const auto p = propose_task_force(org, r);
    CHECK(ids(p.working) == std::vector<std::string>{"s2", "s3"});
    CHECK_THAT(p.working[0].reason, Catch::Contains("nobody in sales works on the products"));
}

TEST_CASE("unknown products, functions and sizes are refused with what is known") {
    const auto org = fixture();
    TaskForceRequest r;
    r.products = {"P9"};
    CHECK_THROWS_WITH(propose_task_force(org, r), Catch::Contains("unknown product 'P9'; products are P1, P2"));
    r.products = {};
    r.functions = {"astrology"};
    CHECK_THROWS_WITH(propose_task_force(org, r), Catch::Contains("no one works in function 'astrology'") &&
                                                      Catch::Contains("design, engineering, executive"));
    CHECK(parse_size_range("4-6", "--size") == std::make_pair<std::size_t, std::size_t>(4, 6));
    CHECK(parse_size_range("5", "--size") == std::make_pair<std::size_t, std::size_t>(5, 5));
    CHECK_THROWS_WITH(parse_size_range("6-4", "--size"), Catch::Contains("--size '6-4' is not a size"));
    CHECK_THROWS(parse_size_range("four", "--size"));
}

TEST_CASE("seat load counts working and review seats, committee-overload fires above the limit") {
    auto org = fixture();
    for (int i = 0; i < 3; ++i) org.task_forces.push_back(sitting("tf" + std::to_string(i), {"m1", "s1"}));
    org.task_forces.push_back({"tf3", "", {{"m1", true, ""}}});
    const auto load = task_force_load(org, 2);
    REQUIRE(load.size() == 2);
    CHECK(load[0].person_id == "m1");
    CHECK(load[0].working.size() == 3);
    CHECK(load[0].review == std::vector<std::string>{"tf3"});
    const auto findings = run_check("committee-overload", org);
    REQUIRE(findings.size() == 1); // m1 on 4; s1 on 3, not more than 3
    CHECK(findings[0].subject == "m1");
    CHECK_THAT(findings[0].evidence, Catch::Contains("sits on 4 task forces (tf0, tf1, tf2, tf3)"));
    Settings two;
    two.set("taskforce.max_per_person", 2);
    CHECK(run_check("committee-overload", org, two).size() == 2);
}

TEST_CASE("a proposal with only a topic gets the heads of the functions it seats as its review audience") {
    const auto org = fixture();
    TaskForceRequest r;
    r.name = "tf";
    r.topic = "pricing";
    const auto p = propose_task_force(org, r);
    REQUIRE_FALSE(p.working.empty());
    // Everyone is tied (no products): engineering, sales, product and design seat people; their heads are vp_eng
    // (above dir_eng and em1), vp_sales and cpo; design has no manager of its own, so no head.
    std::set<std::string> heads;
    for (const auto& x : p.review) heads.insert(x.person_id);
    CHECK(heads == std::set<std::string>{"vp_eng", "vp_sales", "cpo"});
    for (const auto& x : p.review) CHECK_THAT(x.reason, Catch::Contains("whose people sit in the working group"));
    // Named functions or products keep the rules they had: no extra heads.
    r.products = {"P1"};
    CHECK(ids(propose_task_force(org, r).review) == std::vector<std::string>{"dir_eng", "vp_eng", "cpo"});
}
