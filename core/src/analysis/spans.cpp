#include "orgplan/analysis/spans.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "orgplan/analysis/shared_work.hpp"
#include "orgplan/model/enums.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/storage/org_store.hpp"
#include "../base/view_map.hpp"

namespace orgplan {

sdk::ReportingTree reporting_tree(const std::vector<ReportingLine>& lines) {
    const auto n = static_cast<std::uint32_t>(lines.size());
    constexpr auto kTop = sdk::ReportingTree::kTop;
    // Only managers' ids are hashed (a tenth of the people or fewer, so the table stays in cache); each is found in
    // the id-ordered lines by a merge.
    ViewMap<std::uint32_t> manager_index;
    for (const auto& line : lines)
        if (!line.manager_id.empty()) manager_index.emplace(line.manager_id, kTop);
    const bool sorted = std::is_sorted(lines.begin(), lines.end(),
                                       [](const ReportingLine& a, const ReportingLine& b) { return a.id < b.id; });
    if (sorted) {
        // The managers' ids in order, merged with the id-ordered lines in one pass.
        std::vector<std::string_view> ids;
        ids.reserve(manager_index.size());
        for (const auto& [id, index] : manager_index) ids.push_back(id);
        std::sort(ids.begin(), ids.end());
        std::uint32_t at = 0;
        for (const auto id : ids) {
            while (at < n && lines[at].id < id) ++at;
            if (at < n && lines[at].id == id) manager_index[id] = at;
        }
    } else {
        for (std::uint32_t i = 0; i < n; ++i)
            if (auto it = manager_index.find(lines[i].id); it != manager_index.end()) it.value() = i;
    }
    std::vector<std::uint32_t> manager(n, kTop);
    for (std::uint32_t i = 0; i < n; ++i)
        if (!lines[i].manager_id.empty())
            if (const auto m = manager_index.at(lines[i].manager_id); m != i) manager[i] = m;
    return sdk::reporting_tree_of(std::move(manager));
}

sdk::ReportingTree reporting_tree(const Org& org) {
    const auto positions = people_by_id(org)->manager_positions();
    std::vector<std::uint32_t> manager(positions.size(), sdk::ReportingTree::kTop);
    for (std::size_t i = 0; i < positions.size(); ++i)
        if (positions[i] >= 0 && static_cast<std::size_t>(positions[i]) != i)
            manager[i] = static_cast<std::uint32_t>(positions[i]);
    return sdk::reporting_tree_of(std::move(manager));
}

SpanBands::SpanBands(const Settings& settings) {
    for (std::size_t b = 0; b < upper_.size(); ++b) {
        const auto key = fmt::format("spans.band_{}", b + 1);
        upper_[b] = static_cast<std::uint32_t>(settings.get(key));
        if (b > 0 && upper_[b] <= upper_[b - 1])
            throw Error(fmt::format("setting {} ({}) must be above spans.band_{} ({}): the bands are upper bounds "
                                    "in increasing order; fix it with orgplan config set {} N",
                                    key, upper_[b], b, upper_[b - 1], key));
    }
}

std::size_t SpanBands::band_of(std::uint32_t directs) const {
    for (std::size_t b = 0; b < upper_.size(); ++b)
        if (directs <= upper_[b]) return b;
    return kCount - 1;
}

std::string SpanBands::label(std::size_t band) const {
    if (band == kCount - 1) return fmt::format("{}+", upper_.back() + 1);
    const std::uint32_t low = band == 0 ? 1 : upper_[band - 1] + 1;
    return low == upper_[band] ? std::to_string(low) : fmt::format("{}-{}", low, upper_[band]);
}

namespace detail {

void add_to_group(SpanGroup& g, std::vector<std::uint32_t>& spans, std::vector<bool>& layers_seen,
                  const sdk::ReportingTree& tree, const SpanBands& bands, std::size_t i) {
    ++g.people;
    const auto layer = tree.layer[i];
    if (layers_seen.size() <= layer) layers_seen.resize(layer + 1, false);
    layers_seen[layer] = true;
    g.top_layer = g.top_layer ? std::min(g.top_layer, layer) : layer;
    g.bottom_layer = std::max(g.bottom_layer, layer);
    const auto directs = tree.directs[i];
    if (!directs) return;
    ++g.managers;
    g.managers_of_one += directs == 1;
    ++g.band_managers[bands.band_of(directs)];
    spans.push_back(directs);
}

void finish_group(SpanGroup& g, std::vector<std::uint32_t>& spans, const std::vector<bool>& layers_seen) {
    g.layers = static_cast<std::uint32_t>(std::count(layers_seen.begin(), layers_seen.end(), true));
    if (spans.empty()) return;
    double sum = 0;
    for (auto s : spans) sum += s;
    g.mean_span = sum / spans.size();
    const auto mid = spans.begin() + static_cast<long>(spans.size() / 2);
    std::nth_element(spans.begin(), mid, spans.end());
    if (spans.size() % 2) {
        g.median_span = *mid;
    } else {
        const auto below = *std::max_element(spans.begin(), mid);
        g.median_span = (below + *mid) / 2.0;
    }
}

} // namespace detail

SpanGroup span_summary(const sdk::ReportingTree& tree, const SpanBands& bands) {
    auto groups = span_groups(tree, bands, [](std::size_t) { return std::string_view(); });
    return groups.empty() ? SpanGroup{} : std::move(groups.front());
}

} // namespace orgplan
