#include "reference_min_cost_flow.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>

namespace orgplan {

namespace {
constexpr std::int64_t kInfinity = std::numeric_limits<std::int64_t>::max() / 4;
}

MinCostFlow::MinCostFlow(int nodes) : nodes_(nodes) {}

int MinCostFlow::add_edge(int from, int to, std::int64_t capacity, std::int64_t cost) {
    if (from < 0 || from >= nodes_ || to < 0 || to >= nodes_)
        throw std::invalid_argument("min-cost flow edge " + std::to_string(from) + "->" + std::to_string(to) +
                                    ": nodes are 0 to " + std::to_string(nodes_ - 1));
    constexpr auto most = std::numeric_limits<std::int32_t>::max();
    if (capacity < 0 || capacity > most || cost < -most || cost > most)
        throw std::invalid_argument("min-cost flow edge " + std::to_string(from) + "->" + std::to_string(to) +
                                    ": capacity and cost must fit in 32 bits");
    added_.from.push_back(from);
    added_.to.push_back(to);
    added_.capacity.push_back(static_cast<std::int32_t>(capacity));
    added_.cost.push_back(static_cast<std::int32_t>(cost));
    return static_cast<int>(added_.from.size() - 1);
}

namespace {
template <typename T>
void release(std::vector<T>& v) {
    std::vector<T>().swap(v);
}
} // namespace

void MinCostFlow::reserve_edges(std::size_t edges) {
    added_.from.reserve(edges);
    added_.to.reserve(edges);
    added_.capacity.reserve(edges);
    added_.cost.reserve(edges);
}

void MinCostFlow::build_arcs() {
    // Node by node, forward arcs and twins in the order their edges were added (the order the search visits them).
    // Column by column, each of the added edges' columns let go once laid out: the edges and the arcs are never
    // whole side by side (millions of edges).
    const auto edges = added_.from.size(), arcs = 2 * edges;
    first_arc_.assign(static_cast<std::size_t>(nodes_) + 1, 0);
    for (std::size_t i = 0; i < edges; ++i) {
        ++first_arc_[static_cast<std::size_t>(added_.from[i]) + 1];
        ++first_arc_[static_cast<std::size_t>(added_.to[i]) + 1];
    }
    for (int v = 0; v < nodes_; ++v) first_arc_[v + 1] += first_arc_[v];
    to_.resize(arcs);
    reverse_.resize(arcs);
    forward_bits_.assign((arcs + 63) / 64, 0);
    // Edge i's forward arc is kept in added_.from[i] until its capacity and cost are laid out: the edges' own
    // column holds the table from edges to arcs while it is needed.
    std::vector<int> fill(first_arc_.begin(), first_arc_.end() - 1);
    for (std::size_t i = 0; i < edges; ++i) {
        const int from = added_.from[i], to = added_.to[i];
        const int forward = fill[from]++, backward = fill[to]++;
        to_[forward] = to;
        to_[backward] = from;
        reverse_[forward] = backward;
        reverse_[backward] = forward;
        forward_bits_[forward >> 6] |= std::uint64_t{1} << (forward & 63);
        added_.from[i] = forward;
    }
    release(fill);
    release(added_.to);
    const auto& forward_of = added_.from;
    capacity_.assign(arcs, 0); // twins start empty
    for (std::size_t i = 0; i < edges; ++i) capacity_[forward_of[i]] = added_.capacity[i];
    release(added_.capacity);
    cost_.resize(arcs);
    for (std::size_t i = 0; i < edges; ++i) {
        cost_[forward_of[i]] = added_.cost[i];
        cost_[reverse_[forward_of[i]]] = -added_.cost[i];
    }
    release(added_.cost);
    release(added_.from);
    potential_.assign(nodes_, 0);
    distance_.resize(nodes_);
    level_.resize(nodes_);
    next_.resize(nodes_);
}

template <typename F>
void MinCostFlow::for_each_admissible(F&& f) const {
    std::size_t i = 0;
    for (std::size_t w = 0; w < admissible_bits_.size(); ++w)
        for (auto bits = admissible_bits_[w]; bits != 0; bits &= bits - 1, ++i)
            f(i, static_cast<int>(64 * w) + __builtin_ctzll(bits));
}

void MinCostFlow::keep_admissible() {
    // With the potentials fixed for the phase, an arc's reduced cost does not change, and an arc of zero reduced
    // cost has a twin of zero reduced cost: the phase's level graphs only ever use these arcs, so they are listed
    // once (each node's in their order) instead of every arc being tested again in every round.
    // During the phase their capacities live beside them, each with its twin's place in the list, so that the level
    // searches and augmenting paths read one run of memory per node; end_phase() writes them back to the arcs.
    // The list takes what it needs and no more (millions of arcs): the admissible arcs are marked in a bitmap and
    // counted before it is filled. It holds them in arc order (nodes' arcs are consecutive), so an arc's place in it
    // is how many admissible arcs come before it: counts by word of the bitmap and one popcount find a twin's place.
    const auto words = (to_.size() + 63) / 64;
    admissible_bits_.assign(words, 0);
    admissible_first_.assign(static_cast<std::size_t>(nodes_) + 1, 0);
    for (int v = 0; v < nodes_; ++v) {
        int count = 0;
        for (int a = first_arc_[v]; a < first_arc_[v + 1]; ++a)
            if (cost_[a] + potential_[v] - potential_[to_[a]] == 0) {
                admissible_bits_[a >> 6] |= std::uint64_t{1} << (a & 63);
                ++count;
            }
        admissible_first_[v + 1] = admissible_first_[v] + count;
    }
    admissible_before_.resize(words + 1);
    admissible_before_[0] = 0;
    for (std::size_t w = 0; w < words; ++w)
        admissible_before_[w + 1] = admissible_before_[w] + __builtin_popcountll(admissible_bits_[w]);
    const auto place_of = [&](int a) {
        const auto below = admissible_bits_[a >> 6] & ((std::uint64_t{1} << (a & 63)) - 1);
        return admissible_before_[a >> 6] + __builtin_popcountll(below);
    };
    const auto listed = static_cast<std::size_t>(admissible_first_[nodes_]);
    admissible_to_.resize(listed);
    admissible_capacity_.resize(listed);
    admissible_twin_.resize(listed);
    for_each_admissible([&](std::size_t i, int a) {
        admissible_to_[i] = to_[a];
        admissible_capacity_[i] = capacity_[a];
        admissible_twin_[i] = place_of(reverse_[a]);
    });
}

void MinCostFlow::end_phase() {
    for_each_admissible([&](std::size_t i, int a) { capacity_[a] = admissible_capacity_[i]; });
}

std::int64_t MinCostFlow::augment(int s, int t) {
    // Depth first from s along the level graph, with the path on a stack rather than the call stack: each node goes
    // on from the arc it stopped at (next_), a node that leads nowhere is left for good (its next_ runs out), and a
    // path reaching t carries the least capacity on it. The same paths in the same order as a recursive search.
    path_.clear();
    int v = s;
    while (true) {
        if (v == t) {
            std::int32_t pushed = std::numeric_limits<std::int32_t>::max();
            for (const int i : path_) pushed = std::min(pushed, admissible_capacity_[i]);
            for (const int i : path_) {
                admissible_capacity_[i] -= pushed;
                admissible_capacity_[admissible_twin_[i]] += pushed;
            }
            return pushed;
        }
        const int next_level = level_[v] + 1, end = admissible_first_[v + 1];
        int& i = next_[v];
        while (i < end && (admissible_capacity_[i] <= 0 || level_[admissible_to_[i]] != next_level)) ++i;
        if (i < end) {
            path_.push_back(i);
            v = admissible_to_[i];
            continue;
        }
        if (path_.empty()) return 0; // s leads nowhere more
        path_.pop_back();
        v = path_.empty() ? s : admissible_to_[path_.back()];
        ++next_[v]; // the arc it took led nowhere
    }
}

void MinCostFlow::shortest_distances(int s, int t) {
    // Dijkstra under reduced costs, which stay non-negative thanks to the potentials. Every node closer than t is
    // settled once t is; the rest only need "at least as far as t", which is what the potentials take from them (the
    // order nodes of one distance are settled in changes nothing).
    std::fill(distance_.begin(), distance_.end(), kInfinity);
    waiting_.reset();
    distance_[s] = 0;
    waiting_.push(0, s);
    waiting_.drain([&](std::int64_t d, int v) {
        if (d != distance_[v]) return true; // settled closer already
        if (v == t) return false;
        for (int a = first_arc_[v]; a < first_arc_[v + 1]; ++a) {
            if (capacity_[a] <= 0) continue;
            const int w = to_[a];
            const std::int64_t nd = d + cost_[a] + potential_[v] - potential_[w];
            if (nd < distance_[w]) {
                distance_[w] = nd;
                waiting_.push(nd, w);
            }
        }
        return true;
    });
}

bool MinCostFlow::level_graph(int s, int t) {
    // Breadth first over the admissible arcs with capacity. Stops once t is reached: every node of a lower level is
    // labelled by then, and nodes at t's level or beyond lie on no shortest path to it.
    std::fill(level_.begin(), level_.end(), -1);
    order_.clear();
    level_[s] = 0;
    order_.push_back(s);
    for (std::size_t head = 0; head < order_.size() && level_[t] < 0; ++head) {
        const int v = order_[head];
        for (int i = admissible_first_[v]; i < admissible_first_[v + 1]; ++i) {
            const int w = admissible_to_[i];
            if (admissible_capacity_[i] > 0 && level_[w] < 0) {
                level_[w] = level_[v] + 1;
                order_.push_back(w);
            }
        }
    }
    return level_[t] >= 0;
}

std::pair<std::int64_t, std::int64_t> MinCostFlow::solve(int s, int t) {
    build_arcs();
    std::int64_t flow = 0, cost = 0;
    if (s == t) return {flow, cost}; // nothing flows from a node to itself
    while (true) {
        shortest_distances(s, t);
        if (distance_[t] >= kInfinity) break;
        for (int v = 0; v < nodes_; ++v) potential_[v] += std::min(distance_[v], distance_[t]);
        keep_admissible();

        // Blocking flow over the admissible arcs, layered by BFS so the search cannot cycle.
        while (level_graph(s, t)) {
            std::copy(admissible_first_.begin(), admissible_first_.end() - 1, next_.begin());
            while (const auto pushed = augment(s, t)) {
                flow += pushed;
                cost += pushed * (potential_[t] - potential_[s]);
            }
        }
        end_phase();
    }
    return {flow, cost};
}

} // namespace orgplan
