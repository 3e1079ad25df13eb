#include <catch2/catch.hpp>

#include "../fixture.hpp"
#include "orgplan/storage/task_force_store.hpp"

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("task forces are saved by name with their seats, working group first, and deleted one or all") {
    Database db(":memory:");
    import_paths(db, {fixture("ratios")});
    StoredTaskForce pricing;
    pricing.task_force = {"pricing", "new tiers", {{"pm2", true, "review"}, {"pm1", false, "owns billing"}}};
    pricing.products = {"p1"};
    save_task_force(db, pricing);
    pricing.task_force.topic = "new tiers, again";
    save_task_force(db, pricing); // replaces
    save_task_force(db, {{"other", "", {{"pm1", false, ""}}}, {}, {}, ""});
    auto stored = load_task_forces(db);
    REQUIRE(stored.size() == 2);
    CHECK(stored[1].task_force.name == "pricing");
    CHECK(stored[1].task_force.topic == "new tiers, again");
    REQUIRE(stored[1].task_force.seats.size() == 2);
    CHECK_FALSE(stored[1].task_force.seats[0].review);
    CHECK(stored[1].task_force.seats[0].person_id == "pm1");
    CHECK(stored[1].products == std::vector<std::string>{"p1"});
    CHECK_FALSE(stored[1].created.empty());
    CHECK(delete_task_force(db, "other"));
    CHECK_FALSE(delete_task_force(db, "other"));
    delete_all_task_forces(db);
    CHECK(load_task_forces(db).empty());
    CHECK(count(db, "task_force_seat") == 0);
}
