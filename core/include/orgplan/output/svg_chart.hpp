// Charts as inline SVG, drawn by orgplan: no script, no font or file from outside, readable on paper.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "orgplan/output/html_escape.hpp"

namespace orgplan {

/// One bar of a horizontal bar chart. `value` is empty for a bar with no value (drawn full width and hatched, e.g. a
/// team with makers and no PM, worse than any ratio).
struct Bar {
    std::string label;
    std::optional<double> value;
    std::string status; ///< CSS class and data-status of the bar: ok, over, no_pm, empty, leader, senior...
    std::string note;   ///< text at the end of the bar; empty: the value
};

struct BarChartOptions {
    std::string title;                  ///< accessible name (aria-label) and <title>
    std::optional<double> reference;    ///< a vertical line (the ratio threshold), labelled `reference_label`
    std::string reference_label;
    int decimals = 1;
    std::size_t most = 40;              ///< bars drawn at most; the rest are summarised as "and N more"
};

/// A horizontal bar chart, one row per bar in the given order. Each bar is a <rect class="bar STATUS">; the
/// summary line of bars left out is a <text class="more">.
std::string bar_chart(const std::vector<Bar>& bars, const BarChartOptions& options);

/// A line over quarters with an optional band (P10 to P90) and a horizontal reference line.
struct LineChart {
    std::string title;
    std::vector<double> x;                         ///< quarter numbers (or positions of x_labels)
    std::vector<std::string> x_labels;             ///< labels of x (e.g. dates); empty: "Q1", "Q2"...
    std::vector<std::optional<double>> line;       ///< one value per x (empty: none, e.g. no PM)
    std::vector<std::optional<double>> low, high;  ///< the band, when simulated (same size as x, or empty)
    std::optional<double> reference;
    std::string reference_label;
    std::string y_label;
};
std::string line_chart(const LineChart& chart);

} // namespace orgplan
