// orgplan spans: spans of control and layers of the reporting tree, by manager, person, unit or family.
#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "context.hpp"
#include "orgplan/storage/settings_store.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/model/enums.hpp"
#include "orgplan/storage/read_transaction.hpp"
#include "orgplan/analysis/spans.hpp"
#include "orgplan/storage/org_store.hpp"

namespace orgplan::cli {
namespace {

nlohmann::json group_json(const SpanGroup& g, const SpanBands& bands) {
    auto per_band = nlohmann::json::object();
    for (std::size_t b = 0; b < SpanBands::kCount; ++b) per_band[bands.label(b)] = g.band_managers[b];
    return {{"people", g.people},
            {"managers", g.managers},
            {"managers_of_one", g.managers_of_one},
            {"layers", g.layers},
            {"median_span", stable(g.median_span)},
            {"mean_span", stable(g.mean_span)},
            {"bands", per_band}};
}

Table group_table(const std::string& by, const std::vector<SpanGroup>& groups) {
    Table table({{by, by},
                 {"people", "people"},
                 {"managers", "managers"},
                 {"managers_of_one", "managers of one"},
                 {"layers", "layers"},
                 {"top_layer", "top layer"},
                 {"bottom_layer", "bottom layer"},
                 {"median_span", "median span", 1},
                 {"mean_span", "mean span", 1}});
    for (const auto& g : groups)
        table.add({g.key.empty() ? std::string("(none)") : g.key, static_cast<long long>(g.people),
                   static_cast<long long>(g.managers), static_cast<long long>(g.managers_of_one),
                   static_cast<long long>(g.layers), static_cast<long long>(g.top_layer),
                   static_cast<long long>(g.bottom_layer), g.median_span, g.mean_span});
    return table;
}

Table band_table(const SpanGroup& org, const SpanBands& bands) {
    Table table({{"band", "direct reports"}, {"managers", "managers"}, {"share", "share", 2}, {"note", ""}});
    for (std::size_t b = 0; b < SpanBands::kCount; ++b) {
        const double share = org.managers ? static_cast<double>(org.band_managers[b]) / org.managers : 0.0;
        table.add({bands.label(b), static_cast<long long>(org.band_managers[b]), share,
                   std::string(b == SpanBands::kTarget ? "target" : b == 0 ? "managers of one" : "")});
    }
    return table;
}

} // namespace

int cmd_spans(const Args& args) {
    Common common;
    std::string by = "manager", as_of;
    po::options_description desc("spans options");
    desc.add_options()("by", po::value(&by)->value_name("LEVEL"),
                       "manager (default: every manager's span), person (everyone's layer), unit or family");
    add_as_of(desc, as_of);
    add_common(desc, common);
    if (!parse(args, desc, {}, common, "orgplan spans [--by manager|person|unit|family] [--format table|json|csv|md|xlsx|html] [--out FILE]"))
        return 0;
    if (by != "manager" && by != "person" && by != "unit" && by != "family")
        throw UsageError("--by '" + by + "': use manager, person, unit or family");
    std::optional<SnapshotInfo> used;
    const auto opened = open_for_answers(db_path(common), as_of, &used);
    Database& db = *opened;
    const ReadTransaction snapshot(db); // one answer from one commit
    const auto settings = load_settings(db);
    const SpanBands bands(settings);
    const auto loaded = load_reporting_lines(db);
    const auto& people = loaded.lines;
    const auto tree = reporting_tree(people);
    const auto org = span_summary(tree, bands);

    Output output;
    output.title = "spans and layers by " + by;
    if (by == "manager" || by == "person") {
        Table table({{by, by},
                     {"name", "name"},
                     {"family", "family"},
                     {"unit", "unit"},
                     {"reports_to", "reports to"},
                     {"layer", "layer"},
                     {"directs", "directs"},
                     {"reports", "all reports"},
                     {"band", "band"}});
        std::vector<std::uint32_t> order;
        for (std::uint32_t i = 0; i < people.size(); ++i)
            if (by == "person" || tree.directs[i]) order.push_back(i);
        // Managers read top down, the largest organisations first; people stay in id order.
        if (by == "manager")
            std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
                return tree.layer[a] != tree.layer[b] ? tree.layer[a] < tree.layer[b] : tree.reports[a] > tree.reports[b];
            });
        for (const auto i : order) {
            const auto& p = people[i];
            const auto directs = tree.directs[i];
            table.add({std::string(p.id), std::string(p.name), std::string(to_string(p.family)), std::string(p.unit),
                       tree.manager[i] == sdk::ReportingTree::kTop ? std::string()
                                                                   : std::string(people[tree.manager[i]].id),
                       static_cast<long long>(tree.layer[i]), static_cast<long long>(directs),
                       static_cast<long long>(tree.reports[i]), directs ? bands.label(bands.band_of(directs)) : ""});
        }
        output.sections.push_back({"", std::move(table), "rows"});
    } else {
        const auto groups = by == "unit" ? span_groups(tree, bands, [&](std::size_t i) { return people[i].unit; })
                                         : span_groups(tree, bands, [&](std::size_t i) {
                                               return to_string(people[i].family);
                                           });
        output.sections.push_back({"", group_table(by, groups), "rows"});
    }
    output.sections.push_back({"span bands", band_table(org, bands), ""});
    output.fields = {{"by", by}, {"org", group_json(org, bands)}};
    output.notes.push_back(fmt::format("{} people, {} managers over {} layers; median span {:g}, mean {:.1f}; "
                                       "{} managers of one",
                                       org.people, org.managers, org.layers, org.median_span, org.mean_span,
                                       org.managers_of_one));
    note_snapshot(output, used);
    emit(output, common);
    return 0;
}

} // namespace orgplan::cli
