// The order rows are written in: by key, so SQLite appends to its B-trees instead of splitting pages all over them.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "incoming.hpp"
#include "orgplan/base/text.hpp"

namespace orgplan::importing {

/// Indexes 0..n-1 in the order `less` defines, where `key(i)` gives each one's leading string. Prefixes are sorted
/// packed beside their index, so a million comparisons stay in cache; `less` runs only for equal prefixes. An entry
/// is three 32-bit words (the prefix's halves and the index): 12 bytes, where a 64-bit prefix would pad it to 16.
template <typename Key, typename Less>
std::vector<std::uint32_t> key_order(std::size_t n, Key key, Less less) {
    struct Entry {
        std::uint32_t high, low, index;
    };
    std::vector<Entry> entries(n);
    for (std::uint32_t i = 0; i < n; ++i) {
        const auto prefix = text::sort_prefix(key(i));
        entries[i] = {static_cast<std::uint32_t>(prefix >> 32), static_cast<std::uint32_t>(prefix), i};
    }
    std::sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
        if (a.high != b.high) return a.high < b.high;
        return a.low != b.low ? a.low < b.low : less(a.index, b.index);
    });
    std::vector<std::uint32_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = entries[i].index;
    return order;
}

struct WriteOrder {
    std::vector<std::uint32_t> people;      ///< incoming people by id
    std::vector<std::uint32_t> memberships; ///< incoming memberships by person id, then team id
};

/// The write order of incoming people and memberships. Reads only their ids, so it may run on a second thread while
/// the checks (which never change ids or the number of people and memberships) run on the first.
WriteOrder write_order(const IncomingRecords& in);

} // namespace orgplan::importing
