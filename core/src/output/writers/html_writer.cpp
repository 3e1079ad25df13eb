// HTML: a self-contained page (style and the table-sorting script inline, nothing fetched), readable with scripts
// off and on paper. Every text from the data is escaped.
#include "orgplan/output/output.hpp"

#include <variant>

#include <fmt/format.h>

#include "orgplan/output/svg_chart.hpp"

namespace orgplan {
namespace {

constexpr const char* kStyle = R"css(
:root { --ok: #2e7d32; --over: #e65100; --no-pm: #b71c1c; --empty: #9e9e9e; --ink: #1f2328; --muted: #57606a;
        --line: #d0d7de; --band: #90caf9; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 24px; }
h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 20px; margin: 32px 0 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 16px; margin: 18px 0 6px; }
p.lead { color: var(--muted); margin: 4px 0 12px; } p.meta { color: var(--muted); margin: 0 0 16px; }
nav ul { columns: 3; padding-left: 18px; margin: 8px 0 0; }
.table-wrap { overflow-x: auto; }
table.data { border-collapse: collapse; margin: 8px 0 12px; font-size: 13px; }
table.data th, table.data td { border-bottom: 1px solid var(--line); padding: 4px 10px; text-align: left; vertical-align: top; }
table.data th { background: #f6f8fa; position: sticky; top: 0; }
table.data td.num, table.data th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.data th[aria-sort] { cursor: pointer; }
table.data th[aria-sort="ascending"]::after { content: " ▲"; } table.data th[aria-sort="descending"]::after { content: " ▼"; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; min-width: 160px; }
.card .big { font-size: 24px; font-weight: 600; } .card .small { color: var(--muted); font-size: 12px; }
.status-over { color: var(--over); } .status-no_pm { color: var(--no-pm); } .status-ok { color: var(--ok); }
.finding { border-left: 4px solid var(--line); padding: 4px 10px; margin: 8px 0; }
.finding.error { border-color: var(--no-pm); } .finding.warning { border-color: var(--over); } .finding.info { border-color: var(--empty); }
.finding .evidence { color: var(--muted); } .finding .todo::before { content: "→ "; }
.notes { color: var(--muted); white-space: pre-wrap; margin: 6px 0; }
svg.chart { max-width: 100%; height: auto; font-size: 11px; }
svg .label, svg .value, svg .tick { fill: var(--ink); } svg .more, svg .axis-label { fill: var(--muted); }
svg .bar.ok { fill: var(--ok); } svg .bar.over { fill: var(--over); } svg .bar.no_pm { fill: url(#hatch); stroke: var(--no-pm); }
svg .bar.empty, svg .bar.no_makers { fill: var(--empty); } svg .bar.leader { fill: #5c6bc0; } svg .bar.senior { fill: #26a69a; }
svg .bar.used { fill: #26a69a; } svg .bar.score { fill: #5c6bc0; } svg .bar.spread { fill: #8d6e63; } svg .bar.thin { fill: var(--over); }
svg .hatch-bg { fill: #ffcdd2; } svg .hatch-line { stroke: var(--no-pm); stroke-width: 2; }
svg .reference { stroke: var(--ink); stroke-dasharray: 4 3; } svg .reference-label { fill: var(--ink); }
svg .axis { stroke: var(--muted); } svg .series { fill: none; stroke: #1565c0; stroke-width: 2; }
svg .point { fill: #1565c0; } svg .band { fill: var(--band); opacity: .5; }
.orgchart { overflow: auto; border: 1px solid var(--line); border-radius: 8px; padding: 8px; }
.orgchart svg { max-width: none; }
footer { color: var(--muted); font-size: 12px; margin-top: 40px; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav, .no-print { display: none; }
  section { break-before: page; } section.first { break-before: auto; }
  table.data th { position: static; } table.data th::after { content: none !important; }
  .orgchart, .table-wrap { overflow: visible; border: none; }
}
)css";

// Sorting by a click on a header; without scripts the tables read as they are.
constexpr const char* kScript = R"js(
document.querySelectorAll('table.data').forEach(function (table) {
  table.querySelectorAll('th').forEach(function (th, column) {
    th.setAttribute('aria-sort', 'none');
    th.addEventListener('click', function () {
      var ascending = th.getAttribute('aria-sort') !== 'ascending';
      table.querySelectorAll('th').forEach(function (other) { other.setAttribute('aria-sort', 'none'); });
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[column], y = b.cells[column];
        var vx = x.dataset.value !== undefined ? parseFloat(x.dataset.value) : x.textContent;
        var vy = y.dataset.value !== undefined ? parseFloat(y.dataset.value) : y.textContent;
        var order = typeof vx === 'number' && typeof vy === 'number' ? vx - vy : String(vx).localeCompare(String(vy));
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
});
)js";

std::string table_html(const Table& table) {
    const auto& columns = table.columns();
    std::vector<bool> numeric(columns.size(), false);
    for (const auto& row : table.rows())
        for (std::size_t i = 0; i < row.size(); ++i)
            if (is_number(row[i])) numeric[i] = true;
    std::string out = "<div class=\"table-wrap\"><table class=\"data\"><thead><tr>";
    for (std::size_t i = 0; i < columns.size(); ++i)
        out += fmt::format("<th{}>{}</th>", numeric[i] ? " class=\"num\"" : "", html_escape(columns[i].header));
    out += "</tr></thead><tbody>";
    for (const auto& row : table.rows()) {
        out += "<tr>";
        for (std::size_t i = 0; i < row.size(); ++i) {
            const auto& cell = row[i];
            if (std::holds_alternative<double>(cell) || std::holds_alternative<Money>(cell))
                out += fmt::format("<td class=\"num\" data-value=\"{}\">{}</td>", stable(*number_in(cell)),
                                   html_escape(Table::cell_text(cell, columns[i])));
            else if (const auto* n = std::get_if<long long>(&cell))
                out += fmt::format("<td class=\"num\" data-value=\"{}\">{}</td>", *n, *n);
            else if (std::holds_alternative<std::monostate>(cell))
                out += numeric[i] ? "<td class=\"num\" data-value=\"-1e300\">-</td>" : "<td></td>";
            else
                out += "<td>" + html_escape(Table::cell_text(cell, columns[i])) + "</td>";
        }
        out += "</tr>";
    }
    return out + "</tbody></table></div>";
}

class HtmlWriter final : public OutputWriter {
public:
    void write(const Output& output, std::ostream& out) const override {
        out << html_page(output.title.empty() ? "orgplan" : output.title,
                         "<h1>" + html_escape(output.title) + "</h1>" + html_answer(output));
    }
};

} // namespace

std::string html_answer(const Output& output) {
    std::string out;
    for (const auto& line : output.intro) out += "<p class=\"lead\">" + html_escape(line) + "</p>";
    for (std::size_t i = 0; i < output.sections.size(); ++i) {
        const auto& s = output.sections[i];
        if (i > 0 && !s.title.empty()) out += "<h3>" + html_escape(s.title) + "</h3>";
        std::optional<Table> copy;
        out += table_html(table_for_people(s, copy));
    }
    if (!output.notes.empty()) {
        out += "<div class=\"notes\">";
        for (const auto& line : output.notes) out += html_escape(line) + "\n";
        out += "</div>";
    }
    return out;
}

std::string html_page(const std::string& title, const std::string& body) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
           "script-src 'unsafe-inline'; img-src data:\">"
           "<title>" + html_escape(title) + "</title><style>" + kStyle + "</style></head><body>\n" + body +
           "\n<script>" + kScript + "</script></body></html>\n";
}

const char* html_style() { return kStyle; }
const char* html_script() { return kScript; }

std::unique_ptr<OutputWriter> html_writer() { return std::make_unique<HtmlWriter>(); }

} // namespace orgplan
