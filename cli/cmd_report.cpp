// orgplan report: every answer in one self-contained HTML file with charts, to mail, open offline or print.
#include <filesystem>
#include <iostream>
#include <unistd.h>

#include "context.hpp"
#include "orgplan/analysis/shared_work.hpp"
#include "orgplan/answers/report_page.hpp"

namespace orgplan::cli {

int cmd_report(const Args& args) {
    Common common;
    PluginOptions plugin_options;
    ReportOptions options;
    po::options_description desc("report options");
    desc.add_options()
        ("out", po::value(&common.out)->value_name("FILE.html"), "write the report there (default: stdout, or orgplan-report.html on a terminal)")
        ("title", po::value(&options.title)->value_name("TEXT"), "the report's title")
        ("top", whole_option(options.top, "--top", 1, 1000)->value_name("N"), "rows of long tables and charts shown (default 40)")
        ("chart-depth", whole_option(options.chart.depth, "--chart-depth", 1, 50)->value_name("N"), "levels of the org chart (default 3)");
    add_plan_options(desc, options.plan, "the plan's horizon in quarters");
    add_plugin_options(desc, plugin_options);
    add_as_of(desc, options.as_of);
    add_common(desc, common, false);
    if (!parse(args, desc, {}, common, "orgplan report [--out FILE.html] [--quarters N] [--simulate N --seed S] [--title TEXT]"))
        return 0;
    check_simulation_size(options.plan);
    const auto path = db_path(common);
    if (options.title.empty()) options.title = "Product org report: " + std::filesystem::path(path).stem().string();

    ReportAnalysis analysis;
    {
        const auto opened = open_for_answers(path, options.as_of, &analysis.as_of);
        read_report_org(*opened, path, analysis);
    }
    // The report's sections each ask the org's coverage and look people up by id: each worked out once, for all.
    const SharedWork work_once(analysis.org);
    const auto host = load_plugins(plugin_options);
    analyse_report(plugin_run(*host, plugin_options, "report"), options, analysis);
    for (const auto& e : analysis.diagnostics.errors) std::cerr << "orgplan report: skipped: " << e << "\n";
    const auto html = render_report(analysis, options, std::filesystem::path(path).filename().string());

    if (common.out.empty() && ::isatty(STDOUT_FILENO)) common.out = "orgplan-report.html";
    if (common.out.empty()) {
        std::cout << html;
        return 0;
    }
    write_private_file(common.out, [&](std::ostream& out) { out << html; });
    std::cerr << "orgplan report: wrote " << common.out << " (" << html.size() / 1024 << " KB)\n";
    return 0;
}

} // namespace orgplan::cli
