// Minimum-cost maximum flow on small integer costs (primal-dual: Dijkstra with potentials, then a blocking
// flow over the shortest-path edges, so one phase augments many paths at once).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace orgplan {

class MinCostFlow {
public:
    explicit MinCostFlow(int nodes);

    /// Room for `edges` edges, so a graph of millions is not copied as it grows.
    void reserve_edges(std::size_t edges) { edges_.reserve(2 * edges); }
    /// Adds an edge with non-negative cost; returns its id for flow().
    int add_edge(int from, int to, std::int64_t capacity, std::int64_t cost);
    /// Sends the maximum flow from s to t at minimum total cost; returns {flow, cost}. Call once.
    std::pair<std::int64_t, std::int64_t> solve(int s, int t);
    /// Flow on an edge after solve().
    std::int64_t flow(int edge) const { return edges_[edge ^ 1].capacity; }

private:
    struct Edge {
        int to;
        std::int64_t capacity;
        std::int64_t cost;
    };
    std::int64_t augment(int v, int t, std::int64_t limit);

    std::vector<Edge> edges_; // edge e and its residual twin e ^ 1
    std::vector<std::vector<int>> out_;
    std::vector<std::int64_t> potential_, distance_;
    std::vector<int> level_;
    std::vector<std::size_t> next_;
};

} // namespace orgplan
