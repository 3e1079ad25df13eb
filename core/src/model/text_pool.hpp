// One Text per distinct string while a snapshot is read: the titles, locations, units and managers a million people
// repeat then share a block each instead of holding a copy each.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "orgplan/text.hpp"
#include "../base/place_table.hpp"

namespace orgplan {

/// Not thread-safe: one reader fills it.
class TextPool {
public:
    /// Keeps at most `most` distinct strings: a column of all different values (a rare org with a unit per
    /// person) stops growing the pool there and costs what it did without one.
    explicit TextPool(std::size_t most = std::size_t{1} << 18) : most_(most) {}

    /// A Text equal to `s`: the pool's own when it has one (a copy shares its block), else a new one, kept while
    /// the pool has room. Text short enough to be held inline is never pooled (it has no block to share).
    Text get(std::string_view s);

    /// How many distinct strings it keeps.
    std::size_t size() const { return texts_.size(); }

private:
    std::size_t most_;
    std::vector<Text> texts_; // all held in blocks, so their text stays put as the vector grows
    PlaceTable places_;       // open addressing over texts_: a lookup is one cache line, not a node chase
};

} // namespace orgplan
