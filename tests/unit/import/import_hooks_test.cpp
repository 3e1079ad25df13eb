#include <catch2/catch.hpp>

#include "../fixture.hpp"
#include "orgplan/model/org_records.hpp"
#include "orgplan/storage/change_log.hpp"
#include "orgplan/storage/org_store.hpp"

using namespace orgplan;
using namespace orgplan::test;

namespace {
double fte_of(Database& db, const std::string& id) {
    SQLite::Statement q(db.sql(), "SELECT fte FROM person WHERE id = ?1");
    q.bind(1, id);
    REQUIRE(q.executeStep());
    return q.getColumn(0).getDouble();
}
} // namespace

TEST_CASE("an import's precondition refuses it inside the write lock, before anything is written") {
    auto db = fixture_database();
    const auto file = write_temp("people.json", R"([{"id": "m1", "fte": "0.5"}])");
    ImportOptions options;
    bool asked = false;
    options.precondition = [&](Database& db) {
        asked = true;
        CHECK(db.sql().execAndGet("SELECT fte FROM person WHERE id = 'm1'").getDouble() == 1.0);
        throw Error("changed since");
    };
    CHECK_THROWS_WITH(import_paths(db, {file}, options), "changed since");
    CHECK(asked);
    CHECK(fte_of(db, "m1") == 1.0);
}

TEST_CASE("a look before the commit sees the import written and may roll it all back") {
    auto db = fixture_database();
    const auto file = write_temp("people.json", R"([{"id": "m1", "fte": "0.5"}, {"id": "new1", "name": "New One"}])");
    ImportOptions options;
    Org before;
    std::vector<GroupDifference> difference;
    options.precondition = [&](Database& db) { before = load_org(db); };
    options.before_commit = [&](Database& db) {
        difference = org_difference(before, load_org(db));
        return false;
    };
    const auto entries = load_change_log(db, 100).size();
    const auto summary = import_paths(db, {file}, options);
    CHECK_FALSE(summary.written);
    CHECK(fte_of(db, "m1") == 1.0);
    CHECK(load_change_log(db, 100).size() == entries);
    REQUIRE(difference.size() == 1);
    CHECK(difference[0].group == "people");
    CHECK(difference[0].created == std::vector<std::string>{"new1"});
    CHECK(difference[0].changed == std::vector<std::string>{"m1"});
    CHECK(difference[0].removed.empty());

    options.before_commit = [](Database&) { return true; };
    options.log_user = "hana";
    options.log_command = "serve edit";
    options.log_facts = {{"fields", {{"fte", {{"old", 1}, {"new", 0.5}}}}}};
    CHECK(import_paths(db, {file}, options).written);
    CHECK(fte_of(db, "m1") == 0.5);
    const auto log = load_change_log(db, 1);
    CHECK(log[0].user == "hana");
    CHECK(log[0].command == "serve edit");
    CHECK(log[0].records["fields"]["fte"]["new"] == 0.5);
    CHECK(log[0].records["people"] == 2);
}
