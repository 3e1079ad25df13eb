#include "orgplan/planning/min_cost_flow.hpp"

#include <limits>
#include <queue>

namespace orgplan {

namespace {
constexpr std::int64_t kInfinity = std::numeric_limits<std::int64_t>::max() / 4;
}

MinCostFlow::MinCostFlow(int nodes) : out_(nodes), potential_(nodes, 0), distance_(nodes), level_(nodes), next_(nodes) {}

int MinCostFlow::add_edge(int from, int to, std::int64_t capacity, std::int64_t cost) {
    const int id = static_cast<int>(edges_.size());
    edges_.push_back({to, capacity, cost});
    edges_.push_back({from, 0, -cost});
    out_[from].push_back(id);
    out_[to].push_back(id + 1);
    return id;
}

std::int64_t MinCostFlow::augment(int v, int t, std::int64_t limit) {
    if (v == t) return limit;
    for (auto& i = next_[v]; i < out_[v].size(); ++i) {
        const int e = out_[v][i];
        Edge& edge = edges_[e];
        const std::int64_t reduced = edge.cost + potential_[v] - potential_[edge.to];
        if (edge.capacity <= 0 || reduced != 0 || level_[edge.to] != level_[v] + 1) continue;
        if (const auto pushed = augment(edge.to, t, std::min(limit, edge.capacity)); pushed > 0) {
            edge.capacity -= pushed;
            edges_[e ^ 1].capacity += pushed;
            return pushed;
        }
    }
    return 0;
}

std::pair<std::int64_t, std::int64_t> MinCostFlow::solve(int s, int t) {
    const int n = static_cast<int>(out_.size());
    std::int64_t flow = 0, cost = 0;
    using Item = std::pair<std::int64_t, int>;
    while (true) {
        // Shortest paths under reduced costs, which stay non-negative thanks to the potentials.
        std::fill(distance_.begin(), distance_.end(), kInfinity);
        std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
        distance_[s] = 0;
        queue.push({0, s});
        while (!queue.empty()) {
            const auto [d, v] = queue.top();
            queue.pop();
            if (d != distance_[v]) continue;
            for (int e : out_[v]) {
                const Edge& edge = edges_[e];
                if (edge.capacity <= 0) continue;
                const std::int64_t nd = d + edge.cost + potential_[v] - potential_[edge.to];
                if (nd < distance_[edge.to]) {
                    distance_[edge.to] = nd;
                    queue.push({nd, edge.to});
                }
            }
        }
        if (distance_[t] >= kInfinity) break;
        for (int v = 0; v < n; ++v) potential_[v] += std::min(distance_[v], distance_[t]);

        // Blocking flow over edges of zero reduced cost, layered by BFS so the search cannot cycle.
        while (true) {
            std::fill(level_.begin(), level_.end(), -1);
            std::queue<int> bfs;
            level_[s] = 0;
            bfs.push(s);
            // Stops once t is reached: every node of a lower level is labelled by then, and nodes at t's level or
            // beyond lie on no shortest path to it.
            while (!bfs.empty() && level_[t] < 0) {
                const int v = bfs.front();
                bfs.pop();
                for (int e : out_[v]) {
                    const Edge& edge = edges_[e];
                    if (edge.capacity > 0 && level_[edge.to] < 0 &&
                        edge.cost + potential_[v] - potential_[edge.to] == 0) {
                        level_[edge.to] = level_[v] + 1;
                        bfs.push(edge.to);
                    }
                }
            }
            if (level_[t] < 0) break;
            std::fill(next_.begin(), next_.end(), 0);
            while (const auto pushed = augment(s, t, kInfinity)) {
                flow += pushed;
                cost += pushed * (potential_[t] - potential_[s]);
            }
        }
    }
    return {flow, cost};
}

} // namespace orgplan
