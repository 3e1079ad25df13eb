// Built-in diagnostics of the org's shape: spans of control and layers of the reporting tree (docs/spans.md).
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "orgplan/reporting_tree.hpp"
#include "orgplan/diagnostic.hpp"
#include "support.hpp"

namespace orgplan::builtin {
namespace {

using sdk::Finding;
using sdk::ReportingTree;
using sdk::Severity;

std::string who(const Person& p) { return p.name.empty() || p.name == p.id ? p.id.str() : p.name + " (" + p.id + ")"; }

std::string count_of(std::uint32_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

class NarrowSpan final : public sdk::Diagnostic {
public:
    std::vector<Finding> run(const sdk::DiagnosticRequest& r) const override {
        const auto below = static_cast<std::uint32_t>(setting(r.settings, "spans.narrow_below", 3));
        const auto& people = r.org.people;
        const auto& tree = r.reporting;
        std::vector<Finding> out;
        for (std::size_t i = 0; i < people.size(); ++i) {
            const auto directs = tree.directs[i];
            if (!directs || directs >= below) continue;
            const auto up = tree.manager[i];
            out.push_back({"narrow-span", directs == 1 ? Severity::warning : Severity::info, people[i].id,
                           who(people[i]) + " manages " + count_of(directs, "direct report", "direct reports") +
                               " (" + std::to_string(tree.reports[i]) + " in all), fewer than " +
                               std::to_string(below) + "; layer " + std::to_string(tree.layer[i]),
                           up == ReportingTree::kTop
                               ? "merge this group with another or give the manager more reports; a narrow span adds "
                                 "a layer of management for few people"
                               : "merge this group with a sibling under " + who(people[up]) +
                                     ", or move its reports up to them; a narrow span adds a layer of management "
                                     "for few people"});
        }
        return out;
    }
};

class WideSpan final : public sdk::Diagnostic {
public:
    std::vector<Finding> run(const sdk::DiagnosticRequest& r) const override {
        const auto above = static_cast<std::uint32_t>(setting(r.settings, "spans.wide_above", 16));
        const auto& people = r.org.people;
        const auto& tree = r.reporting;
        std::vector<Finding> out;
        for (std::size_t i = 0; i < people.size(); ++i) {
            const auto directs = tree.directs[i];
            if (directs <= above) continue;
            out.push_back({"wide-span", directs > 2 * above ? Severity::error : Severity::warning, people[i].id,
                           who(people[i]) + " has " + std::to_string(directs) + " direct reports, more than " +
                               std::to_string(above),
                           "add a lead or split the group: with this many reports one-to-ones and coaching take "
                           "the manager's whole week"});
        }
        return out;
    }
};

class DeepHierarchy final : public sdk::Diagnostic {
public:
    std::vector<Finding> run(const sdk::DiagnosticRequest& r) const override {
        const auto most = static_cast<std::uint32_t>(setting(r.settings, "spans.max_layers", 6));
        const auto& people = r.org.people;
        const auto& tree = r.reporting;
        // Individual contributors below the allowed depth, by the manager on the last allowed layer above them.
        struct Deep {
            std::uint32_t people = 0;
            std::uint32_t deepest = 0;
            std::uint32_t example = 0; // a deepest contributor
        };
        std::map<std::uint32_t, Deep> by_head;
        for (std::uint32_t i = 0; i < people.size(); ++i) {
            if (tree.directs[i] || tree.layer[i] <= most) continue;
            auto head = i;
            while (tree.layer[head] > most) head = tree.manager[head];
            auto& d = by_head[head];
            ++d.people;
            if (tree.layer[i] > d.deepest) {
                d.deepest = tree.layer[i];
                d.example = i;
            }
        }
        std::vector<Finding> out;
        for (const auto& [head, d] : by_head) {
            // The chain from the head down to the deepest contributor, with its managers of one.
            std::vector<std::uint32_t> chain;
            for (auto at = d.example; at != head; at = tree.manager[at]) chain.push_back(at);
            std::string path = who(people[head]), single;
            for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
                path += " > " + people[*it].id;
                if (tree.directs[*it] == 1) single += (single.empty() ? "" : ", ") + people[*it].id;
            }
            out.push_back({"deep-hierarchy", Severity::warning, people[head].id,
                           count_of(d.people, "individual contributor", "individual contributors") + " below " +
                               who(people[head]) + " sit deeper than layer " + std::to_string(most) +
                               ", the deepest on layer " + std::to_string(d.deepest) + " (" + path + ")",
                           single.empty() ? "remove a layer of management here: every layer slows decisions and "
                                            "hides the work from the top"
                                          : "remove a layer: start with the managers of one in this chain (" + single +
                                                ")"});
        }
        return out;
    }
};

class ProductLayers final : public sdk::Diagnostic {
public:
    std::vector<Finding> run(const sdk::DiagnosticRequest& r) const override {
        const auto most = static_cast<std::uint32_t>(setting(r.settings, "spans.max_product_layers", 1));
        const auto& people = r.org.people;
        const auto& tree = r.reporting;
        auto leads = [&](std::uint32_t i) { return people[i].family == Family::product_leader; };
        // For each top product leader: the most product-leader layers above any PM below them, and the first-line
        // leaders (those PMs report to).
        struct ProductOrg {
            std::uint32_t layers = 0;
            std::vector<std::uint32_t> first_line;
            std::uint32_t pms = 0;
        };
        std::map<std::uint32_t, ProductOrg> by_top;
        for (std::uint32_t i = 0; i < people.size(); ++i) {
            if (people[i].family != Family::pm) continue;
            std::uint32_t layers = 0, top = ReportingTree::kTop, first = ReportingTree::kTop;
            for (auto at = tree.manager[i]; at != ReportingTree::kTop; at = tree.manager[at])
                if (leads(at)) {
                    ++layers;
                    top = at;
                    if (first == ReportingTree::kTop) first = at;
                }
            if (top == ReportingTree::kTop) continue;
            auto& o = by_top[top];
            o.layers = std::max(o.layers, layers);
            ++o.pms;
            if (std::find(o.first_line.begin(), o.first_line.end(), first) == o.first_line.end())
                o.first_line.push_back(first);
        }
        std::vector<Finding> out;
        for (const auto& [top, o] : by_top) {
            if (o.layers <= most) continue;
            std::string first_line;
            for (std::size_t k = 0; k < o.first_line.size() && k < 5; ++k)
                first_line += (k ? ", " : "") + who(people[o.first_line[k]]);
            if (o.first_line.size() > 5) first_line += " and " + std::to_string(o.first_line.size() - 5) + " more";
            out.push_back({"product-layers", Severity::info, people[top].id,
                           who(people[top]) + "'s product org has " + std::to_string(o.layers) +
                               " layers of product leaders above its " + count_of(o.pms, "PM", "PMs") +
                               "; first-line product managers: " + first_line,
                           "the first-line product managers carry the team-building work (hiring, coaching, "
                           "cross-functional collaboration): give them coaching capacity of their own and hiring "
                           "budget, or remove a layer"});
        }
        return out;
    }
};

} // namespace
} // namespace orgplan::builtin

using namespace orgplan;
using namespace orgplan::builtin;

ORGPLAN_PLUGIN_LIBRARY(
    sdk::diagnostic<NarrowSpan>("narrow-span", "1.0.0", "managers with fewer direct reports than spans.narrow_below"),
    sdk::diagnostic<WideSpan>("wide-span", "1.0.0", "managers with more direct reports than spans.wide_above"),
    sdk::diagnostic<DeepHierarchy>("deep-hierarchy", "1.0.0",
                                   "individual contributors more layers below the top than spans.max_layers"),
    sdk::diagnostic<ProductLayers>("product-layers", "1.0.0",
                                   "product orgs with more layers of product leaders above PMs than allowed"))
