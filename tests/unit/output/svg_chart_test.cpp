#include <catch2/catch.hpp>

#include <regex>

#include "orgplan/output/svg_chart.hpp"

using namespace orgplan;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

// The widths of the bars, in the order drawn.
std::vector<double> widths(const std::string& svg) {
    std::vector<double> out;
    const std::regex bar(R"re(<rect class="bar [^"]*" data-status="[^"]*" x="\d+" y="\d+" width="([\d.]+)")re");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), bar); it != std::sregex_iterator(); ++it)
        out.push_back(std::stod((*it)[1]));
    return out;
}

} // namespace

TEST_CASE("bar chart: bars in the order given, widths in proportion, a bar without value full and hatched") {
    BarChartOptions o;
    o.title = "ratios";
    const auto svg = bar_chart({{"a", 10.0, "over", ""}, {"b", 5.0, "ok", ""}, {"c", std::nullopt, "no_pm", ""}}, o);
    const auto w = widths(svg);
    REQUIRE(w.size() == 3);
    CHECK(w[0] == Approx(2 * w[1]).epsilon(0.01));
    CHECK(w[2] > w[0]); // no value: the whole bar area, worse than any ratio
    CHECK(count(svg, "fill=\"url(#hatch)\"") == 1);
    CHECK(svg.find("data-status=\"no_pm\"") != std::string::npos);
    CHECK(svg.find(">no value<") != std::string::npos);
    CHECK(svg.find("aria-label=\"ratios\"") != std::string::npos);
}

TEST_CASE("bar chart: at most `most` bars, the rest counted, and a reference line with its label") {
    std::vector<Bar> bars;
    for (int i = 0; i < 50; ++i) bars.push_back({"team " + std::to_string(i), 1.0 + i, "ok", ""});
    BarChartOptions o;
    o.most = 10;
    o.reference = 10;
    o.reference_label = "10:1";
    const auto svg = bar_chart(bars, o);
    CHECK(widths(svg).size() == 10);
    CHECK(svg.find("and 40 more, not drawn") != std::string::npos);
    CHECK(count(svg, "class=\"reference\"") == 1);
    CHECK(svg.find(">10:1<") != std::string::npos);
}

TEST_CASE("bar chart: labels and notes from the data are escaped, long labels shortened with the whole in a title") {
    BarChartOptions o;
    const std::string longest = "<b>" + std::string(60, 'x');
    const auto svg = bar_chart({{longest, 3.0, "ok\"><script>", "3 & more"}}, o);
    CHECK(svg.find("<b>") == std::string::npos);
    CHECK(svg.find("<script>") == std::string::npos);
    CHECK(svg.find("&lt;b&gt;" + std::string(60, 'x') + ": 3 &amp; more") != std::string::npos); // the tooltip
    CHECK(svg.find("…</text>") != std::string::npos);
}

TEST_CASE("line chart: a point per value, gaps for none, the band only when simulated, labels of x") {
    LineChart c;
    c.title = "org ratio";
    c.x = {1, 2, 3, 4};
    c.x_labels = {"2026-01-31", "2026-04-30", "2026-07-31", "2026-10-31"};
    c.line = {12.0, std::nullopt, 9.0, 8.0};
    c.reference = 10;
    c.reference_label = "threshold 10:1";
    auto svg = line_chart(c);
    CHECK(count(svg, "class=\"point\"") == 3);
    CHECK(count(svg, "class=\"series\"") == 1);
    CHECK(svg.find("class=\"band\"") == std::string::npos);
    CHECK(svg.find(">2026-04-30<") != std::string::npos);
    CHECK(svg.find(">threshold 10:1<") != std::string::npos);
    c.low = {11.0, 10.0, 8.0, 7.0};
    c.high = {13.0, 12.0, 10.0, 9.0};
    svg = line_chart(c);
    CHECK(count(svg, "class=\"band\"") == 1);
    c.high.pop_back(); // a band that does not match x is not drawn
    CHECK(line_chart(c).find("class=\"band\"") == std::string::npos);
    c.x_labels.clear();
    CHECK(line_chart(c).find(">Q3<") != std::string::npos);
}

TEST_CASE("line chart: nothing to draw is still a chart, and markup in titles is text") {
    LineChart c;
    c.title = "<i>empty</i>";
    const auto svg = line_chart(c);
    CHECK(svg.rfind("<svg", 0) == 0);
    CHECK(svg.find("</svg>") != std::string::npos);
    CHECK(svg.find("<i>") == std::string::npos);
    CHECK(count(svg, "class=\"point\"") == 0);
}
