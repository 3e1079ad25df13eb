#include <catch2/catch.hpp>

#include "../builtin_plugins.hpp"
#include "orgplan/analysis/coaching.hpp"

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("novices are new PMs and every internal transfer, seniors have the years and are not novices") {
    const Settings s;
    Person p;
    p.pm_years = 1.5;
    CHECK(is_novice(p, s));
    p.pm_years = 2;
    CHECK_FALSE(is_novice(p, s));
    CHECK_FALSE(is_senior(p, s));
    p.pm_years = 6;
    CHECK(is_senior(p, s));
    p.origin = Origin::internal_transfer;
    CHECK(is_novice(p, s));
    CHECK_FALSE(is_senior(p, s));
}

TEST_CASE("coaching groups gather novices and seniors under their nearest product leader") {
    OrgBuilder b;
    b.leader("top").leader("group", 3.0, "top");
    b.pm("n1", 1, Origin::newcomer, "group").pm("s1", 7, Origin::external_senior, "group");
    b.pm("n2", 0, Origin::newcomer, "top").pm("orphan", 1, Origin::newcomer);
    const auto c = coaching_groups(b.org, Settings{});
    REQUIRE(c.groups.size() == 2);
    const auto& group = c.groups[0].leader_id == "group" ? c.groups[0] : c.groups[1];
    CHECK(group.novices == std::vector<std::string>{"n1"});
    CHECK(group.seniors == std::vector<std::string>{"s1"});
    CHECK(group.capacity_hours == Approx(3.0 + 2.0));
    CHECK(c.novices_without_leader == std::vector<std::string>{"orphan"});
    const auto balance = coaching_balance(c);
    CHECK(balance.capacity == Approx(5.0 + 5.0));
    CHECK(balance.demand == Approx(3.0));
    CHECK(balance.spare() == Approx(7.0));
}

TEST_CASE("coaching sides: the groups, and the seniors no leader is above, who mentor outside any group") {
    OrgBuilder b;
    b.leader("lead", 2.0);
    b.pm("n1", 1, Origin::newcomer, "lead").pm("s1", 7, Origin::external_senior, "lead");
    b.pm("free2", 9).pm("free1", 6).pm("young", 1, Origin::newcomer).staff("em", Family::eng_manager);
    b.pm("under-em", 8, Origin::external_senior, "em");
    const auto sides = coaching_sides(b.org, Settings{});
    CHECK(sides.leaderless_seniors == std::vector<std::string>{"free2", "free1", "under-em"}); // people order
    REQUIRE(sides.groups.groups.size() == 1);
    CHECK(sides.groups.groups[0].seniors == std::vector<std::string>{"s1"});
    CHECK(coaching_groups(b.org, Settings{}).novices_without_leader == sides.groups.novices_without_leader);
    // Their hours count in the org's balance: the leader's 2, s1's and three free seniors' 2 each.
    CHECK(coaching_balance(b.org, Settings{}).capacity == Approx(2.0 + 4 * 2.0));
}

TEST_CASE("a PM whose years are unknown is neither novice nor senior, and coaching counts them apart") {
    const Settings s;
    Person p;
    p.family = Family::pm;
    CHECK_FALSE(experience_known(p));
    CHECK_FALSE(is_novice(p, s));
    CHECK_FALSE(is_senior(p, s));
    p.origin = Origin::internal_transfer; // a transfer is new to the role whatever the data says of years
    CHECK(experience_known(p));
    CHECK(is_novice(p, s));

    OrgBuilder b;
    b.leader("lead").pm("n1", 1, Origin::newcomer, "lead").pm("s1", 7, Origin::external_senior, "lead");
    b.pm("u1", 0, Origin::external_senior, "lead");
    for (auto& person : b.org.people)
        if (person.id == "u1") person.pm_years.reset();
    const auto c = coaching_groups(b.org, s);
    CHECK(c.experience_unknown == std::vector<std::string>{"u1"});
    REQUIRE(c.groups.size() == 1);
    CHECK(c.groups[0].novices == std::vector<std::string>{"n1"});
    CHECK(c.groups[0].seniors == std::vector<std::string>{"s1"});
    CHECK(coaching_balance(c).demand == Approx(1.0));
}
