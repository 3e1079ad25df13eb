#include <catch2/catch.hpp>

#include "../fixture.hpp"
#include "orgplan/storage/change_log.hpp"

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("the change log keeps each write with its command, user, time and records, newest first") {
    Database db(":memory:");
    record_change(db, "config set ratio.threshold", {{"ratio.threshold", "8"}});
    record_change(db, "import", {{"people", 12}});
    const auto entries = load_change_log(db, 10);
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].command == "import");
    CHECK(entries[0].records["people"] == 12);
    CHECK(entries[1].records["ratio.threshold"] == "8");
    CHECK(entries[0].id > entries[1].id);
    CHECK(entries[0].user == current_user());
    CHECK(entries[0].at.size() >= 19); // YYYY-MM-DDTHH:MM:SS
    CHECK(load_change_log(db, 1).size() == 1);
}

TEST_CASE("the change log of one command lists only its entries, newest first") {
    Database db(":memory:");
    record_change(db, "serve edit person p1", {{"fields", {{"fte", 0.5}}}});
    record_change(db, "serve edit person p2", {{"fields", {{"fte", 1}}}});
    record_change(db, "serve edit person p1", {{"fields", {{"fte", 0.8}}}});
    const auto p1 = load_change_log(db, 10, "serve edit person p1");
    REQUIRE(p1.size() == 2);
    CHECK(p1[0].records["fields"]["fte"] == 0.8);
    CHECK(p1[1].records["fields"]["fte"] == 0.5);
    CHECK(load_change_log(db, 1, "serve edit person p1").size() == 1);
    CHECK(load_change_log(db, 10, "serve edit person p").empty()); // the whole command, not a prefix
    CHECK(load_change_log(db, 10).size() == 3);
}
