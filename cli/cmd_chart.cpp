// orgplan chart: the reporting tree as SVG, Graphviz DOT or a page.
#include <iostream>

#include <fmt/format.h>

#include "context.hpp"
#include "orgplan/storage/settings_store.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/analysis/org_chart.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/storage/read_transaction.hpp"
#include "orgplan/model/settings.hpp"
#include "orgplan/output/svg_chart.hpp"

namespace orgplan::cli {

int cmd_chart(const Args& args) {
    Common common;
    OrgChartOptions options;
    std::string colour = "family", format = "svg";
    po::options_description desc("chart options");
    desc.add_options()
        ("root", po::value(&options.root)->value_name("ID"), "start from this person (default: the top of the tree)")
        ("depth", whole_option(options.depth, "--depth", 1, 50)->value_name("N"), "reporting levels to draw (default 3)")
        ("budget", whole_option(options.node_budget, "--budget", 1, 5000)->value_name("N"), "people drawn at most; the rest fold into boxes (default 150)")
        ("colour", choice_option(colour, "--colour", {"family", "ratio", "origin"}), "what the box colour shows (default family)")
        ("color", choice_option(colour, "--color", {"family", "ratio", "origin"}), "same as --colour")
        ("format", choice_option(format, "--format", {"svg", "dot", "html"}), "svg (default), Graphviz dot text, or a page")
        ("out", po::value(&common.out)->value_name("FILE"), "write to FILE (created readable by you only)");
    add_common(desc, common, false);
    if (!parse(args, desc, {}, common, "orgplan chart [--root ID] [--depth N] [--colour family|ratio|origin] [--format svg|dot|html]"))
        return 0;
    options.colour = colour == "ratio" ? ChartColour::ratio : colour == "origin" ? ChartColour::origin : ChartColour::family;

    Database db(db_path(common), Database::Open::read);
    const ReadTransaction snapshot(db);
    const auto org = load_org(db); // first: its read can then be shared by two connections
    options.threshold = load_settings(db).get("ratio.threshold");
    const auto chart = build_org_chart(org, options);
    std::string text;
    if (format == "dot") text = chart.dot;
    else if (format == "svg") text = render_svg(chart.dot);
    else
        text = html_page("org chart", "<h1>Org chart</h1><p class=\"lead\">" + html_escape(chart_caption(chart, options.depth)) +
                                          "</p><div class=\"orgchart\">" + render_svg(chart.dot) + "</div>");
    if (common.out.empty())
        std::cout << text;
    else
        write_private_file(common.out, [&](std::ostream& out) { out << text; });
    return 0;
}

} // namespace orgplan::cli
