#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>
#include <random>

#include "planning/matching_flow.hpp"
#include "reference_min_cost_flow.hpp"

using orgplan::MatchingFlow;
using orgplan::MinCostFlow;

namespace {

using Pairs = std::vector<std::pair<int, int>>;

// A matching problem: mentors' slots, and each novice's direct edges (mentor, cost) in the order they are tried.
struct Problem {
    std::vector<int> slots;
    std::vector<std::vector<std::pair<int, int>>> edges; // by novice
    int base = 10;
};

// The same problem on a general min-cost flow, the way the mentor matching built it before it had a flow of its
// own: source, mentors, hub, novices, sink; source -> mentor and mentor -> hub for each mentor, then for each novice
// its direct edges, hub -> novice and novice -> sink. Pairs read the same way: direct ones novice by novice, then the
// hub's flow mentor by mentor to the next novices it reaches.
Pairs reference_pairs(const Problem& p) {
    const int M = static_cast<int>(p.slots.size()), N = static_cast<int>(p.edges.size());
    const int source = 0, hub = M + 1, sink = M + N + 2;
    MinCostFlow flow(M + N + 3);
    for (int m = 0; m < M; ++m) {
        flow.add_edge(source, 1 + m, p.slots[m], 0);
        flow.add_edge(1 + m, hub, p.slots[m], 0);
    }
    for (int n = 0; n < N; ++n) {
        for (const auto& [m, c] : p.edges[n]) flow.add_edge(1 + m, M + 2 + n, 1, c);
        flow.add_edge(hub, M + 2 + n, 1, p.base);
        flow.add_edge(M + 2 + n, sink, 1, 0);
    }
    flow.solve(source, sink);
    Pairs pairs;
    std::vector<char> via_hub(N, 0);
    for (int n = 0; n < N; ++n)
        flow.for_each_edge_into(M + 2 + n, [&](int from, std::int64_t f) {
            if (f == 0) return;
            if (from == hub) via_hub[n] = 1;
            else pairs.emplace_back(from - 1, n);
        });
    int n = 0;
    flow.for_each_edge_into(hub, [&](int from, std::int64_t f) {
        for (; f > 0 && n < N; --f) {
            while (n < N && !via_hub[n]) ++n;
            if (n < N) pairs.emplace_back(from - 1, n++);
        }
    });
    return pairs;
}

Pairs matching_pairs(const Problem& p) {
    MatchingFlow flow(p.slots, static_cast<int>(p.edges.size()), p.base);
    for (std::size_t n = 0; n < p.edges.size(); ++n)
        for (const auto& [m, c] : p.edges[n]) flow.add_edge(m, static_cast<int>(n), c);
    return flow.solve();
}

// Mentors of a few slots (some none), novices with a random handful of them in a random order at small costs (many
// ties, so the order arcs are tried in decides between equal plans).
Problem random_problem(std::mt19937& rng, int most_mentors, int most_novices, int most_edges) {
    Problem p;
    p.base = 2 + static_cast<int>(rng() % 10);
    p.slots.resize(rng() % (most_mentors + 1));
    for (auto& s : p.slots) s = static_cast<int>(rng() % 4);
    p.edges.resize(rng() % (most_novices + 1));
    std::vector<int> mentors(p.slots.size());
    std::iota(mentors.begin(), mentors.end(), 0);
    for (auto& edges : p.edges) {
        std::shuffle(mentors.begin(), mentors.end(), rng);
        const auto count = mentors.empty() ? 0 : rng() % (std::min<std::size_t>(mentors.size(), most_edges) + 1);
        for (std::size_t k = 0; k < count; ++k) edges.emplace_back(mentors[k], static_cast<int>(rng() % p.base));
    }
    return p;
}

} // namespace

TEST_CASE("the mentor matching's flow finds a general min-cost flow's pairs, pair for pair") {
    std::mt19937 rng(2026);
    for (int round = 0; round < 400; ++round) {
        const auto problem = random_problem(rng, 12, 30, 6);
        INFO("round " << round);
        CHECK(matching_pairs(problem) == reference_pairs(problem));
    }
}

TEST_CASE("the mentor matching's flow agrees with the general one on a problem of thousands") {
    std::mt19937 rng(7);
    Problem p;
    p.base = 10;
    p.slots.resize(300);
    for (auto& s : p.slots) s = 1 + static_cast<int>(rng() % 4);
    p.edges.resize(1200); // more novices than slots: some go uncovered
    for (auto& edges : p.edges) {
        std::vector<int> mentors(p.slots.size());
        std::iota(mentors.begin(), mentors.end(), 0);
        std::shuffle(mentors.begin(), mentors.end(), rng);
        for (int k = 0; k < 12; ++k) edges.emplace_back(mentors[k], static_cast<int>(rng() % 10));
    }
    const auto pairs = matching_pairs(p);
    CHECK(pairs == reference_pairs(p));
    CHECK(pairs.size() == static_cast<std::size_t>(std::accumulate(p.slots.begin(), p.slots.end(), 0)));
}

TEST_CASE("the mentor matching's flow by hand: the cheap pair for one novice would strand the next") {
    // Mentors a and b with one slot each; novice 0 is cheap with a (2) and dear with b (5), novice 1 costs 5 with a
    // and 9 with b: the best plan gives novice 0 to b and novice 1 to a (10, where greedy takes 11).
    Problem p{{1, 1}, {{{0, 2}, {1, 5}}, {{0, 5}, {1, 9}}}, 10};
    CHECK(matching_pairs(p) == Pairs{{1, 0}, {0, 1}});
    // With no direct edge cheaper than the hub, novices still get mentors through it, in order.
    Problem through_hub{{2, 0, 1}, {{}, {}, {}, {}}, 3};
    CHECK(matching_pairs(through_hub) == Pairs{{0, 0}, {0, 1}, {2, 2}});
    // Nobody to match.
    CHECK(matching_pairs(Problem{{}, {{}, {}}, 5}).empty());
    CHECK(matching_pairs(Problem{{3}, {}, 5}).empty());
}

TEST_CASE("the mentor matching's flow refuses edges outside its graph or out of order, and costs it cannot keep") {
    MatchingFlow flow({1, 1}, 3, 10);
    CHECK_THROWS_WITH(flow.add_edge(2, 0, 1), Catch::Contains("mentors are 0 to 1"));
    CHECK_THROWS_AS(flow.add_edge(-1, 0, 1), std::invalid_argument);
    CHECK_THROWS_AS(flow.add_edge(0, 3, 1), std::invalid_argument);
    CHECK_THROWS_AS(flow.add_edge(0, 0, 10), std::invalid_argument); // no cheaper than the hub
    CHECK_THROWS_AS(flow.add_edge(0, 0, -1), std::invalid_argument);
    flow.add_edge(0, 1, 3);
    CHECK_THROWS_WITH(flow.add_edge(1, 0, 3), Catch::Contains("novice by novice"));
    CHECK_THROWS_AS(MatchingFlow({1}, 1, 256), std::invalid_argument);
    CHECK_THROWS_AS(MatchingFlow({-1}, 1, 10), std::invalid_argument);
    CHECK_THROWS_AS(MatchingFlow({1}, -1, 10), std::invalid_argument);
}
