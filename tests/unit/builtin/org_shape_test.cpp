#include <catch2/catch.hpp>

#include "../builtin_plugins.hpp"

using namespace orgplan;
using namespace orgplan::test;

TEST_CASE("narrow-span fires for managers with fewer direct reports than the setting, managers of one worst") {
    OrgBuilder b;
    b.staff("ceo", Family::other).staff("solo", Family::eng_manager, "ceo").staff("pair", Family::eng_manager, "ceo");
    b.staff("wide", Family::eng_manager, "ceo").reports("solo", 1).reports("pair", 2).reports("wide", 3);
    const auto f = run_check("narrow-span", b.org);
    REQUIRE(f.size() == 2);
    CHECK(f[0].subject == "solo");
    CHECK(f[0].severity == sdk::Severity::warning);
    CHECK_THAT(f[0].evidence, Catch::Contains("manages 1 direct report (1 in all), fewer than 3; layer 2"));
    CHECK_THAT(f[0].recommendation, Catch::Contains("under ceo"));
    CHECK(f[1].subject == "pair");
    CHECK(f[1].severity == sdk::Severity::info);
    // With three directs and above, or a lower limit, nothing fires.
    Settings two;
    two.set("spans.narrow_below", 1);
    CHECK(run_check("narrow-span", b.org, two).empty());
}

TEST_CASE("wide-span fires above the setting only") {
    OrgBuilder b;
    b.staff("boss", Family::eng_manager).reports("boss", 16);
    CHECK(run_check("wide-span", b.org).empty());
    b.staff("boss-r17", Family::maker, "boss");
    const auto f = run_check("wide-span", b.org);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subject == "boss");
    CHECK_THAT(f[0].evidence, Catch::Contains("17 direct reports, more than 16"));
    Settings roomy;
    roomy.set("spans.wide_above", 20);
    CHECK(run_check("wide-span", b.org, roomy).empty());
}

TEST_CASE("deep-hierarchy fires for contributors below the allowed layers, naming the chain and its managers of one") {
    // top > m2 > m3 > m4 (one report) > m5 > ic6 (layer 6) and ic7 under m5's own report m6 (layer 7).
    OrgBuilder b;
    b.staff("top", Family::other).staff("m2", Family::eng_manager, "top").staff("m3", Family::eng_manager, "m2");
    b.staff("m4", Family::eng_manager, "m3").staff("m5", Family::eng_manager, "m4");
    b.staff("ic6", Family::maker, "m5").staff("m6", Family::eng_manager, "m5").staff("ic7", Family::maker, "m6");
    const auto by_default = run_check("deep-hierarchy", b.org); // 6 layers allowed: ic7 on layer 7 is too deep
    REQUIRE(by_default.size() == 1);
    CHECK(by_default[0].subject == "m6");
    Settings strict;
    strict.set("spans.max_layers", 5);
    const auto f = run_check("deep-hierarchy", b.org, strict);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subject == "m5");
    CHECK_THAT(f[0].evidence, Catch::Contains("2 individual contributors below m5 sit deeper than layer 5") &&
                                  Catch::Contains("the deepest on layer 7 (m5 > m6 > ic7)"));
    CHECK_THAT(f[0].recommendation, Catch::Contains("managers of one in this chain (m6)"));
    Settings loose;
    loose.set("spans.max_layers", 7);
    CHECK(run_check("deep-hierarchy", b.org, loose).empty());
}

TEST_CASE("product-layers fires when two layers of product leaders sit above PMs, naming the first line") {
    OrgBuilder b;
    b.leader("vp").leader("gpm1", std::nullopt, "vp").leader("gpm2", std::nullopt, "vp");
    b.pm("p1", 5, Origin::external_senior, "gpm1").pm("p2", 5, Origin::external_senior, "gpm2");
    b.leader("flat").pm("p3", 5, Origin::external_senior, "flat");
    const auto f = run_check("product-layers", b.org);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subject == "vp");
    CHECK_THAT(f[0].evidence, Catch::Contains("2 layers of product leaders above its 2 PMs") &&
                                  Catch::Contains("first-line product managers: gpm1, gpm2"));
    Settings deeper;
    deeper.set("spans.max_product_layers", 2);
    CHECK(run_check("product-layers", b.org, deeper).empty());
}

// ---- the portfolio ----------------------------------------------------------------------------------------
