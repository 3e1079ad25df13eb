#include <catch2/catch.hpp>

#include "../fixture.hpp"
#include "orgplan/planning/scenario.hpp"
#include "orgplan/planning/scenario_merge.hpp"
#include "orgplan/storage/scenario_store.hpp"
#include "orgplan/storage/write_transaction.hpp"

using namespace orgplan;
using namespace orgplan::test;

namespace {

// A PM of the ratio fixture and a team they do not cover.
struct Move {
    std::string pm, team;
};

Move a_move(Database& db) {
    const auto pm = db.sql().execAndGet("SELECT pm_id FROM pm_assignment WHERE target_kind = 'team' ORDER BY pm_id LIMIT 1");
    const std::string id = pm.getString();
    const auto team = db.sql().execAndGet("SELECT id FROM team WHERE id NOT IN (SELECT target_id FROM pm_assignment "
                                          "WHERE pm_id = '" + id + "') ORDER BY id LIMIT 1");
    return {id, team.getString()};
}

std::string pm_targets(Database& db, const std::string& pm) {
    SQLite::Statement q(db.sql(), "SELECT group_concat(target_id) FROM pm_assignment WHERE pm_id = ?1");
    q.bind(1, pm);
    q.executeStep();
    return q.getColumn(0).isNull() ? "" : q.getColumn(0).getString();
}

// Scenario "s" of the live org with the PM moved; `meanwhile` runs in the same commit, after the scenario is saved.
template <typename Meanwhile>
void scenario_moving(Database& db, const Move& move, Meanwhile meanwhile) {
    WriteTransaction tx(db);
    create_scenario(db, "s", kCurrentScenario);
    auto s = load_scenario(db, "s");
    move_pm(s, move.pm, TargetKind::team, move.team, 1.0);
    save_scenario(db, s);
    meanwhile();
    tx.commit();
}

} // namespace

TEST_CASE("a scenario merge writes what the scenario changed and marks it merged") {
    Database db(":memory:");
    import_paths(db, {fixture("ratios")});
    const auto move = a_move(db);
    scenario_moving(db, move, [] {});
    CHECK(pm_targets(db, move.pm) != move.team);
    WriteTransaction tx(db);
    const auto summary = merge_scenario(db, "s", MergeResolve::refuse);
    tx.commit();
    CHECK(summary.written >= 1);
    CHECK(summary.conflicts == 0);
    CHECK(pm_targets(db, move.pm) == move.team);
    WriteTransaction again(db);
    CHECK_THROWS_WITH(merge_scenario(db, "s", MergeResolve::refuse), Catch::Contains("was merged at"));
}

TEST_CASE("a record both sides changed is a conflict, refused unless a side is chosen") {
    Database db(":memory:");
    import_paths(db, {fixture("ratios")});
    const auto move = a_move(db);
    scenario_moving(db, move, [&] { // meanwhile the org halves the same PM's shares
        db.sql().exec("UPDATE pm_assignment SET share = share * 0.5 WHERE pm_id = '" + move.pm + "'");
    });
    {
        WriteTransaction tx(db);
        try {
            merge_scenario(db, "s", MergeResolve::refuse);
            FAIL("the merge was expected to be refused");
        } catch (const MergeConflicts& e) {
            REQUIRE(e.conflicts().size() == 1);
            CHECK(e.conflicts()[0].id == move.pm);
        }
    }
    const auto before = pm_targets(db, move.pm);
    WriteTransaction tx(db);
    const auto summary = merge_scenario(db, "s", MergeResolve::ours);
    tx.commit();
    CHECK(summary.conflicts == 1);
    CHECK(pm_targets(db, move.pm) == before); // the org's side stayed
}
