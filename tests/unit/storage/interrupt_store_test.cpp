#include <catch2/catch.hpp>

#include "../fixture.hpp"
#include "../org_builder.hpp"
#include "orgplan/storage/interrupt_store.hpp"

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("interrupts are kept by key: the same log twice once, two identical calls on a day twice") {
    Database db(":memory:");
    import_paths(db, {fixture("ratios")});
    const auto call = interrupt("2026-11-02", "", "pm1", "", "", 1.5, InterruptKind::customer_call);
    auto outside = call;
    outside.requester_name = "Dana";
    outside.requester_function = "customer";
    CHECK(interrupt_key("T-1", outside, 0) == interrupt_key("T-1", call, 3)); // an id decides alone
    CHECK(interrupt_key("", outside, 0) != interrupt_key("", outside, 1));
    for (int pass = 0; pass < 2; ++pass) {
        InterruptWriter writer(db);
        writer.put(interrupt_key("", outside, 0), outside);
        writer.put(interrupt_key("", outside, 1), outside);
        auto earlier = outside;
        earlier.date = "2026-10-30";
        writer.put(interrupt_key("", earlier, 0), earlier);
    }
    const auto stored = load_interrupts(db);
    REQUIRE(stored.size() == 3);
    CHECK(stored[0].date == "2026-10-30"); // ordered by date
    CHECK(stored[1].hours == 1.5);
    CHECK(stored[1].kind == InterruptKind::customer_call);
    CHECK(stored[1].requester_name == "Dana");
    InterruptWriter(db).clear();
    CHECK(load_interrupts(db).empty());
}
