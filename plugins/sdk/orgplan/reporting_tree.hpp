// The reporting tree of a list of people, from each person's manager id: direct and total reports and the layer of
// every person. Header-only and plain data, so the host (orgplan spans) and plugins (span diagnostics) share it.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <functional>
#include <vector>

namespace orgplan::sdk {

struct ReportingTree {
    static constexpr std::uint32_t kTop = UINT32_MAX;
    /// Index of each person's manager in the list; kTop at the top (no manager, or one not in the list).
    std::vector<std::uint32_t> manager;
    std::vector<std::uint32_t> directs; ///< direct reports (span of control)
    std::vector<std::uint32_t> reports; ///< everyone below, at any depth
    std::vector<std::uint32_t> layer;   ///< distance from the top of the tree; the top is layer 1
    std::uint32_t layers = 0;           ///< the deepest layer
};

/// The tree from each person's manager, given as an index into the same list (ReportingTree::kTop for none). A
/// reporting cycle (refused by import, so only in hand-made data) is cut where it closes: that person counts as a
/// top.
inline ReportingTree reporting_tree_of(std::vector<std::uint32_t> manager) {
    const auto n = static_cast<std::uint32_t>(manager.size());
    ReportingTree t;
    t.manager = std::move(manager);
    t.directs.assign(n, 0);
    t.reports.assign(n, 0);
    t.layer.assign(n, 0);
    // Layers: walk up to the first person whose layer is known, then number the path on the way back down.
    constexpr std::uint32_t kOnPath = UINT32_MAX;
    std::vector<std::uint32_t> path;
    for (std::uint32_t start = 0; start < n; ++start) {
        if (t.layer[start]) continue;
        path.clear();
        std::uint32_t at = start;
        while (at != ReportingTree::kTop && !t.layer[at]) {
            t.layer[at] = kOnPath;
            path.push_back(at);
            at = t.manager[at];
        }
        if (at != ReportingTree::kTop && t.layer[at] == kOnPath) {
            // A cycle: cut it above the person it closes on, forget the path and walk again from the same start.
            t.manager[at] = ReportingTree::kTop;
            for (auto p : path) t.layer[p] = 0;
            --start;
            continue;
        }
        std::uint32_t above = at == ReportingTree::kTop ? 0 : t.layer[at];
        for (auto p = path.rbegin(); p != path.rend(); ++p) t.layer[*p] = ++above;
    }
    // Directs and total reports, deepest layer first so each person's total is complete before it is passed up.
    for (std::uint32_t i = 0; i < n; ++i) t.layers = std::max(t.layers, t.layer[i]);
    std::vector<std::uint32_t> start(t.layers + 2, 0), order(n);
    for (std::uint32_t i = 0; i < n; ++i) ++start[t.layer[i] + 1];
    for (std::uint32_t l = 1; l < start.size(); ++l) start[l] += start[l - 1];
    for (std::uint32_t i = 0; i < n; ++i) order[start[t.layer[i]]++] = i;
    for (auto k = n; k-- > 0;) {
        const auto i = order[k];
        if (const auto m = t.manager[i]; m != ReportingTree::kTop) {
            ++t.directs[m];
            t.reports[m] += t.reports[i] + 1;
        }
    }
    return t;
}

namespace detail {

/// Positions of records by id, open-addressed with linear probing: a million ids in one vector of slots, without
/// the node per id of std::unordered_map (which made the index most of a span check's time). The first of a
/// repeated id wins.
template <typename People>
class IdSlots {
public:
    explicit IdSlots(const People& people) : people_(people) {
        std::size_t size = 16;
        while (size < 2 * people.size()) size *= 2;
        mask_ = size - 1;
        slots_.assign(size, kEmpty);
        for (std::uint32_t i = 0; i < people.size(); ++i) {
            auto at = slot_of(people[i].id);
            if (slots_[at] == kEmpty) slots_[at] = i;
        }
    }
    /// The position of `id`, or kEmpty.
    std::uint32_t find(std::string_view id) const { return slots_[slot_of(id)]; }
    static constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;

private:
    // The slot holding `id`, or the empty slot where it would go.
    std::size_t slot_of(std::string_view id) const {
        auto at = std::hash<std::string_view>{}(id) & mask_;
        while (slots_[at] != kEmpty && std::string_view(people_[slots_[at]].id) != id) at = (at + 1) & mask_;
        return at;
    }
    const People& people_;
    std::vector<std::uint32_t> slots_;
    std::size_t mask_ = 0;
};

} // namespace detail

/// `People` is a vector of records with `id` and `manager_id` strings (orgplan::Person, or the host's lean rows); a
/// manager id not in the list counts as none.
template <typename People>
ReportingTree reporting_tree(const People& people) {
    const auto n = static_cast<std::uint32_t>(people.size());
    const detail::IdSlots<People> index(people);
    std::vector<std::uint32_t> manager(n, ReportingTree::kTop);
    for (std::uint32_t i = 0; i < n; ++i) {
        const auto& m = people[i].manager_id;
        if (m.empty()) continue;
        if (const auto at = index.find(m); at != detail::IdSlots<People>::kEmpty && at != i) manager[i] = at;
    }
    return reporting_tree_of(std::move(manager));
}

} // namespace orgplan::sdk
