#include <catch2/catch.hpp>

#include "import/people_index.hpp"
#include "../org_builder.hpp"
#include "import_fixture.hpp"

using namespace orgplan;
using namespace orgplan::importing;
using namespace orgplan::importing::test;
using orgplan::test::person;

TEST_CASE("index people: incoming first, then stored, then broken ids, a second record of an id is a duplicate") {
    Sheet s;
    IncomingRecords in;
    in.people.add(person_in("E2"), s.line(2));
    in.people.add(person_in("E1"), s.line(3));
    in.people.add(person_in("E2"), s.line(4));
    in.broken_ids["people"] = {"E9"};
    Org stored;
    stored.people = {person("E0", Family::maker), person("E1", Family::maker)};
    const auto packed = stored_people_of(stored); // the index views it
    const auto x = index_people(in, packed, [] { return std::unordered_set<std::string>{}; }, s.problems);
    CHECK(s.reported(4, "id", "duplicate person id 'E2' (first at org.csv:2)"));
    REQUIRE(x.size() == 4);
    CHECK(x.id_of(0) == "E2");
    CHECK(x.id_of(1) == "E1");
    CHECK(x.id_of(2) == "E0");
    CHECK(x.id_of(3) == "E9");
    CHECK(x.known == 3);
    CHECK(x.is_known(2));
    CHECK_FALSE(x.is_known(3));
    CHECK(x.stored == std::vector<bool>{false, true, true, false});
    CHECK(x.item_of(0) == 0);
    CHECK(x.item_of(1) == 1);
    CHECK(x.item_of(2) == -1); // stored only
    CHECK(x.item_of(3) == -1); // a broken record's id
    CHECK(x.fte(3) == 0.0);
    CHECK(x.manager_ref(3).empty());
    CHECK(x.person_of_item == std::vector<std::uint32_t>{0, 1, 0});
}

TEST_CASE("index people: a stored person's record without some columns keeps the stored FTE, manager and family") {
    Sheet s;
    IncomingRecords in;
    const ColumnSet only_name = column_bit("people", "name");
    const ColumnSet name_and_title = only_name | column_bit("people", "title");
    in.people.add(person_in("E1", "", Family::other, 1.0), s.line(2), only_name);
    in.people.add(person_in("E2", "", Family::maker, 1.0), s.line(3), name_and_title); // new title, rules said maker
    in.people.add(person_in("E3", "", Family::maker, 1.0), s.line(4), name_and_title);
    Org stored;
    stored.people = {person("E1", Family::pm, 0.5, "E0"), person("E2", Family::pm),
                     person("E3", Family::pm), person("E0", Family::maker, 0.8, "E3")};
    int asked = 0;
    const auto packed = stored_people_of(stored); // the index views it
    const auto x = index_people(in, packed, [&] { ++asked; return std::unordered_set<std::string>{"E3"}; },
                                s.problems);
    CHECK_FALSE(s.problems.any());
    CHECK(x.fte(0) == Approx(0.5));
    CHECK(in.people.items[0].person.fte == Approx(0.5));
    CHECK(x.manager_ref(0) == "E0");
    REQUIRE(x.id_of(3) == "E0"); // stored only: FTE and manager as stored
    CHECK(x.fte(3) == Approx(0.8));
    CHECK(x.manager_ref(3) == "E3");
    CHECK(x.family[0] == Family::pm);
    CHECK(in.people.items[0].family_kept);
    CHECK(x.family[1] == Family::maker); // the family came from rules: the new title decides
    CHECK((in.people.present[1] & column_bit("people", "family")) != 0);
    CHECK(x.family[2] == Family::pm);    // the family came from a family column: it stays
    CHECK(asked == 1);
}

TEST_CASE("index people: a new person without a name is reported, a stored one may leave it out") {
    Sheet s;
    IncomingRecords in;
    in.people.add(person_in("E1"), s.line(2), 0);
    in.people.add(person_in("E2"), s.line(3), 0);
    Org stored;
    stored.people = {person("E2", Family::maker)};
    const auto packed = stored_people_of(stored); // the index views it
    index_people(in, packed, [] { return std::unordered_set<std::string>{}; }, s.problems);
    CHECK(s.reported(2, "name", "a new person needs a name"));
    CHECK(s.problems.count() == 1);
}
