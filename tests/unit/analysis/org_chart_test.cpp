#include <catch2/catch.hpp>

#include "../fixture.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/analysis/org_chart.hpp"
#include "orgplan/output/svg_chart.hpp"

using namespace orgplan;
using namespace orgplan::test;

namespace {

Person person(const std::string& id, const std::string& name, Family family, const std::string& manager = "") {
    Person p;
    p.id = id;
    p.name = name;
    p.family = family;
    p.manager_id = manager;
    return p;
}

// A CEO with 3 VPs, each with 20 reports, and 5 people with no manager and no reports.
Org wide_org() {
    Org org;
    org.people.push_back(person("ceo", "Ceo", Family::other));
    for (int v = 0; v < 3; ++v) {
        const auto vp = "vp" + std::to_string(v);
        org.people.push_back(person(vp, "VP " + std::to_string(v), Family::product_leader, "ceo"));
        for (int r = 0; r < 20; ++r)
            org.people.push_back(person("p" + std::to_string(v) + "-" + std::to_string(r), "Person", Family::maker, vp));
    }
    for (int i = 0; i < 5; ++i) org.people.push_back(person("loose" + std::to_string(i), "Loose", Family::other));
    return org;
}

} // namespace

TEST_CASE("the org chart folds what is beyond the depth, the budget or the directs limit into counted boxes") {
    const auto org = wide_org();
    OrgChartOptions o;
    o.depth = 2;
    auto chart = build_org_chart(org, o);
    CHECK(chart.people == 69);
    CHECK(chart.drawn == 4);                // the CEO and 3 VPs
    CHECK(chart.collapsed == 4);            // one box per VP, one for the people with no manager
    CHECK_THAT(chart.dot, Catch::Contains("20 people\\n20 maker") && Catch::Contains("5 people with no manager"));

    o.depth = 3;
    o.max_directs = 12;
    chart = build_org_chart(org, o);
    CHECK(chart.drawn == 4 + 3 * 12);
    CHECK(occurrences(chart.dot, "8 more\\n8 maker") == 3);

    o.node_budget = 10;
    chart = build_org_chart(org, o);
    CHECK(chart.drawn <= 10);

    o = {};
    o.root = "vp1";
    chart = build_org_chart(org, o);
    CHECK(chart.people == 21);
    CHECK_THAT(chart.dot, !Catch::Contains("Ceo"));
    o.root = "nobody";
    CHECK_THROWS_WITH(build_org_chart(org, o), Catch::Contains("nobody"));
}

TEST_CASE("the org chart renders to SVG in process, with names escaped") {
    auto org = wide_org();
    org.people[0].name = "A \"quoted\" <b>name</b>";
    OrgChartOptions o;
    o.depth = 1;
    const auto svg = render_svg(build_org_chart(org, o).dot);
    CHECK_THAT(svg, Catch::Contains("<svg") && Catch::Contains("&lt;b&gt;name&lt;/b&gt;"));
    CHECK_THAT(svg, !Catch::Contains("<b>name</b>"));
}

TEST_CASE("bar charts draw one mark per bar up to the limit, hatch bars without a value and escape labels") {
    std::vector<Bar> bars;
    for (int i = 0; i < 50; ++i) bars.push_back({"team " + std::to_string(i), i % 10 == 0 ? std::nullopt : std::optional<double>(i), "ok", ""});
    bars[1].label = "<script>x</script>";
    BarChartOptions o;
    o.most = 40;
    o.reference = 10;
    const auto svg = bar_chart(bars, o);
    CHECK(occurrences(svg, "<rect class=\"bar ") == 40);
    CHECK(occurrences(svg, "url(#hatch)") == 4);
    CHECK_THAT(svg, Catch::Contains("and 10 more, not drawn") && Catch::Contains("class=\"reference\""));
    CHECK_THAT(svg, Catch::Contains("&lt;script&gt;") && !Catch::Contains("<script>"));
    CHECK(html_escape("a&b<c>\"'") == "a&amp;b&lt;c&gt;&quot;&#39;");
}
