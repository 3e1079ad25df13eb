// The reporting tree as a picture: Graphviz DOT built from the manager column, laid out and drawn as SVG in process.
#pragma once

#include <cstddef>
#include <map>
#include <string>

#include "orgplan/org.hpp"

namespace orgplan {

enum class ChartColour { family, ratio, origin };

struct OrgChartOptions {
    std::string root;              ///< start from this person; empty: everyone without a manager
    int depth = 3;                 ///< reporting levels drawn below the top (1: the top only)
    std::size_t node_budget = 150; ///< people drawn at most; the rest fold into summary boxes
    std::size_t max_directs = 12;  ///< reports drawn per manager (managers first); the others fold into one box
    ChartColour colour = ChartColour::family;
    double threshold = 10;         ///< for ChartColour::ratio: makers per PM above which a PM is overloaded
};

/// What was drawn, for the caption.
struct OrgChart {
    std::string dot;
    std::size_t people = 0;      ///< people in the chart's tree
    std::size_t drawn = 0;       ///< people drawn as their own box
    std::size_t collapsed = 0;   ///< summary boxes standing for the rest
};

/// Builds the chart, left to right (a wide org stays a readable column): each person a box with name, title and
/// direct-report count, coloured by `colour`; PMs show the teams they cover (bold border). Below `depth` levels, or
/// once `node_budget` boxes are drawn (breadth first, so upper levels come first), a manager's reports fold into one
/// box with their head count and family mix; so do the reports beyond `max_directs` of one manager.
/// Throws orgplan::Error when `root` names nobody.
OrgChart build_org_chart(const Org& org, const OrgChartOptions& options);

/// Lays out DOT with Graphviz's dot engine and renders SVG, in process. Throws orgplan::Error when Graphviz cannot.
std::string render_svg(const std::string& dot);

/// What a drawn chart shows, for its caption: "40 of 1336 people drawn, 3 levels deep; 12 boxes stand for ...".
std::string chart_caption(const OrgChart& chart, int depth);

} // namespace orgplan
