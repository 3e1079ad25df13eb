// Markdown, XLSX and --out: every command's answer in the formats people share.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>

#include "run.hpp"

using namespace orgplan::e2e;
namespace fs = std::filesystem;

namespace {

struct DemoDb : TempDb {
    DemoDb() { REQUIRE(run(flag() + " import " + data("demo")).exit_code == 0); }
};

// CSV records as JSON rows, numbers as numbers and empty cells as null, as a workbook reads back.
nlohmann::json csv_rows(const std::string& text) {
    auto rows = nlohmann::json::array();
    for (const auto& record : csv_records(text)) {
        auto row = nlohmann::json::array();
        for (const auto& cell : record) {
            char* end = nullptr;
            const double number = std::strtod(cell.c_str(), &end);
            if (cell.empty())
                row.push_back(nullptr);
            else if (end == cell.c_str() + cell.size())
                row.push_back(number == static_cast<long long>(number) ? nlohmann::json(static_cast<long long>(number))
                                                                       : nlohmann::json(number));
            else
                row.push_back(cell);
        }
        rows.push_back(row);
    }
    return rows;
}

nlohmann::json workbook(const std::string& path) {
    const auto json_path = path + ".json";
    REQUIRE(std::system(("python3 '" ORGPLAN_E2E_DIR "/xlsx_cells.py' '" + path + "' > '" + json_path + "'").c_str()) == 0);
    return nlohmann::json::parse(read_text(json_path));
}

// A workbook row has no cell for an empty value; CSV has an empty field: pad to compare.
nlohmann::json padded(nlohmann::json rows, std::size_t width) {
    for (auto& r : rows)
        while (r.size() < width) r.push_back(nullptr);
    return rows;
}

} // namespace

TEST_CASE("an XLSX export holds the same cells as the CSV export of the command, numbers as numbers") {
    DemoDb db;
    for (const auto* cmd : {" ratios --by team", " ratios --by pm", " diagnose", " mentoring plan", " align --compare",
                            " hire", " plan --quarters 4", " roles", " config list"}) {
        INFO(cmd);
        const auto csv = run(db.flag() + cmd + " --format csv");
        REQUIRE(csv.exit_code == 0);
        const auto book_path = db.dir() + "/answer.xlsx";
        REQUIRE(run(db.flag() + cmd + " --format xlsx --out '" + book_path + "'").exit_code == 0);
        const auto book = workbook(book_path);
        REQUIRE(!book.empty());
        const auto expected = csv_rows(csv.out);
        const auto& first = book.at(0)["rows"];
        CHECK(padded(first, expected[0].size()) == expected);
    }
    // Several tables: one sheet each, and the prose on a sheet of its own.
    const auto path = db.dir() + "/mentoring.xlsx";
    REQUIRE(run(db.flag() + " mentoring plan --format xlsx --out '" + path + "'").exit_code == 0);
    const auto book = workbook(path);
    REQUIRE(book.size() == 3);
    CHECK(book[0]["name"] == "mentoring plan");
    CHECK(book[1]["name"] == "mentor load");
    CHECK(book[2]["name"] == "notes");
}

TEST_CASE("Markdown output is a table per section with prose, and escapes what would break it") {
    DemoDb db;
    const auto r = run(db.flag() + " ratios --by product --format md");
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::StartsWith("## maker:PM ratios by product\n\n| product | name | makers |"));
    CHECK_THAT(r.out, Catch::Contains("| --- | --- | ---: |"));
    CHECK_THAT(r.out, Catch::Contains("| p-platform | Core Platform | 47.0 | 2.00 | 23.5 | OVER 10:1 |"));
    CHECK_THAT(r.out, Catch::Contains("\norg: 222.6 maker FTE"));
    TempDb hostile;
    REQUIRE(run(hostile.flag() + " import " + fixture("formula")).exit_code == 0);
    REQUIRE(run(hostile.flag() + " import " + fixture("markup")).exit_code == 0);
    const auto m = run(hostile.flag() + " ratios --by team --format md");
    CHECK_THAT(m.out, Catch::Contains("&lt;script&gt;alert(1)&lt;/script&gt;") && Catch::Contains("a \\| b"));
    CHECK_THAT(m.out, !Catch::Contains("<script>"));
}

TEST_CASE("option out writes any format to a private file, and nothing to stdout") {
    DemoDb db;
    for (const auto* format : {"table", "json", "csv", "md", "xlsx"}) {
        INFO(format);
        const auto path = db.dir() + "/out." + format;
        const auto r = run(db.flag() + " ratios --format " + format + " --out '" + path + "'");
        CHECK(r.exit_code == 0);
        CHECK(r.out.empty());
        struct stat st {};
        REQUIRE(::stat(path.c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
        CHECK(st.st_size > 100);
    }
    CHECK(read_text(db.dir() + "/out.json") == run(db.flag() + " ratios --format json").out);
    const auto bad = run(db.flag() + " ratios --out /nonexistent/dir/x.csv");
    CHECK(bad.exit_code == 5); // an answer that cannot be written, as docs/cli.md says
    CHECK_THAT(bad.err, Catch::Contains("/nonexistent/dir/x.csv"));
}

TEST_CASE("an answer that cannot be written exits 5, to a full disk, to --out or to /dev/full, help included") {
    DemoDb db;
    // A file-size limit stands in for a full disk: writes past 40 KiB fail (SIGXFSZ ignored, so write() errs). The
    // database's own files stay under it; each answer here is larger.
    const std::string small_disk = "bash -c 'trap \"\" XFSZ; ulimit -f 40; exec \"$0\" \"$@\"'";
    for (const auto* command : {" spans --by person --format json", " spans --by person --format html", " report",
                                " chart --format svg", " chart --format html"}) {
        INFO(command);
        const auto out = db.dir() + "/answer.out";
        const auto r = run(db.flag() + command + " --out '" + out + "'", "", small_disk);
        CHECK(r.exit_code == 5);
        CHECK_THAT(r.err, Catch::Contains(out) && Catch::Contains("cannot write"));
        CHECK_FALSE(fs::exists(out)); // whole or not at all
    }
    for (const auto* command : {"--help", "--version", "help", "ratios --help"}) {
        INFO(command);
        CHECK(run(std::string(command) + " >/dev/full").exit_code == 5);
    }
    // The import was committed; only its summary was lost, and the message says so.
    TempDb fresh;
    const auto r = run(fresh.flag() + " import " + data("demo") + " >/dev/full");
    CHECK(r.exit_code == 5);
    CHECK_THAT(r.err, Catch::Contains("the import was written to " + fresh.path() + ": only this summary was lost"));
    CHECK(run(fresh.flag() + " ratios --by team --format csv").out.find("ana-query") != std::string::npos);
}

TEST_CASE("report writes one private, self-contained page, chart writes svg, dot or a page") {
    DemoDb db;
    const auto path = db.dir() + "/report.html";
    const auto r = run(db.flag() + " report --out '" + path + "' --title 'Q3 <review>' --top 5");
    REQUIRE(r.exit_code == 0);
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    const auto html = read_text(path);
    CHECK_THAT(html, Catch::StartsWith("<!DOCTYPE html>") && Catch::Contains("<title>Q3 &lt;review&gt;</title>"));
    CHECK_THAT(html, Catch::Contains("default-src 'none'"));
    for (const auto* external : {"src=\"http", "href=\"http", "@import", "url(http"}) CHECK_THAT(html, !Catch::Contains(external));
    CHECK_THAT(html, Catch::Contains("and 25 more, not drawn")); // 30 teams, 5 drawn
    CHECK_THAT(html, Catch::Contains("headcount plan: the first 5 of 8 rows")); // long tables are cut, and say so
    CHECK(run(db.flag() + " report").out.rfind("<!DOCTYPE html>", 0) == 0); // stdout when piped

    const auto svg = run(db.flag() + " chart --depth 2");
    CHECK(svg.exit_code == 0);
    CHECK_THAT(svg.out, Catch::Contains("<svg") && Catch::Contains("Umar Eriksen"));
    const auto dot = run(db.flag() + " chart --format dot --root E0002");
    CHECK_THAT(dot.out, Catch::StartsWith("digraph orgchart") && Catch::Contains("Priya Becker") && !Catch::Contains("Umar Eriksen"));
    CHECK(run(db.flag() + " chart --root nobody").exit_code == 3);
    CHECK(run(db.flag() + " chart --colour rainbow").exit_code == 2);
    const auto page = run(db.flag() + " chart --format html --colour ratio");
    CHECK_THAT(page.out, Catch::StartsWith("<!DOCTYPE html>") && Catch::Contains("people drawn"));
}

TEST_CASE("the report's top findings are the most serious, then the largest, not the first by name") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + fixture("ratios")).exit_code == 0);
    // Two more teams without a PM: one of 1 maker named first, one of 20 named last (the fixture's D has 2).
    const auto teams = db.dir() + "/teams.csv", people = db.dir() + "/people.csv";
    std::ofstream(teams) << "id,name\naa-small,AA Small\nzz-big,ZZ Big\n";
    {
        std::ofstream out(people);
        out << "id,name,title,team\nsmall1,Small One,Software Engineer,aa-small\n";
        for (int i = 0; i < 20; ++i) out << "big" << i << ",Big " << i << ",Software Engineer,zz-big\n";
    }
    REQUIRE(run(db.flag() + " import " + teams + " " + people).exit_code == 0);
    const auto page = db.dir() + "/report.html";
    REQUIRE(run(db.flag() + " report --out '" + page + "'").exit_code == 0);
    const auto html = read_text(page);
    const auto list = html.substr(html.find("<ul class=\"top-findings\">"));
    const auto big = list.find("no-pm zz-big"), d = list.find("no-pm D"), small = list.find("no-pm aa-small");
    REQUIRE(big != std::string::npos);
    REQUIRE(d != std::string::npos);
    REQUIRE(small != std::string::npos);
    CHECK(big < d);
    CHECK(d < small);
}

TEST_CASE("an answer for a pipe or device goes into it and never replaces it") {
    DemoDb db;
    // A FIFO stands for /dev/null or a device: renaming the answer's file over it would put a regular file there.
    const auto fifo = db.dir() + "/answer.fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const auto copy = db.dir() + "/received.csv";
    const auto r = run(db.flag() + " ratios --format csv --out '" + fifo + "'", "",
                       "sh -c 'cat \"" + fifo + "\" > \"" + copy + "\" & c=$!; \"$0\" \"$@\"; s=$?; wait $c; exit $s'");
    CHECK(r.exit_code == 0);
    struct stat st {};
    REQUIRE(::lstat(fifo.c_str(), &st) == 0);
    CHECK(S_ISFIFO(st.st_mode));
    CHECK(read_text(copy) == run(db.flag() + " ratios --format csv").out);
    // A directory is refused, and a backup never replaces anything but a file.
    CHECK(run(db.flag() + " ratios --out '" + db.dir() + "'").exit_code == 5);
    const auto b = run(db.flag() + " backup '" + fifo + "' --force");
    CHECK(b.exit_code == 4);
    CHECK_THAT(b.err, Catch::Contains("not a regular file"));
    REQUIRE(::lstat(fifo.c_str(), &st) == 0);
    CHECK(S_ISFIFO(st.st_mode));
}

TEST_CASE("money has the org's currency, from a currency column or the setting, and grouped thousands for people") {
    TempDb db;
    const auto people = db.dir() + "/people.csv", teams = db.dir() + "/teams.csv";
    std::ofstream(people) << "id,name,title,manager,team,pm_years,cost,currency\n"
                             "v1,Vera,VP Product,,,12,200000,EUR\n"
                             "p1,Paz,Product Manager,v1,t1,4,150000,EUR\n"
                             "d1,Dev,Software Engineer,v1,t1,,1034567.6,\n";
    std::ofstream(teams) << "id,name\nt1,Team One\n";
    const auto imported = run(db.flag() + " import " + people + " " + teams);
    REQUIRE(imported.exit_code == 0);
    CHECK_THAT(imported.err, Catch::Contains("cost.currency set to EUR from the currency column"));
    CHECK(run(db.flag() + " config get cost.currency").out == "EUR\n");
    // Teams hold Paz and Dev: 150,000 + 1,034,567.6 = 1,184,567.6 (Vera is in no team): grouped and whole for people, the number itself in data.
    const auto table = run(db.flag() + " portfolio").out;
    CHECK_THAT(table, Catch::Contains("yearly cost (EUR)"));
    CHECK_THAT(table, Catch::Contains("1,184,568"));
    CHECK_THAT(table, Catch::Contains("yearly people cost 1,184,568 EUR"));
    CHECK_THAT(run(db.flag() + " portfolio --format md").out, Catch::Contains("1,184,568"));
    CHECK(run(db.flag() + " portfolio --format json").json()["rows"][0]["cost"] == 1184567.6);
    CHECK_THAT(run(db.flag() + " portfolio --format csv").out, Catch::Contains(",1184567.6,"));
    CHECK_THAT(run(db.flag() + " hire").out, Catch::Contains("cost (EUR)"));

    // A second currency in one file, or one unlike the org's, is refused where it stands; nothing is written.
    std::ofstream(people, std::ios::app) << "d2,Dan,Software Engineer,v1,t1,,90000,USD\n";
    const auto mixed = run(db.flag() + " import " + people);
    CHECK(mixed.exit_code == 3);
    CHECK_THAT(mixed.err, Catch::Contains("people.csv:5: field 'currency': 'USD' differs from 'EUR' at "));
    std::ofstream(people) << "id,name,cost,currency\nd1,Dev,90000,USD\n";
    const auto other = run(db.flag() + " import " + people);
    CHECK(other.exit_code == 3);
    CHECK_THAT(other.err, Catch::Contains("'USD' differs from the org's currency, EUR (setting cost.currency)"));
    CHECK(run(db.flag() + " portfolio --format json").json()["total_cost"] == 1184567.6);
    // The setting alone names it too; unset, money has no unit.
    REQUIRE(run(db.flag() + " config unset cost.currency").exit_code == 0);
    const auto plain = run(db.flag() + " portfolio").out;
    CHECK_THAT(plain, Catch::Contains("yearly people cost 1,184,568,"));
    CHECK(plain.find("(EUR)") == std::string::npos);
}

TEST_CASE("write commands answer in JSON when asked: what was written, as data") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + fixture("ratios")).exit_code == 0);
    const auto set = run(db.flag() + " config set ratio.threshold 8 coaching.novice_hours 1.5 --format json");
    REQUIRE(set.exit_code == 0);
    const auto j = set.json();
    CHECK(j["action"] == "set");
    CHECK(j["changed"]["ratio.threshold"] == "8");
    CHECK(j["changed"]["settings"] == 2);
    CHECK(j["messages"] == nlohmann::json::array({"ratio.threshold = 8", "coaching.novice_hours = 1.5"}));
    CHECK(run(db.flag() + " config get ratio.threshold").out == "8\n");
    CHECK(run(db.flag() + " config get coaching.novice_hours").out == "1.5\n");
    // The bare value is the number as data writes it, in full: never "1.5e+06".
    REQUIRE(run(db.flag() + " config set cost.default_pm 1500000").exit_code == 0);
    CHECK(run(db.flag() + " config get cost.default_pm").out == "1500000\n");
    CHECK_THAT(run(db.flag() + " config get cost.default_pm --format csv").out,
               Catch::StartsWith("key,value,default,range,description\r\ncost.default_pm,1500000,120000,"));
    // People still read the lines; CSV gets them as a column.
    CHECK(run(db.flag() + " config unset ratio.threshold").out == "ratio.threshold reset to its default\n");
    CHECK_THAT(run(db.flag() + " scenario create what-if --format csv").out,
               Catch::StartsWith("message") && Catch::Contains("created scenario what-if from current"));
    const auto deleted = run(db.flag() + " scenario delete what-if --format json").json();
    CHECK(deleted["action"] == "delete");
    CHECK(deleted["scenario"] == "what-if");
}
