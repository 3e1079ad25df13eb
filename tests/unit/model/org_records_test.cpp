#include <catch2/catch.hpp>

#include "../org_builder.hpp"
#include "orgplan/model/org_records.hpp"

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("records group an org by kind and id, a person's memberships as one record") {
    Org o;
    o.people = {person("a", Family::maker), person("b", Family::pm)};
    o.teams = {{"t1", "T1", "", "", "", ""}, {"t2", "T2", "", "", "", ""}};
    o.memberships = {{"a", "t1", 0.5}, {"a", "t2", 0.5}};
    const auto records = records_of(o);
    CHECK(records.at("people").size() == 2);
    CHECK(find_record(records, "memberships", "a").size() == 2);
    CHECK(find_record(records, "people", "nobody").is_null());
    CHECK(find_record(records, "no-such-group", "a").is_null());
}

TEST_CASE("the difference of two orgs lists what was created, changed and removed, by kind") {
    Org before;
    before.people = {person("a", Family::maker), person("b", Family::pm)};
    auto after = before;
    after.people[0].fte = 0.5;
    after.people.erase(after.people.begin() + 1);
    after.people.push_back(person("c", Family::maker));
    after.teams = {{"t1", "T1", "", "", "", ""}};
    const auto d = org_difference(before, after);
    REQUIRE(d.size() == 2);
    CHECK(d[0].group == "teams");
    CHECK(d[0].created == std::vector<std::string>{"t1"});
    CHECK(d[1].group == "people");
    CHECK(d[1].created == std::vector<std::string>{"c"});
    CHECK(d[1].changed == std::vector<std::string>{"a"});
    CHECK(d[1].removed == std::vector<std::string>{"b"});
    CHECK(org_difference(before, before).empty());
}
