// Nodes waiting by distance for a shortest-path search whose distances are small whole numbers (reduced costs in a
// min-cost flow): a bucket per distance (Dial's queue), a heap only past kBuckets.
#pragma once

#include <cstdint>
#include <functional>
#include <queue>
#include <utility>
#include <vector>

namespace orgplan {

class DialQueue {
public:
    static constexpr std::int64_t kBuckets = 1 << 12;

    /// Empties the queue for a new search (the buckets keep their room).
    void reset() {
        if (buckets_.size() < static_cast<std::size_t>(kBuckets)) buckets_.resize(kBuckets);
        for (auto& b : buckets_) b.clear();
        far_ = {};
    }
    void push(std::int64_t distance, int node) {
        if (distance < kBuckets) buckets_[static_cast<std::size_t>(distance)].push_back(node);
        else far_.push({distance, node});
    }
    /// Calls `visit(distance, node)` for the nodes in order of distance, those of one distance in the order they came,
    /// until it returns false or none is left. `visit` may push (at its distance or further). A node pushed again at a
    /// shorter distance is visited at each: the caller skips the stale visits.
    template <typename Visit>
    void drain(Visit&& visit) {
        for (std::int64_t d = 0;; ++d) {
            if (d >= kBuckets) {
                if (far_.empty()) return;
                d = far_.top().first;
                for (; !far_.empty() && far_.top().first == d; far_.pop()) buckets_[0].push_back(far_.top().second);
            }
            auto& bucket = buckets_[static_cast<std::size_t>(d < kBuckets ? d : 0)];
            if (d < kBuckets && bucket.empty()) continue;
            // A bucket may grow while it is visited (a push at the same distance): by index, not by iterator.
            for (std::size_t i = 0; i < bucket.size(); ++i)
                if (!visit(d, bucket[i])) return;
            bucket.clear();
        }
    }

private:
    using Item = std::pair<std::int64_t, int>;
    std::vector<std::vector<int>> buckets_;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> far_;
};

} // namespace orgplan
