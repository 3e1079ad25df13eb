#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "storage/people_rows.hpp"

using namespace orgplan;

namespace {

const std::string kColumns = "SELECT id, name, email, title, family, level, pm_years, origin, manager_id, location, "
                             "fte, cost, coaching_hours, unit, cost_center, function FROM p ORDER BY id";

// `n` people whose every column says which row it is; every seventh has no pm_years, cost or coaching hours.
Database people_db(int n) {
    Database db(":memory:");
    db.sql().exec("CREATE TABLE p(id TEXT PRIMARY KEY, name, email, title, family, level, pm_years, origin, manager_id, "
                  "location, fte, cost, coaching_hours, unit, cost_center, function)");
    db.sql().exec("WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < " + std::to_string(n) +
                  ") INSERT INTO p SELECT printf('P%07d', i), 'Name ' || i, 'p' || i || '@example.com', "
                  "'Senior Software Engineer ' || (i % 13), CASE WHEN i % 10 = 0 THEN 'pm' ELSE 'maker' END, "
                  "'L' || (i % 5), CASE WHEN i % 7 THEN i % 11 END, CASE WHEN i % 3 = 0 THEN 'newcomer' END, "
                  "CASE WHEN i > 1 THEN printf('P%07d', i / 2) END, 'Berlin', 0.5 + (i % 2) / 2.0, "
                  "CASE WHEN i % 7 THEN 1000 * i END, CASE WHEN i % 7 THEN i % 4 END, 'U' || (i % 9), 'CC' || (i % 4), "
                  "'engineering' FROM k");
    return db;
}

void check_row(const Person& p, int i) {
    INFO("row " << i);
    CHECK(p.name == "Name " + std::to_string(i));
    CHECK(p.email == "p" + std::to_string(i) + "@example.com");
    CHECK(p.title == "Senior Software Engineer " + std::to_string(i % 13));
    CHECK(p.family == (i % 10 == 0 ? Family::pm : Family::maker));
    CHECK(p.level == "L" + std::to_string(i % 5));
    CHECK(p.origin == (i % 3 == 0 ? Origin::newcomer : Origin::unknown));
    CHECK(p.location == "Berlin");
    CHECK(p.fte == (i % 2 ? 1.0 : 0.5));
    CHECK(p.unit == "U" + std::to_string(i % 9));
    CHECK(p.cost_center == "CC" + std::to_string(i % 4));
    CHECK(p.function == "engineering");
    if (i % 7) {
        CHECK(p.pm_years == i % 11);
        CHECK(p.cost == 1000.0 * i);
        CHECK(p.coaching_hours == i % 4);
    } else {
        CHECK_FALSE(p.pm_years);
        CHECK_FALSE(p.cost);
        CHECK_FALSE(p.coaching_hours);
    }
    CHECK(p.manager_id.empty() == (i == 1));
}

} // namespace

TEST_CASE("people rows: every column of every row, in order, on one thread or with a helper") {
    auto db = people_db(60000);
    std::vector<Person> alone, helped;
    read_people(db, kColumns, 10, alone);          // few expected: one thread
    read_people(db, kColumns, 60000, helped);      // many: a helper makes the people
    REQUIRE(alone.size() == 60000);
    REQUIRE(helped.size() == 60000);
    for (std::size_t k = 0; k < alone.size(); ++k) {
        if (alone[k].id != helped[k].id || alone[k].name != helped[k].name || alone[k].cost != helped[k].cost ||
            alone[k].manager_id != helped[k].manager_id || alone[k].title != helped[k].title) {
            FAIL("row " << k << " differs: " << alone[k].id << " vs " << helped[k].id);
        }
    }
    for (const int i : {1, 2, 7, 10, 14, 8191, 8192, 8193, 30000, 59999, 60000}) check_row(helped[i - 1], i);
    CHECK(helped[59999].id == "P0060000");
    CHECK(helped[59999].manager_id == "P0030000");
}

TEST_CASE("people rows: appended after what the list holds, and an empty table adds nothing") {
    auto db = people_db(3);
    std::vector<Person> people(1);
    people[0].id = "kept";
    read_people(db, kColumns, 100000, people);
    REQUIRE(people.size() == 4);
    CHECK(people[0].id == "kept");
    check_row(people[3], 3);
    std::vector<Person> none;
    read_people(db, kColumns + " LIMIT 0", 100000, none);
    CHECK(none.empty());
}

TEST_CASE("people rows: a failing query is an error, whether or not a helper runs") {
    auto db = people_db(60000);
    std::vector<Person> people;
    CHECK_THROWS(read_people(db, "SELECT nothing FROM p", 100000, people));
    CHECK_THROWS(read_people(db, "SELECT nothing FROM p", 1, people));
    // A row that fails once batches are on their way to the helper: the helper is stopped and the error comes back.
    auto failing = kColumns;
    failing.replace(failing.find("SELECT id"), 9, "SELECT CASE WHEN id = 'P0055000' THEN json('{') ELSE id END");
    CHECK_THROWS_WITH(read_people(db, failing, 60000, people), Catch::Contains("JSON"));
}
