#include <catch2/catch.hpp>

#include <cmath>
#include <map>

#include <random>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/successive_shortest_path_nonnegative_weights.hpp>
// find_flow_cost.hpp relies on declarations from the header above.
#include <boost/graph/find_flow_cost.hpp>

#include "reference_min_cost_flow.hpp"

using orgplan::MinCostFlow;

namespace {

// Boost.Graph's successive shortest paths serves as the reference answer. Its costs are doubles: with integer costs
// it adds two "infinite" distances of unreachable vertices (LONG_MAX + LONG_MAX, undefined behaviour that UBSan
// stops on); the test's costs are small integers, exact as doubles.
using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
using Graph = boost::adjacency_list<
    boost::vecS, boost::vecS, boost::directedS, boost::no_property,
    boost::property<boost::edge_capacity_t, long,
                    boost::property<boost::edge_residual_capacity_t, long,
                                    boost::property<boost::edge_reverse_t, Traits::edge_descriptor,
                                                    boost::property<boost::edge_weight_t, double>>>>>;

struct Reference {
    Graph g;
    explicit Reference(int n) : g(n) {}
    void add(int u, int v, long cap, long cost) {
        auto e = boost::add_edge(u, v, g).first;
        auto r = boost::add_edge(v, u, g).first;
        boost::put(boost::edge_capacity, g, e, cap);
        boost::put(boost::edge_capacity, g, r, 0);
        boost::put(boost::edge_weight, g, e, static_cast<double>(cost));
        boost::put(boost::edge_weight, g, r, -static_cast<double>(cost));
        boost::put(boost::edge_reverse, g, e, r);
        boost::put(boost::edge_reverse, g, r, e);
    }
    std::pair<long, long> solve(int s, int t) {
        boost::successive_shortest_path_nonnegative_weights(g, s, t);
        long flow = 0;
        for (auto [it, end] = boost::out_edges(s, g); it != end; ++it)
            flow += boost::get(boost::edge_capacity, g, *it) - boost::get(boost::edge_residual_capacity, g, *it);
        return {flow, std::lround(boost::find_flow_cost(g))};
    }
};

// After solve(): (from, flow) of each edge into `v`, in the order the edges were added.
std::vector<std::pair<int, std::int64_t>> edges_into(const MinCostFlow& f, int v) {
    std::vector<std::pair<int, std::int64_t>> out;
    f.for_each_edge_into(v, [&](int from, std::int64_t flow) { out.emplace_back(from, flow); });
    return out;
}

using Flows = std::vector<std::pair<int, std::int64_t>>;

} // namespace

TEST_CASE("min-cost flow solves a small assignment by hand") {
    // Two mentors with one slot each, two novices: the cheap pair for n1 would strand n2 on an expensive one.
    MinCostFlow f(6);
    const int s = 0, a = 1, b = 2, n1 = 3, n2 = 4, t = 5;
    f.add_edge(s, a, 1, 0);
    f.add_edge(s, b, 1, 0);
    f.add_edge(a, n1, 1, 2);
    f.add_edge(b, n1, 1, 5);
    f.add_edge(a, n2, 1, 5);
    f.add_edge(b, n2, 1, 9);
    f.add_edge(n1, t, 1, 0);
    f.add_edge(n2, t, 1, 0);
    const auto [flow, cost] = f.solve(s, t);
    CHECK(flow == 2);
    CHECK(cost == 10); // greedy would take a-n1 (2) then b-n2 (9) = 11
    // Each node's incoming edges in the order they were added, whatever the arcs between them (n1's outgoing edge
    // to t was added after its incoming ones; a has edges out before and after its one edge in).
    CHECK(edges_into(f, n1) == Flows{{a, 0}, {b, 1}});
    CHECK(edges_into(f, n2) == Flows{{a, 1}, {b, 0}});
    CHECK(edges_into(f, t) == Flows{{n1, 1}, {n2, 1}});
    CHECK(edges_into(f, a) == Flows{{s, 1}});
    CHECK(edges_into(f, s).empty());
}

TEST_CASE("min-cost flow from a node to itself sends nothing, and a sink out of reach gets nothing") {
    MinCostFlow same(3);
    same.add_edge(0, 1, 4, 1);
    same.add_edge(1, 0, 4, 1);
    CHECK(same.solve(0, 0) == std::pair<std::int64_t, std::int64_t>{0, 0});
    CHECK(edges_into(same, 1) == Flows{{0, 0}});
    MinCostFlow apart(3);
    apart.add_edge(0, 1, 4, 1);
    CHECK(apart.solve(0, 2) == std::pair<std::int64_t, std::int64_t>{0, 0});
}

TEST_CASE("min-cost flow matches Boost.Graph on random transportation problems") {
    std::mt19937 rng(12345);
    for (int round = 0; round < 60; ++round) {
        const int mentors = 1 + static_cast<int>(rng() % 12), novices = 1 + static_cast<int>(rng() % 20);
        const int n = mentors + novices + 2, s = 0, t = n - 1;
        MinCostFlow mine(n);
        Reference ref(n);
        std::map<std::pair<int, int>, long> edge_cost; // one edge per pair of nodes here
        for (int m = 0; m < mentors; ++m) {
            const long cap = static_cast<long>(rng() % 4);
            mine.add_edge(s, 1 + m, cap, 0);
            ref.add(s, 1 + m, cap, 0);
        }
        for (int m = 0; m < mentors; ++m)
            for (int k = 0; k < novices; ++k)
                if (rng() % 3 != 0) {
                    const long cost = static_cast<long>(rng() % 11);
                    mine.add_edge(1 + m, 1 + mentors + k, 1, cost);
                    ref.add(1 + m, 1 + mentors + k, 1, cost);
                    edge_cost[{1 + m, 1 + mentors + k}] = cost;
                }
        for (int k = 0; k < novices; ++k) {
            mine.add_edge(1 + mentors + k, t, 1, 0);
            ref.add(1 + mentors + k, t, 1, 0);
        }
        INFO("round " << round);
        const auto solved = mine.solve(s, t);
        CHECK(solved == ref.solve(s, t));
        // The flows edge by edge add up to the total and its cost, and each novice takes at most one mentor.
        std::int64_t into_t = 0, cost = 0;
        for (const auto& [from, f] : edges_into(mine, t)) into_t += f;
        for (int k = 0; k < novices; ++k) {
            std::int64_t in = 0;
            for (const auto& [from, f] : edges_into(mine, 1 + mentors + k)) {
                in += f;
                cost += f * edge_cost.at({from, 1 + mentors + k});
            }
            CHECK(in <= 1);
        }
        CHECK(into_t == solved.first);
        CHECK(cost == solved.second);
    }
}

TEST_CASE("an edge whose capacity or cost does not fit in 32 bits, or whose node is not in the graph, is refused") {
    MinCostFlow f(3);
    CHECK_THROWS_WITH(f.add_edge(0, 1, std::int64_t{1} << 31, 1), Catch::Contains("edge 0->1"));
    CHECK_THROWS_AS(f.add_edge(1, 2, 1, std::int64_t{1} << 40), std::invalid_argument);
    CHECK_THROWS_AS(f.add_edge(1, 2, -1, 0), std::invalid_argument);
    CHECK_THROWS_WITH(f.add_edge(1, 3, 1, 0), Catch::Contains("nodes are 0 to 2"));
    CHECK_THROWS_AS(f.add_edge(-1, 2, 1, 0), std::invalid_argument);
    f.add_edge(0, 1, (std::int64_t{1} << 31) - 1, 2);
    f.add_edge(1, 2, 5, 3);
    CHECK(f.solve(0, 2) == std::make_pair<std::int64_t, std::int64_t>(5, 25));
    CHECK(edges_into(f, 1) == Flows{{0, 5}});
}
