#include <catch2/catch.hpp>

#include "import/check_records.hpp"
#include "import_fixture.hpp"

using namespace orgplan;
using namespace orgplan::importing;
using orgplan::importing::test::Sheet;

TEST_CASE("check records: duplicate ids, unknown references and incomplete new records are reported") {
    Sheet s;
    IncomingRecords in;
    in.products.add({"p1", "P1", ProductStatus::active, "seg-x"}, s.line(2));
    in.products.add({"p1", "P1 again", ProductStatus::active, ""}, s.line(3));
    in.teams.add({"t1", "T1", "", "p1", "", ""}, s.line(4));
    in.teams.add({"t2", "", "", "p-broken", "", ""}, s.line(5), 0); // no columns: a new team without a name
    in.teams.add({"t-stored", "", "", "", "", ""}, s.line(6), 0);   // an update of a stored team needs none
    in.broken_ids["products"] = {"p-broken"};
    Org stored;
    stored.teams.push_back({"t-stored", "Stored", "", "", "", ""});

    const auto ids = check_records(in, stored, s.problems);
    CHECK(s.reported(3, "id", "duplicate product id 'p1' (first at org.csv:2)"));
    CHECK(s.reported(2, "segment", "unknown segment 'seg-x'"));
    CHECK(s.reported(5, "name", "is missing: a new team needs a name"));
    CHECK(s.problems.count() == 3); // p-broken exists (its record failed): not reported again
    CHECK(ids.teams.has("t-stored"));
    CHECK(ids.products.has("p-broken"));
    CHECK(&ids.of(TargetKind::product) == &ids.products);
    CHECK(&ids.of(TargetKind::account) == &ids.accounts);
}

TEST_CASE("check currency: only a currency other than the org's is refused") {
    Sheet s;
    IncomingRecords in;
    check_currency(in, "EUR", s.problems);
    in.currency = "EUR";
    in.currency_loc = s.line(7);
    check_currency(in, "", s.problems);
    check_currency(in, "EUR", s.problems);
    CHECK_FALSE(s.problems.any());
    check_currency(in, "USD", s.problems);
    CHECK(s.reported(7, "currency", "'EUR' differs from the org's currency, USD"));
}
