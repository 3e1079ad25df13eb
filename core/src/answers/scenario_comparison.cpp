#include "orgplan/answers/scenario_comparison.hpp"

#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "orgplan/analysis/ratios.hpp"
#include "orgplan/analysis/spans.hpp"
#include "orgplan/base/number.hpp"
#include "orgplan/model/enums.hpp"
#include "orgplan/model/reporting_lines.hpp"
#include "orgplan/planning/analysis.hpp"
#include "orgplan/planning/mentoring.hpp"
#include "orgplan/planning/positions.hpp"

namespace orgplan {
namespace {

// One number a comparison shows, in display order.
struct Metric {
    std::string name;
    std::optional<double> value; ///< empty: no value (a ratio without PMs)
    bool money = false;          ///< a sum in the org's currency
};
// PM time on a product, segment, initiative or account (directly assigned), and whose it is.
struct TargetCover {
    double pm_fte = 0;
    std::set<std::string> pms;
};
using CoverByTarget = std::map<std::pair<std::string, std::string>, TargetCover>; // (kind, target) -> PM time on it
// What one scenario comes to.
struct Outcome {
    std::vector<Metric> metrics;
    std::map<std::string, sdk::Finding> findings; // by check + subject
    CoverByTarget covered;
};

// What PMs are assigned to beyond teams: a PM moved in a scenario may take an initiative's or account's only PM.
CoverByTarget direct_cover(const Org& org) {
    std::unordered_map<std::string_view, double> fte;
    for (const auto& p : org.people) fte.emplace(p.id, p.fte);
    CoverByTarget out;
    for (const auto& a : org.assignments) {
        if (a.kind == TargetKind::team) continue;
        auto& c = out[{std::string(to_string(a.kind)), a.target_id}];
        const auto it = fte.find(a.pm_id);
        c.pm_fte += a.share * (it == fte.end() ? 1.0 : it->second);
        c.pms.insert(a.pm_id);
    }
    return out;
}

// The team ratios of the planned org: totals, the worst team, and how many teams are over, without a PM or thin.
void ratio_metrics(const Scenario& s, const MakerTotals& planned, std::vector<Metric>& out) {
    const auto team = compute_ratios(s.org, "team", s.settings.get("ratio.threshold"),
                                     s.settings.get("ratio.max_spread"), nullptr, &planned);
    std::size_t over = 0;
    std::optional<double> worst;
    for (const auto& r : team.rows) {
        over += r.status == RatioStatus::over;
        if (r.ratio) worst = std::max(worst.value_or(0.0), *r.ratio);
    }
    out.insert(out.end(), {{"maker FTE", team.org_makers},
                           {"PM FTE", team.org_pms},
                           {"org ratio", team.org_ratio()},
                           {"worst team ratio", worst},
                           {"teams over threshold", static_cast<double>(over)},
                           {"teams with no PM", static_cast<double>(team.teams_without_pm.size())},
                           {"PMs spread too thin", static_cast<double>(team.thin_pms.size())}});
}

// The headcount plan under the scenario's mix: hires, the ratio it ends at, what it adds to yearly cost.
void plan_metrics(const Scenario& s, const PluginHost& host, int quarters, std::vector<Metric>& out) {
    const auto in = plan_input(s.org, s.settings, mix_profile(host, s.mix, s.org, s.settings, {}), quarters,
                               s.settings.get("plan.maker_growth"), {}, false, true);
    const auto plan = project_headcount(in);
    double hires = 0;
    for (const auto& q : plan)
        for (double h : q.hires_opened) hires += h;
    out.push_back({fmt::format("PM hires in {} quarters", quarters), hires});
    const double final_ratio = plan.back().ratio;
    out.push_back({fmt::format("ratio after {} quarters", quarters),
                   std::isfinite(final_ratio) ? std::optional<double>(final_ratio) : std::nullopt});
    out.push_back({"added yearly cost", plan.back().added_yearly_cost, true});
}

// Spans and layers of the scenario's reporting lines, and what its people cost a year (each person's cost, or their
// family's default, times their FTE).
void shape_metrics(const Scenario& s, std::vector<Metric>& out) {
    std::vector<ReportingLine> lines;
    lines.reserve(s.org.people.size());
    double cost = 0;
    for (const auto& p : s.org.people) {
        lines.push_back({p.id, p.name, p.manager_id, p.unit, p.family});
        cost += p.fte * p.cost.value_or(s.settings.get("cost.default_" + std::string(to_string(p.family))));
    }
    const auto shape = span_summary(reporting_tree(lines), SpanBands(s.settings));
    out.insert(out.end(), {{"people", static_cast<double>(s.org.people.size())},
                           {"managers", static_cast<double>(shape.managers)},
                           {"median span", shape.median_span},
                           {"layers", static_cast<double>(shape.layers)},
                           {"yearly people cost", cost, true}});
}

Outcome evaluate(const Scenario& s, const PluginHost& host, int quarters) {
    Outcome o;
    // A scenario is compared as planned: its open roles and planned departures count.
    const auto planned = planned_maker_totals(s.org, maker_totals(s.org));
    ratio_metrics(s, planned, o.metrics);
    shape_metrics(s, o.metrics);
    plan_metrics(s, host, quarters, o.metrics);
    const auto mentoring = plan_mentoring(s.org, s.settings);
    o.metrics.push_back({"novice PMs", static_cast<double>(mentoring.novices)});
    o.metrics.push_back({"novices without coaching", static_cast<double>(mentoring.uncovered.size())});
    const auto diag = run_diagnostics(host, {}, s.org, s.settings, {}, {}, {}, &planned);
    double counts[3] = {0, 0, 0};
    for (const auto& f : diag.findings) {
        ++counts[static_cast<int>(f.severity)];
        o.findings.emplace(f.check + " " + f.subject, f);
    }
    o.metrics.push_back({"error findings", counts[2]});
    o.metrics.push_back({"warning findings", counts[1]});
    o.covered = direct_cover(s.org);
    return o;
}

Table metrics_table(const Scenario& a, const Scenario& b, const Outcome& oa, const Outcome& ob, bool costs) {
    Table table({{"metric", "metric"}, {"a", a.name}, {"b", b.name}, {"change", "change"}});
    const auto& currency = b.settings.text("cost.currency");
    for (std::size_t i = 0; i < oa.metrics.size(); ++i) {
        const bool money = oa.metrics[i].money;
        if (money && !costs) continue;
        const auto cell = [&](const std::optional<double>& v) {
            if (!v) return Cell{std::monostate{}};
            return money ? Cell{Money{*v}} : Cell{*v};
        };
        const auto& x = oa.metrics[i].value;
        const auto& y = ob.metrics[i].value;
        table.add({named(oa.metrics[i].name, money ? currency : ""), cell(x), cell(y),
                   x && y ? cell(*y - *x) : Cell{std::monostate{}}});
    }
    return table;
}

Table findings_table(const Outcome& oa, const Outcome& ob) {
    Table findings({{"change", "change"}, {"severity", "severity"}, {"check", "check"}, {"subject", "subject"},
                    {"evidence", "evidence"}});
    const auto add = [&](const char* change, const Outcome& has, const Outcome& lacks) {
        for (const auto& [key, f] : has.findings)
            if (!lacks.findings.count(key))
                findings.add({std::string(change), std::string(to_string(f.severity)), f.check, f.subject, f.evidence});
    };
    add("new", ob, oa);
    add("resolved", oa, ob);
    return findings;
}

// Coverage of products, segments, initiatives and accounts that changes hands or is lost.
Table coverage_table(const Scenario& a, const Scenario& b, const Outcome& oa, const Outcome& ob) {
    Table coverage({{"change", "change"}, {"kind", "kind"}, {"target", "target"}, {"pm_fte_a", a.name + " PM FTE", 2},
                    {"pm_fte_b", b.name + " PM FTE", 2}, {"pms_a", a.name + " PMs"}, {"pms_b", b.name + " PMs"}});
    std::set<std::pair<std::string, std::string>> targets;
    for (const auto* o : {&oa, &ob})
        for (const auto& [key, c] : o->covered) targets.insert(key);
    const auto list = [](const std::set<std::string>& ids) {
        std::string out;
        for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
        return out;
    };
    for (const auto& key : targets) {
        static const TargetCover none;
        const auto ia = oa.covered.find(key), ib = ob.covered.find(key);
        const auto& ca = ia == oa.covered.end() ? none : ia->second;
        const auto& cb = ib == ob.covered.end() ? none : ib->second;
        if (ca.pms == cb.pms && std::abs(ca.pm_fte - cb.pm_fte) < 1e-9) continue;
        const char* change = cb.pms.empty() ? "lost" : ca.pms.empty() ? "gained" : "changed";
        coverage.add({std::string(change), key.first, key.second, ca.pm_fte, cb.pm_fte, list(ca.pms), list(cb.pms)});
    }
    return coverage;
}

} // namespace

Output scenario_comparison(const Scenario& a, const Scenario& b, const PluginHost& host, int quarters, bool costs) {
    const auto oa = evaluate(a, host, quarters);
    const auto ob = evaluate(b, host, quarters);
    Output output;
    output.title = "scenario " + a.name + " -> " + b.name;
    output.intro.push_back(fmt::format("{} -> {}", a.name, b.name));
    output.fields = {{"a", a.name}, {"b", b.name}, {"quarters", quarters}};
    output.sections.push_back({"", metrics_table(a, b, oa, ob, costs), "metrics"});
    // An empty list says nothing in a table; data formats keep the key, empty.
    const auto changes = [&](std::string title, Table table, std::string key) {
        output.sections.push_back({std::move(title), std::move(table), std::move(key)});
        output.sections.back().hidden_in_table = HiddenInTable::when_empty;
    };
    changes("findings that change", findings_table(oa, ob), "findings");
    changes("coverage that changes (products, segments, initiatives, accounts)", coverage_table(a, b, oa, ob),
            "coverage");
    return output;
}

} // namespace orgplan
