#include <catch2/catch.hpp>

#include "orgplan/base/error.hpp"
#include "orgplan/analysis/spans.hpp"

using namespace orgplan;

namespace {
std::vector<ReportingLine> lines(std::initializer_list<std::pair<const char*, const char*>> id_manager) {
    std::vector<ReportingLine> out;
    for (const auto& [id, manager] : id_manager) out.push_back({id, id, manager, "", Family::maker});
    return out;
}
} // namespace

TEST_CASE("the reporting tree gives layers, direct and total reports") {
    // a > b > d, a > c > e > f; g alone; h's manager is not in the list (a top).
    const auto people = lines({{"a", ""}, {"b", "a"}, {"c", "a"}, {"d", "b"}, {"e", "c"}, {"f", "e"}, {"g", ""},
                               {"h", "nobody"}});
    const auto t = sdk::reporting_tree(people);
    CHECK(t.layer == std::vector<std::uint32_t>{1, 2, 2, 3, 3, 4, 1, 1});
    CHECK(t.directs == std::vector<std::uint32_t>{2, 1, 1, 0, 1, 0, 0, 0});
    CHECK(t.reports == std::vector<std::uint32_t>{5, 1, 2, 0, 1, 0, 0, 0});
    CHECK(t.manager[0] == sdk::ReportingTree::kTop);
    CHECK(t.manager[3] == 1);
    CHECK(t.layers == 4);
}

TEST_CASE("a reporting cycle in hand-made data is cut instead of looping") {
    const auto people = lines({{"a", "c"}, {"b", "a"}, {"c", "b"}, {"d", "a"}});
    const auto t = sdk::reporting_tree(people);
    // The walk from a closes on a: a becomes a top, b and c hang below it, d too.
    CHECK(t.manager[0] == sdk::ReportingTree::kTop);
    CHECK(t.layer == std::vector<std::uint32_t>{1, 2, 3, 2});
    CHECK(t.reports[0] == 3);
}

TEST_CASE("span bands follow the settings and refuse bounds that do not increase") {
    Settings s;
    const SpanBands bands(s);
    CHECK(bands.label(0) == "1");
    CHECK(bands.label(1) == "2-3");
    CHECK(bands.label(3) == "8-12");
    CHECK(bands.label(5) == "17+");
    CHECK(bands.band_of(1) == 0);
    CHECK(bands.band_of(8) == SpanBands::kTarget);
    CHECK(bands.band_of(12) == SpanBands::kTarget);
    CHECK(bands.band_of(13) == 4);
    CHECK(bands.band_of(400) == 5);
    s.set("spans.band_3", 2);
    CHECK_THROWS_WITH(SpanBands(s), Catch::Contains("setting spans.band_3 (2) must be above spans.band_2 (3)"));
}

TEST_CASE("span groups count managers, managers of one, layers and the median span per key") {
    // top (3 directs: m1, m2, x); m1 (1 direct); m2 (4 directs); units: top and m1 in "hq", the rest in "eng".
    auto people = lines({{"top", ""}, {"m1", "top"}, {"m2", "top"}, {"x", "top"}, {"a", "m1"}, {"b", "m2"},
                         {"c", "m2"}, {"d", "m2"}, {"e", "m2"}});
    people[0].unit = people[1].unit = "hq";
    for (std::size_t i = 2; i < people.size(); ++i) people[i].unit = "eng";
    const auto tree = sdk::reporting_tree(people);
    const SpanBands bands{Settings{}};
    const auto org = span_summary(tree, bands);
    CHECK(org.people == 9);
    CHECK(org.managers == 3);
    CHECK(org.managers_of_one == 1);
    CHECK(org.layers == 3);
    CHECK(org.median_span == 3);
    CHECK(org.mean_span == Approx(8.0 / 3));
    CHECK(org.band_managers[0] == 1); // m1
    CHECK(org.band_managers[1] == 1); // top, 3
    CHECK(org.band_managers[2] == 1); // m2, 4
    const auto units = span_groups(tree, bands, [&](std::size_t i) { return people[i].unit; });
    REQUIRE(units.size() == 2);
    CHECK(units[0].key == "eng");
    CHECK(units[0].people == 7);
    CHECK(units[0].managers == 1);
    CHECK(units[0].top_layer == 2);
    CHECK(units[0].bottom_layer == 3);
    CHECK(units[0].layers == 2);
    CHECK(units[1].key == "hq");
    CHECK(units[1].median_span == 2); // top 3 and m1 1
}
