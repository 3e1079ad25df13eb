#include <catch2/catch.hpp>

#include "../fixture.hpp"
#include "orgplan/storage/mentor_pair_store.hpp"

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("saved mentor pairs replace the ones saved before and read back in mentor, novice order") {
    Database db(":memory:");
    import_paths(db, {fixture("ratios")});
    CHECK(load_mentor_pairs(db).empty());
    save_mentor_pairs(db, {{"pm2", "pm1", 1.0}, {"L1", "pm2", 1.0}});
    save_mentor_pairs(db, {{"pm2", "pm1", 1.0}, {"L1", "pm1", 0.5}});
    const auto pairs = load_mentor_pairs(db);
    REQUIRE(pairs.size() == 2);
    CHECK(pairs[0] == std::make_pair(std::string("L1"), std::string("pm1")));
    CHECK(pairs[1] == std::make_pair(std::string("pm2"), std::string("pm1")));
}
