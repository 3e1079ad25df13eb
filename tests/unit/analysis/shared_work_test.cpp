#include <catch2/catch.hpp>

#include <thread>
#include <vector>

#include "../org_builder.hpp"
#include "orgplan/analysis/shared_work.hpp"

using namespace orgplan;
using namespace orgplan::test;

namespace {
Org small_org() {
    OrgBuilder b;
    b.product("p1").team("t1", "p1").team("t2", "p1").makers("t1", 3).makers("t2", 1).pm("pa");
    b.assign("pa", TargetKind::product, "p1");
    return b.org;
}
} // namespace

TEST_CASE("shared coverage: the same answer as compute_coverage, only for its org and only while it lives") {
    const auto org = small_org();
    const auto other = small_org();
    CHECK_FALSE(shared_coverage(org).has_value());
    {
        const SharedWork scope(org);
        const auto shared = shared_coverage(org);
        REQUIRE(shared.has_value());
        CHECK(shared->team_pm == CoverageBasis(org).cover(org.assignments).team_pm);
        CHECK(shared->team_pm[0] == Approx(0.75));
        CHECK_FALSE(shared_coverage(other).has_value()); // another org, even one equal to it
    }
    CHECK_FALSE(shared_coverage(org).has_value());
}

TEST_CASE("shared coverage is worked out once: later asks, on any thread, get the first answer") {
    auto org = small_org();
    const SharedWork scope(org);
    std::vector<std::vector<double>> seen(4);
    std::vector<std::thread> threads;
    for (auto& s : seen) threads.emplace_back([&] { s = compute_coverage(org, org.assignments).team_pm; });
    for (auto& t : threads) t.join();
    for (const auto& s : seen) CHECK(s == seen[0]);
    // Changing the org breaks the scope's rule, which shows that nothing is worked out again: the first answer stays.
    org.assignments[0].share = 0.5;
    CHECK(compute_coverage(org, org.assignments).team_pm == seen[0]);
    // A list of assignments other than the org's own, or maker totals, are worked out as always.
    const auto changed = org.assignments;
    CHECK(compute_coverage(org, changed).team_pm[0] == Approx(0.375));
}

TEST_CASE("shared people index: one for every ask while the scope lives, valid as long as it is held") {
    const auto org = small_org();
    const auto alone = people_by_id(org);
    CHECK(alone != people_by_id(org)); // no scope: each ask builds its own
    std::shared_ptr<const PeopleById> kept;
    {
        const SharedWork scope(org);
        kept = people_by_id(org);
        std::vector<std::shared_ptr<const PeopleById>> seen(4);
        std::vector<std::thread> threads;
        for (auto& s : seen) threads.emplace_back([&] { s = people_by_id(org); });
        for (auto& t : threads) t.join();
        for (const auto& s : seen) CHECK(s == kept);
        const auto other = small_org();
        CHECK(people_by_id(other) != kept); // another org, even one equal to it
    }
    REQUIRE(kept->find("pa")); // the scope is gone; the index it made lives on with its holder
    CHECK(kept->find("pa")->id == "pa");
    CHECK(people_by_id(org) != kept);
}

TEST_CASE("prepared shared work: the coverage and the index are there before anyone asks, and only in a scope") {
    auto org = small_org();
    prepare_shared_work(org); // no scope: nothing to prepare, nothing kept
    CHECK_FALSE(shared_coverage(org).has_value());
    const SharedWork scope(org);
    std::thread([&] { prepare_shared_work(org); }).join();
    // Changed after the preparing thread worked them out: what it worked out is what later asks get.
    org.assignments[0].share = 0.5;
    CHECK(shared_coverage(org)->team_pm[0] == Approx(0.75));
    CHECK(people_by_id(org) == people_by_id(org));
}
