#include "orgplan/answers/report_page.hpp"

#include <atomic>
#include <ctime>
#include <future>
#include <string_view>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "orgplan/base/text.hpp"
#include "orgplan/plugin.hpp" // ORGPLAN_SDK_VERSION: one version for orgplan and its SDK
#include "orgplan/output/html_escape.hpp"
#include "orgplan/analysis/shared_work.hpp"
#include "orgplan/output/svg_chart.hpp"
#include "orgplan/storage/history.hpp"
#include "orgplan/storage/mentor_pair_store.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/storage/read_transaction.hpp"
#include "orgplan/storage/settings_store.hpp"

namespace orgplan {

// 1. The org, its settings and saved pairings, from one snapshot (one commit, or with --as-of one dated snapshot).
void read_report_org(Database& db, const std::string& path, ReportAnalysis& a) {
    const ReadTransaction snapshot(db);
    a.org = load_org(db); // first: its read can then be shared by two connections
    a.settings = load_settings(db);
    a.family_source = load_family_sources(db);
    a.mentor_pairs = load_mentor_pairs(db);
    // The trend over the last twelve snapshots; each is rebuilt from history, so this costs per snapshot.
    if (!a.as_of && list_snapshots(db).size() >= 2) a.trend = compute_trend(db, path, 12);
}

// 2. Every answer the commands give, on that one org. The answers that need no plugin are computed on a second
// thread meanwhile: plugins are only ever called from this one, in turn, as in every other command, so a plugin
// never has to be thread-safe. The org is read-only from here on.
void analyse_report(const PluginRun& plugins, const ReportOptions& o, ReportAnalysis& a) {
    const double threshold = a.settings.get("ratio.threshold"), spread = a.settings.get("ratio.max_spread");
    auto core_answers = std::async(std::launch::async, [&] {
        const auto coverage = compute_coverage(a.org, a.org.assignments); // one for the four levels
        a.teams = compute_ratios(a.org, coverage, "team", threshold, spread);
        a.products = compute_ratios(a.org, coverage, "product", threshold, spread);
        a.segments = compute_ratios(a.org, coverage, "segment", threshold, spread);
        a.pms = compute_ratios(a.org, coverage, "pm", threshold, spread);
        a.mentoring = plan_mentoring(a.org, a.settings);
        a.gaps = find_data_gaps(a.org, TitleRules::builtin(), a.family_source);
        auto chart = o.chart;
        chart.threshold = threshold;
        a.chart = build_org_chart(a.org, chart);
        a.chart_svg = render_svg(a.chart.dot);
    });
    // A failure here still waits for the other thread before unwinding (the future's destructor joins it).
    a.principles = compare_principles(a.org, a.settings, plugins);
    a.hiring = hiring_answer(a.org, a.settings, plugins, std::nullopt, {});
    a.plan = plan_answer(a.org, a.settings, plugins, o.plan);
    a.diagnostics = run_diagnostics(plugins.host, {}, a.org, a.settings, plugins.params, a.mentor_pairs, {});
    core_answers.get();
}

// ---- 3. rendering -------------------------------------------------------------------------------------------

std::string paragraph(const std::string& text, const char* cls = "lead") {
    return fmt::format("<p class=\"{}\">{}</p>", cls, html_escape(text));
}

std::string section(const std::string& id, const std::string& title, const std::string& sentence,
                    const std::string& content, bool first = false) {
    return fmt::format("<section id=\"{}\"{}><h2>{}</h2>{}{}</section>\n", id, first ? " class=\"first\"" : "",
                       html_escape(title), paragraph(sentence), content);
}

// An answer with its main table cut to `top` rows, saying how many were left out.
std::string answer_html(Output output, std::size_t top) {
    for (auto& s : output.sections) {
        if (s.table.size() <= top) continue;
        Table head(s.table.columns());
        for (std::size_t i = 0; i < top; ++i) head.add(s.table.rows()[i]);
        output.notes.insert(output.notes.begin(),
                            fmt::format("{}: the first {} of {} rows; the command's xlsx or csv output has them all",
                                        s.title.empty() ? output.title : s.title, top, s.table.size()));
        s.table = std::move(head);
    }
    return html_answer(output);
}

std::vector<Bar> ratio_bars(const RatioReport& r) {
    std::vector<Bar> bars;
    for (const auto& row : r.rows) {
        // "(none)" rows (teams without a product) are named by their name alone.
        const bool plain = row.name.empty() || row.name == row.id || row.id.rfind('(', 0) == 0;
        // Only makers without a PM draw a full (hatched) bar; a row with nothing in it draws none.
        const auto value = row.status == RatioStatus::empty ? std::optional<double>(0) : row.ratio;
        const char* note = row.status == RatioStatus::no_pm       ? "no PM"
                           : row.status == RatioStatus::no_makers ? "no makers"
                           : row.status == RatioStatus::empty     ? "empty"
                                                                  : "";
        bars.push_back({plain ? (row.name.empty() ? row.id : row.name) : row.name + " (" + row.id + ")", value,
                        std::string(to_string(row.status)), note});
    }
    return bars;
}

std::string ratio_chart(const RatioReport& r, const std::string& what, std::size_t top) {
    BarChartOptions o;
    o.title = "maker:PM ratio by " + what + ", worst first";
    o.reference = r.threshold;
    o.reference_label = fmt::format("{:g}:1", r.threshold);
    o.most = top;
    return bar_chart(ratio_bars(r), o);
}

// The most serious findings first, and among equals the largest: the maker FTE of the team, product, segment or PM
// a finding is about (other subjects weigh nothing), then check and subject. Infos are left out.
std::vector<const sdk::Finding*> top_findings(const ReportAnalysis& a, std::size_t most) {
    std::unordered_map<std::string, double> makers_of;
    for (const auto* report : {&a.teams, &a.products, &a.segments, &a.pms})
        for (const auto& row : report->rows) makers_of[row.id] = std::max(makers_of[row.id], row.makers);
    const auto size = [&](const sdk::Finding& f) {
        const auto it = makers_of.find(f.subject);
        return it == makers_of.end() ? 0.0 : it->second;
    };
    std::vector<const sdk::Finding*> out;
    for (const auto& f : a.diagnostics.findings)
        if (f.severity != sdk::Severity::info) out.push_back(&f);
    std::stable_sort(out.begin(), out.end(), [&](const sdk::Finding* x, const sdk::Finding* y) {
        if (x->severity != y->severity) return x->severity > y->severity;
        const double sx = size(*x), sy = size(*y);
        if (sx != sy) return sx > sy;
        return std::tie(x->check, x->subject) < std::tie(y->check, y->subject);
    });
    if (out.size() > most) out.resize(most);
    return out;
}

std::string summary(const ReportAnalysis& a) {
    const auto& t = a.teams;
    const auto ratio = t.org_ratio();
    const auto status = to_string(classify_ratio(t.org_makers, t.org_pms, t.threshold));
    std::size_t over = 0;
    for (const auto& row : t.rows) over += row.status == RatioStatus::over;
    const auto card = [](const std::string& big, const std::string& small, const std::string& cls = "") {
        return fmt::format("<div class=\"card\"><div class=\"big {}\">{}</div><div class=\"small\">{}</div></div>", cls,
                           html_escape(big), html_escape(small));
    };
    std::string html = "<div class=\"cards\">";
    html += card(ratio ? fmt::format("{:.1f}:1", *ratio) : "no PM",
                 fmt::format("org maker:PM ratio (threshold {:g}:1)", t.threshold), "status-" + std::string(status));
    html += card(fmt::format("{:.1f}", t.org_makers), "maker FTE");
    html += card(fmt::format("{:.2f}", t.org_pms), "PM FTE");
    html += card(std::to_string(t.teams_without_pm.size()), "teams with makers and no PM",
                 t.teams_without_pm.empty() ? "status-ok" : "status-no_pm");
    html += card(fmt::format("{} of {}", over, t.rows.size()), "teams over the threshold", over ? "status-over" : "status-ok");
    html += card(fmt::format("{} of {}", a.mentoring.uncovered.size(), a.mentoring.novices), "novice PMs without coaching",
                 a.mentoring.uncovered.empty() ? "status-ok" : "status-no_pm");
    html += "</div>";
    std::string findings;
    for (const auto* f : top_findings(a, 5))
        findings += fmt::format("<li><strong>{}</strong> {} {}: {}</li>", to_string(f->severity), html_escape(f->check),
                                html_escape(f->subject), html_escape(f->evidence));
    if (!findings.empty()) html += "<h3>Top findings</h3><ul class=\"top-findings\">" + findings + "</ul>";
    return html;
}

std::string spread_chart(const ReportAnalysis& a, std::size_t top) {
    auto rows = a.pms.rows;
    std::stable_sort(rows.begin(), rows.end(), [](const RatioRow& x, const RatioRow& y) { return x.spread > y.spread; });
    std::vector<Bar> bars;
    for (const auto& r : rows)
        bars.push_back({r.name + " (" + r.id + ")", static_cast<double>(r.spread),
                        r.spread > a.pms.max_spread ? "thin" : "spread",
                        fmt::format("{} team{}", r.spread, r.spread == 1 ? "" : "s")});
    BarChartOptions o;
    o.title = "teams each PM covers";
    o.reference = a.pms.max_spread;
    o.reference_label = fmt::format("{:g} teams", a.pms.max_spread);
    o.decimals = 0;
    o.most = top;
    return bar_chart(bars, o);
}

std::string principles_chart(const PrincipleComparison& c) {
    std::vector<Bar> bars;
    for (const auto& [name, m] : c.rows) bars.push_back({name, m.score, "score", fmt::format("{:.1f}", m.score)});
    BarChartOptions o;
    o.title = "organizing principles by score";
    return bar_chart(bars, o);
}

std::string mentor_chart(const ReportAnalysis& a, std::size_t top) {
    const auto people = people_by_id(a.org);
    std::vector<Bar> bars;
    for (const auto& m : a.mentoring.mentors)
        bars.push_back({std::string(people->name_of(m.mentor_id)) + " (" + m.mentor_id + ")", m.used_hours,
                        m.leader ? "leader" : "senior",
                        fmt::format("{:.1f} of {:.1f} h/week", m.used_hours, m.capacity_hours)});
    BarChartOptions o;
    o.title = "coaching hours each mentor gives";
    o.most = top;
    return bar_chart(bars, o);
}

std::string plan_chart(const HeadcountAnswer& p) {
    LineChart c;
    c.title = "org maker:PM ratio by quarter";
    c.y_label = "makers per PM";
    c.reference = p.input.threshold;
    c.reference_label = fmt::format("target {:g}:1", p.input.threshold);
    for (const auto& q : p.rows) {
        c.x.push_back(q.quarter);
        c.line.push_back(std::isfinite(q.ratio) ? std::optional<double>(q.ratio) : std::nullopt);
    }
    for (const auto& k : p.risk) {
        c.low.push_back(std::isfinite(k.ratio_p10) ? std::optional<double>(k.ratio_p10) : std::nullopt);
        c.high.push_back(std::isfinite(k.ratio_p90) ? std::optional<double>(k.ratio_p90) : std::nullopt);
    }
    return line_chart(c);
}

std::string trend_html(const ReportAnalysis& a, std::size_t top) {
    LineChart c;
    c.title = "org maker:PM ratio by snapshot";
    c.y_label = "makers per PM";
    c.reference = a.teams.threshold;
    c.reference_label = fmt::format("threshold {:g}:1", a.teams.threshold);
    const auto& metrics = trend_metrics();
    const auto at = [&](const char* name) {
        return static_cast<std::size_t>(std::find(metrics.begin(), metrics.end(), name) - metrics.begin());
    };
    Table table({{"as_of", "as of"}, {"people", "people"}, {"makers", "maker FTE", 1}, {"pm_fte", "PM FTE", 2},
                 {"org_ratio", "org ratio", 1}, {"teams_without_pm", "teams without PM"}, {"layers", "layers"},
                 {"median_span", "median span", 1}});
    for (std::size_t i = 0; i < a.trend.size(); ++i) {
        const auto& p = a.trend[i];
        const double ratio = p.values[at("org_ratio")];
        c.x.push_back(static_cast<double>(i + 1));
        c.x_labels.push_back(p.snapshot.as_of);
        c.line.push_back(std::isfinite(ratio) ? std::optional<double>(ratio) : std::nullopt);
        table.add({p.snapshot.as_of, static_cast<long long>(p.values[at("people")]), p.values[at("makers")],
                   p.values[at("pm_fte")], std::isfinite(ratio) ? Cell(ratio) : Cell(std::string()),
                   static_cast<long long>(p.values[at("teams_without_pm")]),
                   static_cast<long long>(p.values[at("layers")]), p.values[at("median_span")]});
    }
    return line_chart(c) + answer_html(Output::of(std::move(table)), top);
}

// Each PM's share of their time that interrupts took, against the overload line, and the answer's tables.
std::string interrupts_html(const ReportAnalysis& a, std::size_t top) {
    const auto answer = interrupts_answer(a.org, a.settings, "pm", "", "");
    const double most = a.settings.get("interrupts.overload_share");
    std::vector<Bar> bars;
    for (const auto& row : answer.sections.front().table.rows()) {
        const auto& id = std::get<std::string>(row[0]);
        if (id == "(none)") continue;
        const double share = std::get<double>(row[6]); // unplanned share
        bars.push_back({std::get<std::string>(row[1]) + " (" + id + ")", 100 * share, share > most ? "over" : "ok",
                        fmt::format("{:.0f}% unplanned", 100 * share)});
    }
    BarChartOptions o;
    o.title = "share of each PM's time taken by unplanned interrupts";
    o.reference = 100 * most;
    o.reference_label = fmt::format("{:g}%", 100 * most);
    o.most = top;
    return bar_chart(bars, o) + answer_html(answer, top);
}

std::string task_forces_html(const ReportAnalysis& a, std::size_t top) {
    Table table({{"name", "name"}, {"topic", "topic"}, {"working", "working group"}, {"review", "review audience"}});
    const auto people = people_by_id(a.org);
    for (const auto& t : a.org.task_forces) {
        std::vector<std::string> working, review;
        for (const auto& seat : t.seats)
            (seat.review ? review : working).emplace_back(people->name_of(seat.person_id, seat.person_id));
        table.add({t.name, t.topic, text::join(working, ", "), text::join(review, ", ")});
    }
    auto list = Output::of(std::move(table));
    return answer_html(list, top) + "<h3>People on several task forces</h3>" +
           answer_html(task_force_load_answer(a.org, a.settings, 2), top);
}

std::string findings_html(const DiagnosticsRun& d) {
    std::string html;
    for (const auto severity : {sdk::Severity::error, sdk::Severity::warning, sdk::Severity::info}) {
        std::string items;
        std::size_t n = 0;
        for (const auto& f : d.findings) {
            if (f.severity != severity) continue;
            ++n;
            items += fmt::format("<div class=\"finding {}\"><strong>{}</strong> {}<div class=\"evidence\">{}</div>"
                                 "<div class=\"todo\">{}</div></div>",
                                 to_string(severity), html_escape(f.check), html_escape(f.subject), html_escape(f.evidence),
                                 html_escape(f.recommendation));
        }
        if (n) html += fmt::format("<h3>{} ({})</h3>", to_string(severity), n) + items;
    }
    return html.empty() ? paragraph("No findings.") : html;
}

std::string gaps_html(const std::vector<DataGap>& gaps) {
    if (gaps.empty()) return "";
    Table table({{"what", "what"}, {"examples", "for example"}, {"affects", "affects"}, {"fix", "fix"}});
    for (const auto& g : gaps) table.add({g.what, text::join(g.examples, ", "), g.affects, g.fix});
    Output output = Output::of(std::move(table));
    return html_answer(output);
}

// One section of the page: whether this org has it, the sentence under its heading, and its content. The list below
// is the page's order and its table of contents.
struct ReportSection {
    const char* id;
    const char* title;
    bool (*shown)(const ReportAnalysis&);
    std::string (*sentence)(const ReportAnalysis&);
    std::string (*content)(const ReportAnalysis&, const ReportOptions&);
};

bool always(const ReportAnalysis&) { return true; }

const std::vector<ReportSection>& report_sections() {
    static const std::vector<ReportSection> sections = {
        {"summary", "Summary", always,
         [](const ReportAnalysis&) -> std::string {
             return "The org's maker:PM ratio against the threshold, where PMs are missing, and the most serious "
                    "findings.";
         },
         [](const ReportAnalysis& a, const ReportOptions&) { return summary(a); }},
        {"gaps", "Data gaps", always,
         [](const ReportAnalysis& a) -> std::string {
             return a.gaps.empty() ? "Nothing the answers depend on is missing or assumed."
                                   : "What the data lacks or orgplan had to assume, and which answers each moves: "
                                     "close these first (orgplan check lists them too).";
         },
         [](const ReportAnalysis& a, const ReportOptions&) { return gaps_html(a.gaps); }},
        {"teams", "Ratios by team", always,
         [](const ReportAnalysis& a) {
             return fmt::format("Makers per PM FTE in every team, worst first: red hatched bars have makers and no PM, "
                                "orange bars are over {:g}:1.",
                                a.teams.threshold);
         },
         [](const ReportAnalysis& a, const ReportOptions& o) { return ratio_chart(a.teams, "team", o.top); }},
        {"products", "Ratios by product and segment", always,
         [](const ReportAnalysis&) -> std::string {
             return "The same ratio summed over each product's and each segment's teams (sums, not averages).";
         },
         [](const ReportAnalysis& a, const ReportOptions& o) {
             return "<h3>By product</h3>" + ratio_chart(a.products, "product", o.top) + "<h3>By segment</h3>" +
                    ratio_chart(a.segments, "segment", o.top);
         }},
        {"spread", "PM spread", always,
         [](const ReportAnalysis& a) {
             return fmt::format("How many teams each PM covers; beyond {:g} a PM is spread too thin to know the teams "
                                "well.",
                                a.pms.max_spread);
         },
         [](const ReportAnalysis& a, const ReportOptions& o) { return spread_chart(a, o.top); }},
        {"principles", "Organizing principles", always,
         [](const ReportAnalysis&) -> std::string {
             return "Each principle's proposal for the org's PMs, scored against today's assignments (higher is "
                    "better).";
         },
         [](const ReportAnalysis& a, const ReportOptions& o) {
             return principles_chart(a.principles) + answer_html(a.principles.output, o.top);
         }},
        {"hiring", "Hiring mixes", always,
         [](const ReportAnalysis&) -> std::string {
             return "What each mix of seasoned seniors, internal transfers and newcomers costs and asks of the coaches.";
         },
         [](const ReportAnalysis& a, const ReportOptions& o) { return answer_html(a.hiring, o.top); }},
        {"mentoring", "Mentoring", always,
         [](const ReportAnalysis&) -> std::string {
             return "Who coaches whom: every novice PM's mentor, and each mentor's weekly hours.";
         },
         [](const ReportAnalysis& a, const ReportOptions& o) {
             return mentor_chart(a, o.top) + answer_html(mentoring_answer(a.org, a.mentoring), o.top);
         }},
        {"plan", "Headcount plan", always,
         [](const ReportAnalysis& a) -> std::string {
             return a.plan.risk.empty() ? "The org ratio quarter by quarter with the hires the plan opens (run with "
                                          "--simulate for the risk band)."
                                        : "The org ratio quarter by quarter; the band is the 10th to 90th percentile "
                                          "over the simulated trials.";
         },
         [](const ReportAnalysis& a, const ReportOptions& o) { return plan_chart(a.plan) + answer_html(a.plan.output, o.top); }},
        {"interrupts", "Interrupts", [](const ReportAnalysis& a) { return !a.org.interrupts.empty(); },
         [](const ReportAnalysis&) -> std::string {
             return "How much of each PM's time executive requests, escalations and customer calls took over the "
                    "logged months, and the trend per month.";
         },
         [](const ReportAnalysis& a, const ReportOptions& o) { return interrupts_html(a, o.top); }},
        {"taskforces", "Task forces", [](const ReportAnalysis& a) { return !a.org.task_forces.empty(); },
         [](const ReportAnalysis&) -> std::string {
             return "Each task force's working group and review audience, and who sits on several.";
         },
         [](const ReportAnalysis& a, const ReportOptions& o) { return task_forces_html(a, o.top); }},
        {"findings", "Findings", always,
         [](const ReportAnalysis&) -> std::string {
             return "What the diagnostics found in ratios, coverage, coaching and goals, worst first, each with what "
                    "to do.";
         },
         [](const ReportAnalysis& a, const ReportOptions&) { return findings_html(a.diagnostics); }},
        {"trend", "Trend", [](const ReportAnalysis& a) { return !a.trend.empty(); },
         [](const ReportAnalysis& a) {
             return fmt::format("The org's numbers at each of the last {} snapshots (one per import date).",
                                a.trend.size());
         },
         [](const ReportAnalysis& a, const ReportOptions& o) { return trend_html(a, o.top); }},
        {"orgchart", "Org chart", always,
         [](const ReportAnalysis&) -> std::string {
             return "The reporting tree; boxes with a folded corner stand for everyone below a manager. ";
         },
         [](const ReportAnalysis& a, const ReportOptions&) { return "<div class=\"orgchart\">" + a.chart_svg + "</div>"; }},
    };
    return sections;
}

// The shown sections' HTML, in order. Sections only read the finished analysis, so two threads write them, each
// taking the next section not yet taken (the mentoring tables and charts alone take about two seconds at 1M).
std::vector<std::string> written_sections(const ReportAnalysis& a, const ReportOptions& o) {
    std::vector<const ReportSection*> shown;
    for (const auto& s : report_sections())
        if (s.shown(a)) shown.push_back(&s);
    std::vector<std::string> written(shown.size());
    std::atomic<std::size_t> next{0};
    const auto write = [&] {
        for (std::size_t i = next++; i < shown.size(); i = next++) {
            const auto& s = *shown[i];
            auto sentence = s.sentence(a);
            // The chart's caption depends on the options: how deep it is drawn.
            if (std::string_view(s.id) == "orgchart") sentence += chart_caption(a.chart, o.chart.depth) + ".";
            written[i] = section(s.id, s.title, sentence, s.content(a, o), std::string_view(s.id) == "summary");
        }
    };
    // A failure on this thread still waits for the other before unwinding (the future's destructor joins it).
    auto helper = std::async(std::launch::async, write);
    write();
    helper.get();
    return written;
}

std::string render_report(const ReportAnalysis& a, const ReportOptions& o, const std::string& db) {
    std::time_t now = std::time(nullptr);
    char date[32];
    std::strftime(date, sizeof date, "%Y-%m-%d", std::gmtime(&now));
    std::string html = "<header><h1>" + html_escape(o.title) + "</h1>" +
                       paragraph(fmt::format("{} · {} people, {} teams · {}generated {}", db, a.org.people.size(),
                                             a.org.teams.size(),
                                             a.as_of ? "as of " + a.as_of->as_of + " · " : std::string(), date),
                                 "meta") +
                       "</header><nav><ul>";
    for (const auto& s : report_sections())
        if (s.shown(a)) html += fmt::format("<li><a href=\"#{}\">{}</a></li>", s.id, html_escape(s.title));
    html += "</ul></nav>\n";
    for (const auto& written : written_sections(a, o)) html += written;
    html += "<footer>orgplan " ORGPLAN_SDK_VERSION "</footer>";
    return html_page(o.title, html);
}

} // namespace orgplan
