#include <catch2/catch.hpp>

#include "../org_builder.hpp"
#include "orgplan/analysis/org_tree.hpp"
#include "orgplan/base/error.hpp"

using namespace orgplan;
using namespace orgplan::test;

namespace {

// A leads B and C; B leads two makers; D and E have no manager and lead no one.
Org small_org(bool loners) {
    Org org;
    org.people = {person("A", Family::product_leader), person("B", Family::pm, 0.5, "A"),
                  person("C", Family::eng_manager, 1, "A"), person("m1", Family::maker, 1, "B"),
                  person("m2", Family::maker, 0.5, "B")};
    if (loners) {
        org.people.push_back(person("D", Family::other));
        org.people.push_back(person("E", Family::maker));
    }
    org.memberships = {{"m1", "t1", 1.0}, {"m2", "t1", 0.6}, {"m2", "t2", 0.4}};
    return org;
}

} // namespace

TEST_CASE("org tree: one top, head counts, family mix and FTE below each node") {
    const OrgTree tree(small_org(false));
    const auto top = tree.node_json("", 1);
    CHECK(top["id"] == "A");
    CHECK(top["head_count"] == 5);
    CHECK(top["reports"] == 2);
    CHECK(top["families"]["maker"] == 2);
    CHECK(top["maker_fte"] == 1.5);
    CHECK(top["pm_fte"] == 0.5);
    REQUIRE(top["children"].size() == 2);
    CHECK(top["children"][0]["id"] == "B"); // the larger report first
    CHECK_FALSE(top["children"][0].contains("children")); // one level opened
    CHECK(tree.node_json("m2", 0)["team"] == "t1"); // the main team: the largest share
    CHECK(tree.node_json("A", 2)["children"][0]["children"].size() == 2);
}

TEST_CASE("org tree: several tops meet under the org, people alone under one node that counts them") {
    const OrgTree tree(small_org(true));
    const auto top = tree.node_json("", 1);
    CHECK(top["id"] == OrgTree::kTop);
    CHECK(top["head_count"] == 7);
    REQUIRE(top["children"].size() == 2);
    CHECK(top["children"][0]["id"] == "A");
    CHECK(top["children"][1]["id"] == OrgTree::kNoManager);
    CHECK(top["children"][1]["name"] == "no manager (2 people)");
    CHECK(top["children"][1]["head_count"] == 2);
}

TEST_CASE("org tree: the path to a person, search, and unknown ids") {
    const OrgTree tree(small_org(true));
    const auto path = tree.path_json("m1");
    REQUIRE(path.size() == 4);
    CHECK(path[0]["id"] == OrgTree::kTop);
    CHECK(path[3]["id"] == "m1");
    const auto found = tree.search_json("M", 10);
    CHECK(found.size() == 2); // m1, m2 by id; virtual nodes are never found
    CHECK(tree.search_json("", 10).empty());
    CHECK(tree.search_json("m", 1).size() == 1);
    CHECK_THROWS_AS(tree.node_json("nobody", 1), Error);
    CHECK_THROWS_AS(tree.path_json("nobody"), Error);
}

TEST_CASE("org tree: what an id names, for a link to its page") {
    auto org = small_org(false);
    org.teams = {{"t1", "Team one", "", "p1", "", ""}, {"B", "a team with a person's id", "", "", "", ""}};
    org.products = {{"p1", "Product", ProductStatus::active, "s1"}, {"shared", "x", ProductStatus::active, ""}};
    org.segments = {{"s1", "Segment"}, {"shared", "y"}};
    Goal g;
    g.id = "g1";
    org.goals = {g};
    const OrgTree tree(org);
    CHECK(tree.kind_of("A") == "person");
    CHECK(tree.kind_of("t1") == "team");
    CHECK(tree.kind_of("p1") == "product");
    CHECK(tree.kind_of("s1") == "segment");
    CHECK(tree.kind_of("g1") == "goal");
    CHECK(tree.kind_of("B") == "person");       // a person first
    CHECK(tree.kind_of("shared") == "product"); // then a team, a product, a segment
    CHECK(tree.kind_of("nobody").empty());
    CHECK(tree.kind_of("").empty());
    CHECK(tree.kind_of(OrgTree::kTop).empty()); // the chart's own nodes are no one's page
}
