#include "orgplan/analysis/org_chart.hpp"

#include <algorithm>
#include <deque>
#include <mutex>
#include <unordered_map>

#include <fmt/format.h>
#include <graphviz/gvc.h>

#include "orgplan/model/enums.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/analysis/ratios.hpp"

namespace orgplan {
namespace {

// Text inside a DOT double-quoted string.
std::string dot_text(std::string_view s) {
    std::string out;
    for (const char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n' || c == '\r') {
            out += ' ';
            continue;
        }
        out += c;
    }
    return out;
}

const char* family_colour(Family f) {
    switch (f) {
    case Family::maker: return "#c8e6c9";
    case Family::pm: return "#bbdefb";
    case Family::product_leader: return "#d1c4e9";
    case Family::eng_manager: return "#b2dfdb";
    case Family::other: return "#eeeeee";
    }
    return "#eeeeee";
}

const char* origin_colour(Origin o) {
    switch (o) {
    case Origin::external_senior: return "#c5cae9";
    case Origin::internal_transfer: return "#ffe0b2";
    case Origin::newcomer: return "#f8bbd0";
    case Origin::unknown: return "#eeeeee";
    }
    return "#eeeeee";
}

const char* status_colour(RatioStatus s) {
    switch (s) {
    case RatioStatus::ok: return "#c8e6c9";
    case RatioStatus::over: return "#ffe0b2";
    case RatioStatus::no_pm: return "#ffcdd2";
    case RatioStatus::no_makers: return "#e1f5fe";
    case RatioStatus::empty: return "#eeeeee";
    }
    return "#eeeeee";
}

struct Tree {
    std::unordered_map<std::string, std::size_t> index;
    std::vector<std::vector<std::size_t>> reports;
    std::vector<std::size_t> roots;
};

Tree tree_of(const Org& org) {
    Tree t;
    t.reports.resize(org.people.size());
    for (std::size_t i = 0; i < org.people.size(); ++i) t.index.emplace(org.people[i].id, i);
    for (std::size_t i = 0; i < org.people.size(); ++i) {
        const auto it = t.index.find(org.people[i].manager_id);
        if (org.people[i].manager_id.empty() || it == t.index.end())
            t.roots.push_back(i);
        else
            t.reports[it->second].push_back(i);
    }
    // Managers first, then by name: a stable picture.
    for (auto& r : t.reports)
        std::sort(r.begin(), r.end(), [&](std::size_t a, std::size_t b) {
            if (t.reports[a].empty() != t.reports[b].empty()) return !t.reports[a].empty();
            return org.people[a].name < org.people[b].name;
        });
    return t;
}

// Head count and family mix of `people` and everyone below them, iteratively: trees can be deep.
std::pair<std::size_t, std::map<Family, std::size_t>> subtree(const Tree& t, const Org& org,
                                                              std::vector<std::size_t> stack) {
    std::pair<std::size_t, std::map<Family, std::size_t>> out;
    while (!stack.empty()) {
        const auto p = stack.back();
        stack.pop_back();
        ++out.first;
        ++out.second[org.people[p].family];
        stack.insert(stack.end(), t.reports[p].begin(), t.reports[p].end());
    }
    return out;
}

// "218 maker, 38 eng_manager": who a summary box stands for.
std::string family_mix(const std::map<Family, std::size_t>& mix) {
    std::string text;
    for (const auto& [family, n] : mix) text += fmt::format("{}{} {}", text.empty() ? "" : ", ", n, to_string(family));
    return text;
}

// A person's box: name, title, directs, the teams a PM covers, filled by the chosen colouring.
class PersonBoxes {
public:
    PersonBoxes(const Org& org, const Tree& t, const OrgChartOptions& o) : org_(org), t_(t), colour_(o.colour) {
        const auto coverage = compute_coverage(org, org.assignments);
        for (const auto& [pm, teams] : coverage.pm_team) teams_covered_[pm] = teams.size();
        if (o.colour == ChartColour::ratio)
            for (const auto& row : compute_ratios(org, "pm", o.threshold, 1000).rows) pm_status_[row.id] = row.status;
    }

    std::string operator()(std::size_t i) const {
        const auto& p = org_.people[i];
        std::string label = p.name;
        if (!p.title.empty()) label += "\\n" + dot_text(p.title);
        const auto directs = t_.reports[i].size();
        if (directs) label += fmt::format("\\n{} direct{}", directs, directs == 1 ? "" : "s");
        std::string extra;
        if (p.family == Family::pm) {
            const auto it = teams_covered_.find(p.id);
            const auto n = it == teams_covered_.end() ? 0 : it->second;
            label += fmt::format("\\nPM of {} team{}", n, n == 1 ? "" : "s");
            extra = ", penwidth=2.5";
        }
        return fmt::format("  p{} [label=\"{}\", fillcolor=\"{}\", class=\"person {}\", tooltip=\"{}\"{}];\n", i,
                           dot_text(p.name) + label.substr(p.name.size()), fill(p), to_string(p.family),
                           dot_text(p.id), extra);
    }

private:
    const char* fill(const Person& p) const {
        if (colour_ == ChartColour::origin) return origin_colour(p.origin);
        if (colour_ == ChartColour::ratio) {
            const auto it = pm_status_.find(p.id);
            return p.family == Family::pm && it != pm_status_.end() ? status_colour(it->second) : "#eeeeee";
        }
        return family_colour(p.family);
    }

    const Org& org_;
    const Tree& t_;
    ChartColour colour_;
    std::unordered_map<std::string, std::size_t> teams_covered_;
    std::unordered_map<std::string, RatioStatus> pm_status_;
};

// The Graphviz page around the nodes and edges.
std::string dot_page(const std::string& nodes, const std::string& edges) {
    return "digraph orgchart {\n  graph [rankdir=LR, nodesep=0.25, ranksep=0.45, fontname=\"Helvetica\"];\n"
           "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10, margin=\"0.12,0.06\"];\n"
           "  edge [arrowhead=none, color=\"#8c959f\"];\n" +
           nodes + edges + "}\n";
}

} // namespace

OrgChart build_org_chart(const Org& org, const OrgChartOptions& o) {
    const auto t = tree_of(org);
    std::vector<std::size_t> tops = t.roots;
    if (!o.root.empty()) {
        const auto it = t.index.find(o.root);
        if (it == t.index.end()) throw Error("--root '" + o.root + "': nobody has that id");
        tops = {it->second};
    }
    const PersonBoxes person_box(org, t, o);
    OrgChart chart;
    std::string nodes, edges;
    // Breadth first from the tops: upper levels are drawn before the budget runs out. People with neither a manager
    // nor reports are not part of any tree: they fold into one box, as do tops beyond the budget.
    std::deque<std::pair<std::size_t, int>> queue;
    std::vector<std::size_t> loose;
    for (const auto top : tops) {
        if ((o.root.empty() && t.reports[top].empty()) || queue.size() >= o.node_budget)
            loose.push_back(top);
        else
            queue.emplace_back(top, 1);
    }
    std::size_t summary = 0;
    if (!loose.empty()) {
        const auto [count, mix] = subtree(t, org, loose);
        nodes += fmt::format("  s{} [label=\"{} people with no manager\\nin the data\\n{}\", shape=folder, "
                             "fillcolor=\"#fafafa\", class=\"collapsed\"];\n",
                             summary++, count, dot_text(family_mix(mix)));
    }
    while (!queue.empty()) {
        const auto [i, level] = queue.front();
        queue.pop_front();
        nodes += person_box(i);
        ++chart.drawn;
        const auto& reports = t.reports[i];
        if (reports.empty()) continue;
        std::size_t shown = 0;
        if (level < o.depth) shown = std::min(reports.size(), o.max_directs);
        if (chart.drawn + queue.size() + shown > o.node_budget) shown = 0;
        for (std::size_t k = 0; k < shown; ++k) {
            edges += fmt::format("  p{} -> p{};\n", i, reports[k]);
            queue.emplace_back(reports[k], level + 1);
        }
        if (shown == reports.size()) continue;
        // The reports not drawn fold into one box under their manager.
        const auto [count, mix] = subtree(t, org, {reports.begin() + static_cast<long>(shown), reports.end()});
        nodes += fmt::format("  s{} [label=\"{} {}\\n{}\", shape=folder, fillcolor=\"#fafafa\", class=\"collapsed\", "
                             "tooltip=\"{} people below {}\"];\n",
                             summary, count, shown ? "more" : count == 1 ? "person" : "people",
                             dot_text(family_mix(mix)), count, dot_text(org.people[i].name));
        edges += fmt::format("  p{} -> s{};\n", i, summary);
        ++summary;
    }
    chart.collapsed = summary;
    chart.people = subtree(t, org, tops).first;
    chart.dot = dot_page(nodes, edges);
    return chart;
}

std::string render_svg(const std::string& dot) {
    // Graphviz keeps global state: one rendering at a time.
    static std::mutex graphviz;
    const std::lock_guard<std::mutex> lock(graphviz);
    GVC_t* gvc = gvContext();
    if (!gvc) throw Error("cannot start Graphviz");
    Agraph_t* g = agmemread(dot.c_str());
    if (!g) {
        gvFreeContext(gvc);
        throw Error("Graphviz could not read the chart");
    }
    std::string svg;
    char* data = nullptr;
    unsigned int length = 0;
    const bool ok = gvLayout(gvc, g, "dot") == 0 && gvRenderData(gvc, g, "svg", &data, &length) == 0;
    if (ok && data) svg.assign(data, length);
    if (data) gvFreeRenderData(data);
    gvFreeLayout(gvc, g);
    agclose(g);
    gvFreeContext(gvc);
    if (!ok) throw Error("Graphviz could not lay out the chart (is the dot layout plugin installed? libgvc6)");
    return svg;
}

std::string chart_caption(const OrgChart& chart, int depth) {
    return fmt::format("{} of {} people drawn, {} levels deep; {} box{} stand{} for the people below them "
                       "(head count and role families)",
                       chart.drawn, chart.people, depth, chart.collapsed, chart.collapsed == 1 ? "" : "es",
                       chart.collapsed == 1 ? "s" : "");
}

} // namespace orgplan
