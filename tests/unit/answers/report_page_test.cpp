#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "../builtin_plugins.hpp"
#include "../fixture.hpp"
#include "orgplan/answers/report_page.hpp"

using namespace orgplan;
using namespace orgplan::test;


TEST_CASE("the report is composed in core: every section of the ratio fixture once, in the table of contents too") {
    const TempPath path("report_page.db");
    {
        Database db(path.path);
        import_paths(db, {fixture("ratios")});
    }
    Database db(path.path);
    ReportAnalysis a;
    read_report_org(db, path.path, a);
    REQUIRE(a.org.people.size() > 0);
    ReportOptions options;
    options.title = "Fixture <org>";
    analyse_report(PluginRun{builtin_host(), {}, false, "orgplan", {}}, options, a);
    CHECK(a.diagnostics.errors.empty());
    CHECK_FALSE(a.teams.rows.empty());
    const auto html = render_report(a, options, "fixture.db");
    CHECK(html.find("<h1>Fixture &lt;org&gt;</h1>") != std::string::npos); // the title is escaped
    for (const auto* id : {"summary", "teams", "products", "orgchart"}) {
        INFO(id);
        CHECK(occurrences(html, fmt::format("<section id=\"{}\"", id)) == 1);
        CHECK(occurrences(html, fmt::format("href=\"#{}\"", id)) == 1);
    }
    CHECK(html.find("fixture.db") != std::string::npos);
    CHECK(html.find("<svg") != std::string::npos); // the org chart is drawn inline
    CHECK(a.trend.empty());                         // one snapshot: no trend section
    CHECK(html.find("<section id=\"trend\"") == std::string::npos);
}
