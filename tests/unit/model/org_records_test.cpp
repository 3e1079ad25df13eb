#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <set>

#include "../org_builder.hpp"
#include "orgplan/model/org_json.hpp"
#include "orgplan/model/org_records.hpp"

using namespace orgplan;
using namespace orgplan::test;

namespace {

// Two records of a kind that differ in every field.
template <typename T>
struct Pair {
    std::vector<T> Org::*member;
    T a, b;
};

Person full_person(const std::string& id, bool other) {
    Person p = person(id, other ? Family::pm : Family::maker, other ? 0.5 : 1.0, other ? "m2" : "m1");
    p.name = other ? "B" : "A";
    p.email = other ? "b@x" : "a@x";
    p.title = other ? "PM" : "Dev";
    p.level = other ? "L5" : "L4";
    p.pm_years = other ? std::optional<double>(3) : std::nullopt;
    p.origin = other ? Origin::internal_transfer : Origin::external_senior;
    p.location = other ? "Paris" : "Oslo";
    p.cost = other ? std::optional<double>(100) : std::nullopt;
    p.coaching_hours = other ? std::optional<double>(2) : std::nullopt;
    p.unit = other ? "U2" : "U1";
    p.cost_center = other ? "C2" : "C1";
    p.function = other ? "product" : "engineering";
    return p;
}

Goal full_goal(bool other) {
    Goal g = goal(other ? "g2" : "g1", other ? "sales" : "support", other ? "B" : "A", other ? "m2" : "m1",
                  other ? MetricKind::output : MetricKind::outcome, other);
    g.objective = other ? "o2" : "o1";
    g.north_star = other;
    g.product_ids = other ? std::vector<Text>{"p2"} : std::vector<Text>{"p1"};
    g.counter_metric = other ? "c2" : "c1";
    g.theme = other ? "custom_work" : "";
    return g;
}

Position full_position(bool other) {
    Position p;
    p.id = other ? "x2" : "x1";
    p.kind = other ? PositionKind::departure : PositionKind::open_role;
    p.team_id = other ? "t2" : "t1";
    p.family = other ? Family::pm : Family::maker;
    p.fte = other ? 0.5 : 1.0;
    p.quarter = other ? "2027-Q2" : "";
    p.person_id = other ? "e2" : "";
    p.status = other ? PositionStatus::filled : PositionStatus::open;
    p.source = other ? "s2" : "";
    return p;
}

// Each field of `a` in turn takes `b`'s value (through the record's JSON): the org must then differ by one record.
template <typename T>
void check_every_field_counts(const Pair<T>& pair) {
    const auto mine = record_json(pair.a), theirs = record_json(pair.b);
    for (const auto& [field, value] : mine.items()) {
        auto changed = mine;
        changed[field] = theirs.at(field);
        Org before, after;
        (before.*pair.member).push_back(pair.a);
        (after.*pair.member).push_back(record_from_json(changed, static_cast<const T*>(nullptr)));
        INFO("field " << field);
        CHECK(record_changes(before, after).size() == 1);
        CHECK(record_changes(before, before).empty());
    }
}

} // namespace

TEST_CASE("every field a record stores counts in comparing records") {
    check_every_field_counts(Pair<Segment>{&Org::segments, {"s1", "A"}, {"s2", "B"}});
    check_every_field_counts(Pair<Product>{&Org::products, {"p1", "A", ProductStatus::active, "s1"},
                                           {"p2", "B", ProductStatus::retired, "s2"}});
    check_every_field_counts(Pair<Initiative>{&Org::initiatives, {"i1", "A"}, {"i2", "B"}});
    check_every_field_counts(Pair<Account>{&Org::accounts, {"a1", "A", "s1"}, {"a2", "B", "s2"}});
    check_every_field_counts(
        Pair<Team>{&Org::teams, {"t1", "A", "platform", "p1", "s1", "u1"}, {"t2", "B", "enabling", "p2", "s2", "u2"}});
    check_every_field_counts(Pair<Person>{&Org::people, full_person("e1", false), full_person("e2", true)});
    check_every_field_counts(Pair<Goal>{&Org::goals, full_goal(false), full_goal(true)});
    check_every_field_counts(Pair<Membership>{&Org::memberships, {"e1", "t1", 1.0}, {"e2", "t2", 0.5}});
    check_every_field_counts(
        Pair<Assignment>{&Org::assignments, {"e1", TargetKind::team, "t1", 1.0}, {"e2", TargetKind::product, "p2", 0.5}});
    check_every_field_counts(Pair<Position>{&Org::positions, full_position(false), full_position(true)});
}

TEST_CASE("records of named keys: a person's memberships as one record, others left out") {
    Org o;
    o.people = {person("a", Family::maker), person("b", Family::pm)};
    o.teams = {{"t1", "T1", "", "", "", ""}, {"t2", "T2", "", "", "", ""}};
    o.memberships = {{"a", "t1", 0.5}, {"b", "t1", 1.0}, {"a", "t2", 0.5}};
    const auto records = records_of(o, {{"people", {"a", "nobody"}}, {"memberships", {"a"}}});
    CHECK(records.at("people").size() == 1);
    CHECK(find_record(records, "people", "a").at("fte") == 1.0);
    CHECK(find_record(records, "memberships", "a").size() == 2);
    CHECK(find_record(records, "memberships", "b").is_null());
    CHECK(find_record(records, "teams", "t1").is_null());
    CHECK(find_record(records, "no-such-group", "a").is_null());
}

TEST_CASE("changes made again on the org they were taken from give the changed org, through storage as JSON") {
    Org before;
    before.people = {person("a", Family::maker), person("b", Family::pm), person("c", Family::maker)};
    before.teams = {{"t1", "T1", "", "", "", ""}, {"t2", "T2", "", "", "", ""}};
    before.memberships = {{"a", "t1", 1.0}, {"c", "t1", 0.5}, {"c", "t2", 0.5}};
    before.assignments = {{"b", TargetKind::team, "t1", 1.0}};
    auto after = before;
    after.people[0].manager_id = "b";                  // changed in place
    after.people.erase(after.people.begin() + 2);      // gone, with its memberships
    after.people.push_back(person("d", Family::maker)); // new
    after.people.push_back(person("e", Family::maker));
    after.memberships = {{"a", "t2", 1.0}, {"d", "t2", 1.0}};
    after.teams.push_back({"t3", "T3", "", "", "", ""});

    const auto changes = record_changes(before, after);
    REQUIRE(changes.size() == 3);
    CHECK(changes[0].group == "teams");
    CHECK(changes[1].group == "people");
    REQUIRE(changes[1].changes.size() == 4);
    CHECK(changes[1].changes[0].id == "a"); // as `after` has them, then the gone ones
    CHECK(changes[1].changes[1].id == "d");
    CHECK(changes[1].changes[2].id == "e");
    CHECK(changes[1].changes[3].id == "c");
    CHECK(changes[1].changes[3].record.is_null());
    CHECK(changes[2].group == "memberships");
    CHECK(changes[2].changes.size() == 3); // a's changed, d's new, c's gone

    auto again = before;
    apply_changes(again, changes_from_json(nlohmann::json::parse(changes_json(changes).dump())));
    CHECK(to_json(again) == to_json(after));
    CHECK(record_changes(again, after).empty());
}

TEST_CASE("stored changes that are damaged are refused by name") {
    Org org;
    CHECK_THROWS_WITH(apply_changes(org, changes_from_json(nlohmann::json::parse(
                                             R"({"people": [{"id": "a", "record": {"id": "a"}}]})"))),
                      Catch::Contains("a stored change of the org is damaged"));
    CHECK_THROWS_WITH(changes_from_json(nlohmann::json::parse(R"({"people": [{"record": null}]})")),
                      Catch::Contains("damaged"));
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

namespace {

// Every key of every group of `org`, to read all its records.
RecordKeys all_keys(const Org& org) {
    RecordKeys keys;
    for (const auto& p : org.people) keys["people"].insert(p.id);
    for (const auto& m : org.memberships) keys["memberships"].insert(m.person_id);
    return keys;
}

} // namespace

TEST_CASE("compared side by side or record by record, two orgs differ in the same records") {
    // Random edits of every kind the walk pairs rows across (in place, gone, added in the middle or at the end,
    // a person's rows split apart), checked against comparing every record's JSON.
    std::mt19937 random(7);
    for (int trial = 0; trial < 300; ++trial) {
        Org before;
        const int n = 1 + static_cast<int>(random() % 30);
        for (int i = 0; i < n; ++i) {
            before.people.push_back(person("p" + std::to_string(i), Family::maker));
            for (int t = 0; t < static_cast<int>(random() % 3); ++t)
                before.memberships.push_back({"p" + std::to_string(i), "t" + std::to_string(t), 0.5});
        }
        auto after = before;
        for (int edit = static_cast<int>(random() % 5); edit > 0; --edit) {
            auto& people = after.people;
            auto& rows = after.memberships;
            switch (random() % 6) {
            case 0: if (!people.empty()) people[random() % people.size()].fte = 0.5; break;
            case 1: if (!people.empty()) people.erase(people.begin() + static_cast<long>(random() % people.size())); break;
            case 2: people.insert(people.begin() + static_cast<long>(random() % (people.size() + 1)),
                                  person("new" + std::to_string(random() % 1000), Family::pm));
                    break;
            case 3: if (!rows.empty()) rows.erase(rows.begin() + static_cast<long>(random() % rows.size())); break;
            case 4: rows.push_back({"p" + std::to_string(random() % n), "t9", 0.25}); break;
            case 5: if (!rows.empty()) { // a row moved to the end: its person's rows split apart
                        const auto at = rows.begin() + static_cast<long>(random() % rows.size());
                        const auto row = *at;
                        rows.erase(at);
                        rows.push_back(row);
                    }
                    break;
            }
        }
        // Ids added twice are not records of one org.
        std::set<std::string> ids;
        bool unique = true;
        for (const auto& p : after.people) unique = unique && ids.insert(p.id).second;
        if (!unique) continue;

        auto keys = all_keys(before);
        for (const auto& [group, ids_of] : all_keys(after)) keys[group].insert(ids_of.begin(), ids_of.end());
        const auto was = records_of(before, keys), now = records_of(after, keys);
        std::map<std::string, std::set<std::string>> expected, found;
        for (const auto& [group, ids_of] : keys)
            for (const auto& id : ids_of)
                if (find_record(was, group, id) != find_record(now, group, id)) expected[group].insert(id);
        for (const auto& g : record_changes(before, after))
            for (const auto& c : g.changes) {
                found[g.group].insert(c.id);
                CHECK(c.record == find_record(now, g.group, c.id));
            }
        INFO("trial " << trial);
        CHECK(found == expected);
        auto again = before;
        apply_changes(again, record_changes(before, after));
        CHECK(record_changes(again, after).empty());
    }
}
