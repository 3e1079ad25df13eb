#include "matching_flow.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

namespace orgplan {

namespace {
constexpr std::int64_t kInfinity = std::numeric_limits<std::int64_t>::max() / 4;

void require(bool ok, const char* what) {
    if (!ok) throw std::invalid_argument(std::string("mentor matching: ") + what);
}
} // namespace

MatchingFlow::MatchingFlow(std::vector<int> slots, int novices, int base)
    : mentors_(static_cast<int>(slots.size())), novices_(novices), base_(base), slots_(std::move(slots)) {
    require(novices >= 0, "a negative number of novices");
    require(base >= 0 && base <= 255, "the base cost must be 0 to 255");
    for (const int s : slots_) require(s >= 0, "a mentor with negative slots");
    // Nodes as a general flow numbers them: source, mentors, hub, novices, sink.
    source_ = 0;
    hub_ = mentors_ + 1;
    sink_ = mentors_ + novices_ + 2;
    nodes_ = sink_ + 1;
    novice_first_.reserve(static_cast<std::size_t>(novices_) + 1);
}

void MatchingFlow::reserve_edges(std::size_t edges) {
    edge_mentor_.reserve(edges);
    edge_cost_.reserve(edges);
}

void MatchingFlow::add_edge(int mentor, int novice, int cost) {
    const int last = static_cast<int>(novice_first_.size()) - 1; // the novice whose edges come in now
    if (mentor < 0 || mentor >= mentors_ || novice < last || novice >= novices_ || cost < 0 || cost >= base_)
        throw std::invalid_argument(fmt::format("mentor matching: edge {} -> {} at {}: mentors are 0 to {}, novices {} "
                                                "to {} (novice by novice, in order), costs 0 to {}",
                                                mentor, novice, cost, mentors_ - 1, last, novices_ - 1, base_ - 1));
    while (static_cast<int>(novice_first_.size()) - 1 < novice)
        novice_first_.push_back(static_cast<int>(edge_mentor_.size()));
    edge_mentor_.push_back(mentor);
    edge_cost_.push_back(static_cast<std::uint8_t>(cost));
}

// The searches read every arc through these: GCC left them calls when only asked to inline (0.1 s of a plan for
// 100,000 novices).
#define ORGPLAN_HOT inline __attribute__((always_inline))

// The edges were added as: for each mentor, source -> mentor and mentor -> hub; then for each novice, its direct
// edges, hub -> novice and novice -> sink. Each node's arcs follow that order.
ORGPLAN_HOT MatchingFlow::Node MatchingFlow::node(int v) const {
    if (v == source_) return {Kind::source, 0, 0, mentors_};
    if (v < hub_) {
        const int m = v - 1;
        return {Kind::mentor, m, mentor_first_[m], 2 + mentor_first_[m + 1] - mentor_first_[m]};
    }
    if (v == hub_) return {Kind::hub, 0, 0, mentors_ + novices_};
    if (v == sink_) return {Kind::sink, 0, 0, novices_};
    const int n = v - hub_ - 1;
    return {Kind::novice, n, novice_first_[n], novice_first_[n + 1] - novice_first_[n] + 2};
}

ORGPLAN_HOT int MatchingFlow::head(const Node& v, int k) const {
    switch (v.kind) {
    case Kind::source: return 1 + k;
    case Kind::mentor: return k == 0 ? source_ : k == 1 ? hub_ : hub_ + 1 + mentor_novice_[v.first + k - 2];
    case Kind::hub: return k < mentors_ ? 1 + k : hub_ + 1 + (k - mentors_);
    case Kind::novice: {
        const int direct = v.count - 2;
        return k < direct ? 1 + edge_mentor_[v.first + k] : k == direct ? hub_ : sink_;
    }
    case Kind::sink: return hub_ + 1 + k;
    }
    return -1;
}

ORGPLAN_HOT int MatchingFlow::residual(const Node& v, int k) const {
    switch (v.kind) {
    case Kind::source: return slots_[k] - from_source_[k];
    case Kind::mentor:
        if (k == 0) return from_source_[v.index];
        if (k == 1) return slots_[v.index] - to_hub_[v.index];
        return carries(mentor_edge_[v.first + k - 2]) ? 0 : 1;
    case Kind::hub: return k < mentors_ ? to_hub_[k] : 1 - from_hub_[k - mentors_];
    case Kind::novice: {
        const int direct = v.count - 2;
        return k < direct ? (carries(v.first + k) ? 1 : 0) : k == direct ? from_hub_[v.index] : 1 - to_sink_[v.index];
    }
    case Kind::sink: return to_sink_[k];
    }
    return 0;
}

ORGPLAN_HOT int MatchingFlow::cost(const Node& v, int k) const {
    switch (v.kind) {
    case Kind::mentor: return k < 2 ? 0 : mentor_cost_[v.first + k - 2];
    case Kind::hub: return k < mentors_ ? 0 : base_;
    case Kind::novice: {
        const int direct = v.count - 2;
        return k < direct ? -edge_cost_[v.first + k] : k == direct ? -base_ : 0;
    }
    default: return 0;
    }
}

inline int MatchingFlow::arc_to(const Node& v, int w) const {
    switch (v.kind) {
    case Kind::source: return w - 1;
    case Kind::mentor: {
        if (w == source_) return 0;
        if (w == hub_) return 1;
        const auto first = mentor_novice_.begin() + v.first; // a mentor's novices come in order
        return 2 + static_cast<int>(std::lower_bound(first, first + (v.count - 2), w - hub_ - 1) - first);
    }
    case Kind::hub: return w < hub_ ? w - 1 : mentors_ + (w - hub_ - 1);
    case Kind::novice: {
        const int direct = v.count - 2;
        if (w == hub_) return direct;
        if (w == sink_) return direct + 1;
        const auto first = edge_mentor_.begin() + v.first;
        return static_cast<int>(std::find(first, first + direct, w - 1) - first);
    }
    case Kind::sink: return w - hub_ - 1;
    }
    return -1;
}

void MatchingFlow::push(const Node& v, int k, int amount) {
    // Direct edges and the hub's and sink's edges carry one novice at most: `amount` is 1 along them.
    const auto flip = [&](int edge) {
        edge_flow_[static_cast<std::size_t>(edge) >> 6] ^= std::uint64_t{1} << (edge & 63);
    };
    switch (v.kind) {
    case Kind::source: from_source_[k] += amount; return;
    case Kind::mentor:
        if (k == 0) from_source_[v.index] -= amount;
        else if (k == 1) to_hub_[v.index] += amount;
        else flip(mentor_edge_[v.first + k - 2]);
        return;
    case Kind::hub:
        if (k < mentors_) to_hub_[k] -= amount;
        else from_hub_[k - mentors_] = 1;
        return;
    case Kind::novice: {
        const int direct = v.count - 2;
        if (k < direct) flip(v.first + k);
        else if (k == direct) from_hub_[v.index] = 0;
        else to_sink_[v.index] = 1;
        return;
    }
    case Kind::sink: to_sink_[k] = 0; return;
    }
}

void MatchingFlow::lay_out_mentors() {
    // Each mentor's edges in the order they were added: novice by novice, so a counting pass and a fill in edge order.
    while (static_cast<int>(novice_first_.size()) <= novices_)
        novice_first_.push_back(static_cast<int>(edge_mentor_.size()));
    const auto edges = edge_mentor_.size();
    mentor_first_.assign(static_cast<std::size_t>(mentors_) + 1, 0);
    for (const int m : edge_mentor_) ++mentor_first_[static_cast<std::size_t>(m) + 1];
    for (int m = 0; m < mentors_; ++m) mentor_first_[m + 1] += mentor_first_[m];
    mentor_novice_.resize(edges);
    mentor_edge_.resize(edges);
    mentor_cost_.resize(edges);
    std::vector<int> fill(mentor_first_.begin(), mentor_first_.end() - 1);
    for (int n = 0; n < novices_; ++n)
        for (int e = novice_first_[n]; e < novice_first_[n + 1]; ++e) {
            const int j = fill[edge_mentor_[e]]++;
            mentor_novice_[j] = n;
            mentor_edge_[j] = e;
            mentor_cost_[j] = edge_cost_[e];
        }
    edge_flow_.assign((edges + 63) / 64, 0);
    from_source_.assign(mentors_, 0);
    to_hub_.assign(mentors_, 0);
    from_hub_.assign(novices_, 0);
    to_sink_.assign(novices_, 0);
    potential_.assign(nodes_, 0);
    distance_.resize(nodes_);
    level_.resize(nodes_);
    next_.resize(nodes_);
}

void MatchingFlow::shortest_distances() {
    // Dijkstra under reduced costs (non-negative thanks to the potentials). Every node closer than the sink is settled
    // once the sink is; the rest only need "at least as far as the sink", which is all the potentials take from them.
    std::fill(distance_.begin(), distance_.end(), kInfinity);
    waiting_.reset();
    distance_[source_] = 0;
    waiting_.push(0, source_);
    waiting_.drain([&](std::int64_t d, int v) {
        if (d != distance_[v]) return true; // settled closer already
        if (v == sink_) return false;
        const auto arcs = node(v);
        for (int k = 0; k < arcs.count; ++k) {
            if (residual(arcs, k) <= 0) continue;
            const int w = head(arcs, k);
            const std::int64_t nd = d + cost(arcs, k) + potential_[v] - potential_[w];
            if (nd < distance_[w]) {
                distance_[w] = nd;
                waiting_.push(nd, w);
            }
        }
        return true;
    });
}

void MatchingFlow::keep_admissible() {
    // With the phase's potentials fixed, the arcs of zero reduced cost are the only ones its level graphs use:
    // listed once, node by node in arc order, whatever they can carry now.
    admissible_first_.assign(static_cast<std::size_t>(nodes_) + 1, 0);
    admissible_.clear();
    open_.clear();
    for (int v = 0; v < nodes_; ++v) {
        const auto arcs = node(v);
        for (int k = 0; k < arcs.count; ++k)
            if (const int w = head(arcs, k); cost(arcs, k) + potential_[v] - potential_[w] == 0) {
                admissible_.push_back(w);
                open_.push_back(residual(arcs, k) > 0);
            }
        admissible_first_[v + 1] = static_cast<int>(admissible_.size());
    }
}

bool MatchingFlow::level_graph() {
    // Breadth first over the admissible arcs that can carry more, until the sink is reached.
    std::fill(level_.begin(), level_.end(), -1);
    order_.clear();
    level_[source_] = 0;
    order_.push_back(source_);
    for (std::size_t at = 0; at < order_.size() && level_[sink_] < 0; ++at) {
        const int v = order_[at];
        for (int i = admissible_first_[v]; i < admissible_first_[v + 1]; ++i) {
            const int w = admissible_[i];
            if (level_[w] < 0 && open_[i]) {
                level_[w] = level_[v] + 1;
                order_.push_back(w);
            }
        }
    }
    return level_[sink_] >= 0;
}

void MatchingFlow::send(int v, int i, int amount) {
    // The arc and its twin (listed too: its reduced cost is zero as well) may be open or closed after it.
    const int w = admissible_[i];
    const auto from = node(v), to = node(w);
    const int k = arc_to(from, w), back = arc_to(to, v);
    push(from, k, amount);
    open_[i] = residual(from, k) > 0;
    const auto first = admissible_.begin() + admissible_first_[w];
    const auto last = admissible_.begin() + admissible_first_[w + 1];
    // Heads come in increasing order in every node's list but a novice's (its mentors in the order tried; short).
    const auto twin = to.kind == Kind::novice ? std::find(first, last, v) : std::lower_bound(first, last, v);
    open_[static_cast<std::size_t>(twin - admissible_.begin())] = residual(to, back) > 0;
}

int MatchingFlow::augment() {
    // Depth first from the source along the level graph, the path on a stack: each node goes on from the arc it
    // stopped at (next_), a node that leads nowhere is left for good, and a path reaching the sink carries the least
    // any of its arcs can.
    path_.clear();
    int v = source_;
    while (true) {
        if (v == sink_) {
            int pushed = std::numeric_limits<int>::max();
            for (const auto& [u, i] : path_) {
                const auto arcs = node(u);
                pushed = std::min(pushed, residual(arcs, arc_to(arcs, admissible_[i])));
            }
            for (const auto& [u, i] : path_) send(u, i, pushed);
            return pushed;
        }
        const int next_level = level_[v] + 1, end = admissible_first_[v + 1];
        int& i = next_[v];
        while (i < end && (level_[admissible_[i]] != next_level || !open_[i])) ++i;
        if (i < end) {
            path_.emplace_back(v, i);
            v = admissible_[i];
            continue;
        }
        if (path_.empty()) return 0; // the source leads nowhere more
        path_.pop_back();
        v = path_.empty() ? source_ : admissible_[path_.back().second];
        ++next_[v]; // the arc it took led nowhere
    }
}

std::vector<std::pair<int, int>> MatchingFlow::pairs() const {
    std::vector<std::pair<int, int>> out;
    for (int n = 0; n < novices_; ++n)
        for (int e = novice_first_[n]; e < novice_first_[n + 1]; ++e)
            if (carries(e)) out.emplace_back(edge_mentor_[e], n);
    int n = 0;
    for (int m = 0; m < mentors_; ++m)
        for (int f = to_hub_[m]; f > 0 && n < novices_; --f) {
            while (n < novices_ && !from_hub_[n]) ++n;
            if (n < novices_) out.emplace_back(m, n++);
        }
    return out;
}

std::vector<std::pair<int, int>> MatchingFlow::solve() {
    lay_out_mentors();
    while (true) {
        shortest_distances();
        if (distance_[sink_] >= kInfinity) break;
        for (int v = 0; v < nodes_; ++v) potential_[v] += std::min(distance_[v], distance_[sink_]);
        keep_admissible();
        while (level_graph()) {
            std::copy(admissible_first_.begin(), admissible_first_.end() - 1, next_.begin());
            while (augment() > 0) {
            }
        }
    }
    return pairs();
}

} // namespace orgplan
