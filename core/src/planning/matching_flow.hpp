// Minimum-cost maximum matching of novices to mentors as a flow: source -> mentor (the mentor's slots) -> novice ->
// sink (one mentor a novice), each novice reached from a few mentors directly at their own cost and from every
// mentor through a hub at the base cost. A general min-cost flow keeps each mentor-novice edge as two arcs of 16
// bytes; here an edge is kept novice by novice and mentor by mentor (its mentor, novice, place and cost: 14 bytes,
// and a bit for its flow, which both directions read). The method is the general one, step for step and arc for arc
// in the same order (primal-dual: Dijkstra with potentials, then a blocking flow over the shortest-path arcs), so
// the pairs are those it finds.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "../base/dial_queue.hpp"

namespace orgplan {

class MatchingFlow {
public:
    /// `slots[m]`: how many novices mentor m can take; `novices`: how many there are; `base`: what any mentor costs
    /// a novice through the hub. Throws std::invalid_argument for a negative count or slot, or a base outside 0 to
    /// 255 (costs are kept in a byte).
    MatchingFlow(std::vector<int> slots, int novices, int base);
    /// Room for `edges` direct edges (millions: reserved once, not grown).
    void reserve_edges(std::size_t edges);
    /// A direct edge from mentor `mentor` to novice `novice` at `cost`. Novices come in order (a novice's edges
    /// after the previous novice's), each novice's edges in the order they are to be tried; a novice has at most
    /// one edge from each mentor. Throws std::invalid_argument for a mentor or novice outside the graph, a novice
    /// before the last one, or a cost outside [0, base) (no better than the hub: leave the edge out).
    void add_edge(int mentor, int novice, int cost);
    /// The matching: (mentor, novice) pairs, first the direct ones novice by novice in the order their edges were
    /// added, then the hub's flow mentor by mentor, each mentor's share going to the next novices (in order) that the
    /// hub reaches. Call once.
    std::vector<std::pair<int, int>> solve();

private:
    enum class Kind { source, mentor, hub, novice, sink };
    /// A node's arcs as a general flow lays them out: each node's edges in the order they were added, an edge going
    /// out of it or coming back (the twin of an edge into it). `first` is where its direct edges start (a mentor's
    /// in the mentor-major lists, a novice's in the novice-major ones).
    struct Node {
        Kind kind;
        int index; // the mentor or novice; 0 otherwise
        int first, count;
    };
    Node node(int v) const;
    /// Where node v's arc k goes, how much more it can carry, what it costs; push() sends `amount` more along it
    /// (its twin carries as much less).
    int head(const Node& v, int k) const;
    int residual(const Node& v, int k) const;
    int cost(const Node& v, int k) const;
    void push(const Node& v, int k, int amount);
    /// Which of node v's arcs goes to node w (there is one at most).
    int arc_to(const Node& v, int w) const;
    bool carries(int edge) const { return (edge_flow_[static_cast<std::size_t>(edge) >> 6] >> (edge & 63)) & 1; }
    void lay_out_mentors();
    void shortest_distances();
    void keep_admissible();
    bool level_graph();
    /// Sends `amount` along the listed arc at place i of node v's list, and opens or closes it and its twin.
    void send(int v, int i, int amount);
    int augment();
    std::vector<std::pair<int, int>> pairs() const;

    int mentors_, novices_, base_;
    int source_, hub_, sink_, nodes_;
    std::vector<int> slots_;
    // Direct edges novice by novice: novice n's are [novice_first_[n], novice_first_[n + 1]).
    std::vector<int> novice_first_{0};
    std::vector<int> edge_mentor_;
    std::vector<std::uint8_t> edge_cost_;
    std::vector<std::uint64_t> edge_flow_; // a bit an edge: it carries its novice
    // The same edges mentor by mentor, in the order they were added: mentor m's are [mentor_first_[m], ...[m + 1]),
    // each with its novice, its place novice by novice, and its cost again (read there in one run of memory).
    std::vector<int> mentor_first_, mentor_novice_, mentor_edge_;
    std::vector<std::uint8_t> mentor_cost_;
    // Flow from the source to each mentor, from each mentor to the hub; from the hub to each novice, each novice to
    // the sink.
    std::vector<int> from_source_, to_hub_;
    std::vector<std::uint8_t> from_hub_, to_sink_;
    std::vector<std::int64_t> potential_, distance_;
    std::vector<int> level_, next_;
    std::vector<int> admissible_first_, admissible_; // each node's arcs of zero reduced cost (where they go), in order
    std::vector<bool> open_;                         // whether each of them can carry more now
    DialQueue waiting_;                              // Dijkstra's nodes waiting, by distance
    std::vector<int> order_;                         // the BFS's nodes in the order they were reached
    std::vector<std::pair<int, int>> path_;          // augment's path from the source: (node, place in admissible_)
};

} // namespace orgplan
