#include <catch2/catch.hpp>

#include "../fixture.hpp"
#include <nlohmann/json.hpp>

#include "orgplan/base/error.hpp"
#include "orgplan/storage/person_data.hpp"
#include "orgplan/storage/scenario_store.hpp"
#include "orgplan/storage/write_transaction.hpp"

using namespace orgplan;
using namespace orgplan::test;

namespace {

// Someone of the ratio fixture with reports: the first person some other person reports to.
std::string a_manager(Database& db) {
    return db.sql().execAndGet("SELECT manager_id FROM person WHERE manager_id IS NOT NULL LIMIT 1").getString();
}

} // namespace

TEST_CASE("person data: an export holds the person and who reports to them, an unknown id is refused") {
    Database db(":memory:");
    import_paths(db, {fixture("ratios")});
    const auto id = a_manager(db);
    const auto data = export_person(db, id);
    CHECK(data["id"] == id);
    CHECK(data["org"]["person"]["id"] == id);
    const auto reports = db.sql().execAndGet("SELECT count(*) FROM person WHERE manager_id = '" + id + "'").getInt();
    CHECK(reports > 0);
    CHECK(data["org"]["direct_reports"].size() == static_cast<std::size_t>(reports));
    CHECK(data["scenarios"].empty());
    CHECK_THROWS_AS(export_person(db, "nobody-here"), Error);
}

TEST_CASE("person data: erasing a person removes them, moves their reports up and says what it did") {
    Database db(":memory:");
    import_paths(db, {fixture("ratios")});
    const auto id = a_manager(db);
    const auto their_manager =
        db.sql().execAndGet("SELECT coalesce(manager_id, '') FROM person WHERE id = '" + id + "'").getString();
    const auto reports = db.sql().execAndGet("SELECT count(*) FROM person WHERE manager_id = '" + id + "'").getInt();
    WriteTransaction tx(db);
    const auto summary = erase_person(db, id);
    tx.commit();
    CHECK(summary.in_org);
    CHECK(summary.reports_moved == reports);
    CHECK(db.sql().execAndGet("SELECT count(*) FROM person WHERE id = '" + id + "'").getInt() == 0);
    CHECK(db.sql().execAndGet("SELECT count(*) FROM person WHERE manager_id = '" + id + "'").getInt() == 0);
    const auto now_under = their_manager.empty()
                               ? "manager_id IS NULL"
                               : "manager_id = '" + their_manager + "'";
    CHECK(db.sql().execAndGet("SELECT count(*) FROM person WHERE " + now_under).getInt() >= reports);
    CHECK_THROWS_AS(erase_person(db, id), Error); // known nowhere any more
}

TEST_CASE("person data: erasing someone a scenario's base had takes them out of its base and export") {
    Database db(":memory:");
    import_paths(db, {fixture("ratios")});
    const auto id = a_manager(db);
    create_scenario(db, "s", kCurrentScenario);
    db.sql().exec("UPDATE person SET fte = 0.5 WHERE id = '" + id + "'"); // the base keeps their row as it was
    CHECK(export_person(db, id)["scenarios"][0]["base_records"]["person"]["fte"] == 1.0);
    WriteTransaction tx(db);
    const auto summary = erase_person(db, id);
    tx.commit();
    CHECK(summary.scenarios == 1);
    const auto s = load_scenario(db, "s");
    CHECK(s.base);
    for (const auto* org : {&s.org, s.base.get()})
        for (const auto& p : org->people) {
            CHECK(p.id != id);
            CHECK(p.manager_id != id);
        }
    CHECK(db.sql().execAndGet("SELECT count(*) FROM base_person WHERE id = '" + id + "' OR manager_id = '" + id + "'")
              .getInt() == 0);
    CHECK_THROWS_AS(export_person(db, id), Error);
}
