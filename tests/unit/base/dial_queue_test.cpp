#include <catch2/catch.hpp>

#include <utility>
#include <vector>

#include "base/dial_queue.hpp"

using orgplan::DialQueue;

namespace {
using Visits = std::vector<std::pair<std::int64_t, int>>;
}

TEST_CASE("a Dial queue gives nodes in order of distance, those of one distance in the order they came") {
    DialQueue q;
    q.reset();
    q.push(3, 30);
    q.push(0, 1);
    q.push(3, 31);
    q.push(DialQueue::kBuckets + 5, 50); // past the buckets: the heap
    q.push(DialQueue::kBuckets, 40);
    Visits seen;
    q.drain([&](std::int64_t d, int v) {
        seen.emplace_back(d, v);
        if (v == 1) q.push(0, 2); // the same distance, while it is visited
        if (v == 40) q.push(DialQueue::kBuckets, 41);
        return true;
    });
    CHECK(seen == Visits{{0, 1}, {0, 2}, {3, 30}, {3, 31}, {DialQueue::kBuckets, 40}, {DialQueue::kBuckets, 41},
                         {DialQueue::kBuckets + 5, 50}});
}

TEST_CASE("a Dial queue stops when told, and starts empty again after reset") {
    DialQueue q;
    q.reset();
    for (int v = 0; v < 5; ++v) q.push(v, v);
    Visits seen;
    q.drain([&](std::int64_t d, int v) {
        seen.emplace_back(d, v);
        return v < 2;
    });
    CHECK(seen == Visits{{0, 0}, {1, 1}, {2, 2}});
    q.reset();
    q.push(7, 9);
    seen.clear();
    q.drain([&](std::int64_t d, int v) {
        seen.emplace_back(d, v);
        return true;
    });
    CHECK(seen == Visits{{7, 9}});
}
