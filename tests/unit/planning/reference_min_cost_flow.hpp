// Minimum-cost maximum flow on small integer costs (primal-dual: Dijkstra with potentials, then a blocking
// flow over the shortest-path edges, so one phase augments many paths at once), on any graph.
// The reference of the tests: checked against Boost.Graph (min_cost_flow_test), it is what the mentor matching's
// own flow (MatchingFlow, the same method on its one graph) must agree with pair for pair (matching_flow_test).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "base/dial_queue.hpp"

namespace orgplan {

class MinCostFlow {
public:
    explicit MinCostFlow(int nodes);
    /// Room for `edges` edges, so a graph of millions is not copied as it grows.
    void reserve_edges(std::size_t edges);
    /// Adds an edge with non-negative cost; returns its id for flow(). Capacity and cost must fit in 32 bits (they
    /// are kept that small so a graph of millions of edges stays small); throws std::invalid_argument otherwise, and
    /// for a node outside the graph.
    int add_edge(int from, int to, std::int64_t capacity, std::int64_t cost);
    /// Sends the maximum flow from s to t at minimum total cost; returns {flow, cost}. Call once.
    std::pair<std::int64_t, std::int64_t> solve(int s, int t);
    /// After solve(): calls `f(from, flow)` for each edge that ends at node `v`, in the order the edges were added.
    /// (The graph keeps no table from edge ids to arcs: at a million edges it would be a fifth of the graph.)
    template <typename F>
    void for_each_edge_into(int v, F&& f) const {
        for (int a = first_arc_[v]; a < first_arc_[v + 1]; ++a)
            if (!forward(a)) f(to_[a], static_cast<std::int64_t>(capacity_[a])); // a twin holds its edge's flow
    }

private:
    struct Added { // edges as added, column by column
        std::vector<int> from, to;
        std::vector<std::int32_t> capacity, cost;
    };
    void build_arcs();
    /// distance_: each node's reduced distance from s, exact for those closer than t, at least t's for the rest.
    void shortest_distances(int s, int t);
    void keep_admissible();
    /// Writes the phase's admissible capacities back to their arcs.
    void end_phase();
    bool forward(int a) const { return (forward_bits_[a >> 6] >> (a & 63)) & 1; }
    /// Calls `f(place, arc)` for each admissible arc in arc order, its place in the phase's list counting from 0.
    template <typename F>
    void for_each_admissible(F&& f) const;
    /// level_: BFS levels over the admissible arcs with capacity left; false when t cannot be reached.
    bool level_graph(int s, int t);
    /// Sends flow along one shortest path of the level graph; returns how much (0: none is left).
    std::int64_t augment(int s, int t);

    int nodes_;
    Added added_; // until solve() lays them out as arcs
    // The residual graph, each node's arcs side by side (in the order their edges were added) so that every scan of
    // a node's arcs reads one run of memory: arc a goes to to_[a], its twin in the other direction is reverse_[a].
    std::vector<int> first_arc_; // node v's arcs are [first_arc_[v], first_arc_[v + 1])
    std::vector<int> to_, reverse_;
    std::vector<std::uint64_t> forward_bits_;  // arc -> whether it is its edge's forward arc, a bit each
    std::vector<int> admissible_first_; // the phase's arcs of zero reduced cost, node by node (the bitmap below)
    std::vector<int> admissible_to_;                  // where each of them goes (to_ of it, read without a jump)
    std::vector<std::int32_t> admissible_capacity_;   // their capacity left, during the phase
    std::vector<int> admissible_twin_;                // where each one's twin is in the list
    std::vector<std::uint64_t> admissible_bits_;      // arc -> whether it is in the list, a bit each
    std::vector<int> admissible_before_;              // listed arcs before each word of the bitmap
    std::vector<std::int32_t> capacity_, cost_;
    std::vector<std::int64_t> potential_, distance_;
    std::vector<int> level_, next_;
    DialQueue waiting_;                      // Dijkstra's nodes waiting, by distance
    std::vector<int> order_;                 // the BFS's nodes in the order they were reached
    std::vector<int> path_;                  // augment's path from s, as places in the admissible list
};

} // namespace orgplan
