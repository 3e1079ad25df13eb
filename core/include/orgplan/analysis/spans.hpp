// Spans of control and layers of the reporting tree (docs/spans.md): what HR asks of an org's shape.
#pragma once

#include <array>
#include <algorithm>
#include <unordered_map>
#include <cstdint>
#include <memory>
#include <string_view>
#include <string>
#include <vector>

#include "orgplan/storage/database.hpp"

#include "orgplan/org.hpp"
#include "orgplan/reporting_tree.hpp"
#include "orgplan/model/reporting_lines.hpp"
#include "orgplan/model/settings.hpp"

namespace orgplan {


/// The reporting tree of those lines (sdk::reporting_tree, with the id index a million people need).
sdk::ReportingTree reporting_tree(const std::vector<ReportingLine>& lines);
/// The reporting tree of the org's people (as sdk::reporting_tree gives it), through the people index the org's
/// answers share (analysis/shared_work).
sdk::ReportingTree reporting_tree(const Org& org);

/// Span bands by upper bound (settings spans.band_1 .. spans.band_5; the sixth band is above the fifth). The
/// fourth band is the target. Throws orgplan::Error naming the settings when the bounds do not increase.
class SpanBands {
public:
    explicit SpanBands(const Settings& settings);
    static constexpr std::size_t kCount = 6;
    static constexpr std::size_t kTarget = 3;
    std::size_t band_of(std::uint32_t directs) const;
    /// "1", "2-3", ..., "17+".
    std::string label(std::size_t band) const;

private:
    std::array<std::uint32_t, kCount - 1> upper_{};
};

/// Spans and layers of one group of people (the whole org, a unit, a family).
struct SpanGroup {
    std::string key;
    std::size_t people = 0;
    std::size_t managers = 0;        ///< people with at least one direct report
    std::size_t managers_of_one = 0; ///< managers with exactly one direct report
    std::uint32_t top_layer = 0;     ///< the highest (smallest) layer anyone in the group is on
    std::uint32_t bottom_layer = 0;  ///< the deepest layer anyone in the group is on
    std::uint32_t layers = 0;        ///< distinct layers the group's people are on
    double median_span = 0;          ///< over the group's managers; 0 without managers
    double mean_span = 0;
    std::array<std::size_t, SpanBands::kCount> band_managers{}; ///< managers per band
};

/// Groups people by `key_of(i)`, a string_view that outlives the call (a line's unit, a family's name), in key
/// order.
template <typename KeyOf>
std::vector<SpanGroup> span_groups(const sdk::ReportingTree& tree, const SpanBands& bands, KeyOf key_of);

/// The whole org as one group.
SpanGroup span_summary(const sdk::ReportingTree& tree, const SpanBands& bands);

namespace detail {
// Adds person `i` to `g`; `finish` computes the medians from the spans gathered.
void add_to_group(SpanGroup& g, std::vector<std::uint32_t>& spans, std::vector<bool>& layers_seen,
                  const sdk::ReportingTree& tree, const SpanBands& bands, std::size_t i);
void finish_group(SpanGroup& g, std::vector<std::uint32_t>& spans, const std::vector<bool>& layers_seen);
} // namespace detail

template <typename KeyOf>
std::vector<SpanGroup> span_groups(const sdk::ReportingTree& tree, const SpanBands& bands, KeyOf key_of) {
    struct Building {
        SpanGroup group;
        std::vector<std::uint32_t> spans;
        std::vector<bool> layers_seen;
    };
    std::unordered_map<std::string_view, Building> groups;
    for (std::size_t i = 0; i < tree.layer.size(); ++i) {
        auto& b = groups[std::string_view(key_of(i))];
        detail::add_to_group(b.group, b.spans, b.layers_seen, tree, bands, i);
    }
    std::vector<SpanGroup> out;
    out.reserve(groups.size());
    for (auto& [key, b] : groups) {
        b.group.key = std::string(key);
        detail::finish_group(b.group, b.spans, b.layers_seen);
        out.push_back(std::move(b.group));
    }
    std::sort(out.begin(), out.end(), [](const SpanGroup& a, const SpanGroup& b) { return a.key < b.key; });
    return out;
}

} // namespace orgplan
