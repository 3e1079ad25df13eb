#include <catch2/catch.hpp>

#include "../fixture.hpp"
#include "orgplan/model/org_json.hpp"
#include "orgplan/planning/scenario.hpp"
#include "orgplan/storage/scenario_base.hpp"
#include "orgplan/storage/scenario_store.hpp"

using namespace orgplan;
using namespace orgplan::test;

namespace {

bool has_table(Database& db, const std::string& name) { return db.sql().tableExists(name); }

long long triggers(Database& db) {
    return db.sql().execAndGet("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'").getInt64();
}

long long base_of(Database& db, const std::string& scenario) {
    SQLite::Statement q(db.sql(), "SELECT base_id FROM scenario WHERE name = ?1");
    q.bind(1, scenario);
    REQUIRE(q.executeStep());
    return q.getColumn(0).getInt64();
}

void set_fte(Database& db, const std::string& id, double fte) {
    SQLite::Statement q(db.sql(), "UPDATE person SET fte = ?2 WHERE id = ?1");
    q.bind(1, id);
    q.bind(2, fte);
    REQUIRE(q.exec() == 1);
}

nlohmann::json org_of(const Org& org) {
    auto j = to_json(org);
    j.erase("interrupts");
    j.erase("task_forces");
    return j;
}

} // namespace

TEST_CASE("a scenario of the live org copies nothing, and the base keeps each row the org writes over") {
    auto db = fixture_database();
    CHECK_FALSE(has_table(db, "base_person"));
    CHECK(triggers(db) == 0); // an org without scenarios writes without them
    const auto before = org_of(load_org(db));
    create_scenario(db, "s", kCurrentScenario);
    CHECK(db.sql().execAndGet("SELECT org_json || delta FROM scenario").getString() == "{}");
    const auto base = base_of(db, "s");
    CHECK(base_is_live(db, base));
    CHECK(triggers(db) == 33);
    CHECK(count(db, "base_person") == 0);

    set_fte(db, "m1", 0.5);
    db.sql().exec("DELETE FROM membership WHERE person_id = 'm2'");
    db.sql().exec("INSERT INTO team(id, name) VALUES('new-team', 'New')");
    // An upsert's own conflict clause overrides its triggers': writing the same row twice still keeps the first.
    for (const char* name : {"x", "y"})
        db.sql().exec(std::string("INSERT INTO team(id, name) VALUES('A', '") + name +
                      "') ON CONFLICT(id) DO UPDATE SET name = excluded.name");
    CHECK_FALSE(base_is_live(db, base));
    CHECK(count(db, "base_person") == 1);
    CHECK(org_of(load_base_org(db, base)) == before);
    CHECK(org_of(load_org(db)) != before); // the views are gone: the live org reads as it is
    const auto s = load_scenario(db, "s");
    CHECK(org_of(s.org) == before);
}

TEST_CASE("bases share while nothing is written, and an older base sees its org through newer ones") {
    auto db = fixture_database();
    const auto original = org_of(load_org(db));
    create_scenario(db, "a", kCurrentScenario);
    create_scenario(db, "a2", kCurrentScenario);
    CHECK(base_of(db, "a") == base_of(db, "a2"));
    set_fte(db, "m1", 0.5);
    const auto after_one = org_of(load_org(db));
    create_scenario(db, "b", kCurrentScenario);
    CHECK(base_of(db, "b") > base_of(db, "a"));
    set_fte(db, "m1", 0.25);
    set_fte(db, "m2", 0.25);
    CHECK(org_of(load_base_org(db, base_of(db, "a"))) == original);
    CHECK(org_of(load_base_org(db, base_of(db, "b"))) == after_one);

    SECTION("the newer base released, the older keeps its org") {
        delete_scenario(db, "b");
        CHECK(db.sql().execAndGet("SELECT count(*) FROM scenario_base").getInt() == 1);
        CHECK(org_of(load_base_org(db, base_of(db, "a"))) == original);
        set_fte(db, "m3", 0.25); // kept for the base left
        CHECK(org_of(load_base_org(db, base_of(db, "a"))) == original);
    }
    SECTION("the older base released, the newer keeps its org") {
        delete_scenario(db, "a");
        CHECK(triggers(db) == 33); // a2 still stands on it
        delete_scenario(db, "a2");
        CHECK(org_of(load_base_org(db, base_of(db, "b"))) == after_one);
        delete_scenario(db, "b");
        CHECK(triggers(db) == 0); // no base left: nothing is kept any more
        CHECK_FALSE(has_table(db, "base_person"));
        CHECK(count(db, "scenario_base") == 0);
    }
}

TEST_CASE("settings changed since the newest base make a new base") {
    auto db = fixture_database();
    create_scenario(db, "a", kCurrentScenario);
    db.sql().exec("INSERT INTO setting(key, value) VALUES('ratio.threshold', '7') ON CONFLICT(key) DO UPDATE SET value = '7'");
    create_scenario(db, "b", kCurrentScenario);
    CHECK(base_of(db, "b") != base_of(db, "a"));
    CHECK(nlohmann::json::parse(scenario_base_settings(db, base_of(db, "b"))).at("ratio.threshold") == 7.0);
    CHECK_THROWS_AS(scenario_base_settings(db, 999), Error);
}

TEST_CASE("a scenario stores only the records it changes, and reads back as it was saved") {
    auto db = fixture_database();
    create_scenario(db, "s", kCurrentScenario);
    auto s = load_scenario(db, "s");
    orgplan::set_fte(s, "m1", 0.5);
    open_role(s, "A", Family::pm, 1.0, "2027-Q1");
    save_scenario(db, s);
    const auto delta = nlohmann::json::parse(db.sql().execAndGet("SELECT delta FROM scenario").getString());
    CHECK(delta.size() == 2);
    CHECK(delta.at("people").size() == 1);
    CHECK(delta.at("people")[0].at("record").at("fte") == 0.5);
    CHECK(delta.at("positions").size() == 1);
    CHECK(org_of(load_scenario(db, "s").org) == org_of(s.org));
    // A copy keeps the base and the changes.
    create_scenario(db, "copy", "s");
    CHECK(base_of(db, "copy") == base_of(db, "s"));
    CHECK(org_of(load_scenario(db, "copy").org) == org_of(s.org));
}

TEST_CASE("a scenario stored whole by an older version reads and saves whole") {
    auto db = fixture_database();
    auto org = load_org(db);
    org.people[0].fte = 0.5;
    SQLite::Statement q(db.sql(), "INSERT INTO scenario(name, org_json) VALUES('old', ?1)");
    q.bind(1, to_json(org).dump());
    q.exec();
    auto s = load_scenario(db, "old");
    CHECK_FALSE(s.base);
    CHECK(s.org.people[0].fte == 0.5);
    orgplan::set_fte(s, s.org.people[1].id, 0.5);
    save_scenario(db, s);
    CHECK(db.sql().execAndGet("SELECT delta IS NULL AND length(org_json) > 100 FROM scenario").getInt() == 1);
    CHECK(load_scenario(db, "old").org.people[1].fte == 0.5);
    CHECK_THROWS_WITH(load_scenario_start(db, "old"), Catch::Contains("stored before orgplan kept the org"));
}

TEST_CASE("a reader loads a base that differs from the org, and still writes nothing") {
    TempPath tmp("base-reader.db");
    {
        Database db(tmp.path);
        import_paths(db, {fixture("ratios")});
        create_scenario(db, "s", kCurrentScenario);
        set_fte(db, "m1", 0.5);
    }
    Database reader(tmp.path, Database::Open::read);
    const auto s = load_scenario(reader, "s");
    for (const auto& p : s.org.people)
        if (p.id == "m1") CHECK(p.fte == 1.0);
    CHECK(reader.sql().execAndGet("PRAGMA query_only").getInt() == 1);
    CHECK_THROWS(reader.sql().exec("UPDATE person SET fte = 1 WHERE id = 'm1'"));
}

TEST_CASE("erasing a person takes their rows out of the bases, and their reports' rows name their manager") {
    auto db = fixture_database();
    create_scenario(db, "s", kCurrentScenario);
    db.sql().exec("UPDATE person SET manager_id = 'L2' WHERE manager_id = 'L1'"); // kept: they reported to L1
    db.sql().exec("DELETE FROM pm_assignment WHERE pm_id IN (SELECT id FROM person WHERE manager_id = 'L1')");
    db.sql().exec("UPDATE person SET manager_id = NULL WHERE id = 'L1'");
    CHECK(db.sql().execAndGet("SELECT count(*) FROM base_person WHERE manager_id = 'L1'").getInt() > 0);
    CHECK(erase_from_bases(db, "L1", "L2") == base_of(db, "s"));
    CHECK(db.sql().execAndGet("SELECT count(*) FROM base_person WHERE id = 'L1' OR manager_id = 'L1'").getInt() == 0);
    CHECK(db.sql().execAndGet("SELECT count(*) FROM base_person WHERE manager_id = 'L2'").getInt() > 0);
    CHECK(erase_from_bases(db, "nobody", "") == 0);
}

TEST_CASE("an import over the org keeps the whole org for a base") {
    auto db = fixture_database();
    const auto before = org_of(load_org(db));
    create_scenario(db, "s", kCurrentScenario);
    ImportOptions replace;
    replace.replace = true;
    import_paths(db, {fixture("gaps")}, replace); // the rows kept in one go, the triggers set aside and back
    CHECK(org_of(load_org(db)) != before);
    CHECK(org_of(load_base_org(db, base_of(db, "s"))) == before);
    CHECK(triggers(db) == 33);
    db.sql().exec("INSERT INTO team(id, name) VALUES('later', 'Later')"); // kept again, row by row
    CHECK(org_of(load_base_org(db, base_of(db, "s"))) == before);
    CHECK(db.sql().execAndGet("SELECT _present FROM base_team WHERE id = 'later'").getInt() == 0);
}

TEST_CASE("two scenarios compared read the live org once, and as it is after a write") {
    auto db = fixture_database();
    create_scenario(db, "s", kCurrentScenario);
    auto s = load_scenario(db, "s");
    orgplan::set_fte(s, "m1", 0.5);
    save_scenario(db, s);
    const auto check_pair = [&](const std::string& a, const std::string& b) {
        const auto [first, second] = load_scenario_pair(db, a, b);
        CHECK(first.name == a);
        CHECK(second.name == b);
        CHECK(org_of(first.org) == org_of(load_scenario(db, a).org));
        CHECK(org_of(second.org) == org_of(load_scenario(db, b).org));
        CHECK(first.settings.get("ratio.threshold") == load_scenario(db, a).settings.get("ratio.threshold"));
    };
    check_pair(kCurrentScenario, "s");
    check_pair("s", kCurrentScenario);
    set_fte(db, "m2", 0.25); // the base is no longer the live org
    check_pair(kCurrentScenario, "s");
    check_pair("s", kCurrentScenario);
    check_pair(kCurrentScenario, kCurrentScenario);
}

TEST_CASE("rows written again as they were are not kept: an update that changes nothing, an import of the same org") {
    auto db = fixture_database();
    create_scenario(db, "s", kCurrentScenario);
    const auto base = base_of(db, "s");
    db.sql().exec("UPDATE person SET fte = fte"); // changes nothing
    CHECK(count(db, "base_person") == 0);
    CHECK(base_is_live(db, base));

    // Deleted and written again the same (what import --replace does): kept by the triggers, then pruned.
    db.sql().exec("DELETE FROM membership WHERE person_id = 'm1'");
    CHECK(count(db, "base_membership") > 0);
    ImportOptions replace;
    replace.replace = true;
    import_paths(db, {fixture("ratios")}, replace);
    CHECK(count(db, "base_person") == 0);
    CHECK(count(db, "base_membership") == 0);
    CHECK(base_is_live(db, base));

    // A row changed and changed back is pruned; one still changed stays, as does what an older base needs.
    set_fte(db, "m1", 0.5);
    create_scenario(db, "newer", kCurrentScenario);
    set_fte(db, "m1", 1.0); // back to what base `s` had, but `newer` had 0.5
    prune_kept_rows(db);
    CHECK(org_of(load_base_org(db, base_of(db, "newer"))) != org_of(load_org(db)));
    for (const auto& p : load_base_org(db, base_of(db, "newer")).people)
        if (p.id == "m1") CHECK(p.fte == 0.5);
    for (const auto& p : load_base_org(db, base).people)
        if (p.id == "m1") CHECK(p.fte == 1.0);
}
