// Ids of one kind of record, stored and incoming, each with a dense index; and the check that a reference resolves.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../base/view_map.hpp"

#include "problems.hpp"

namespace orgplan::importing {

/// Ids of one kind, what the database already has plus what this import brings, each with a dense index.
/// Keys are views into strings that outlive the set (incoming records, the stored org, broken ids).
class IdIndex {
public:
    void reserve(std::size_t n) {
        index_.reserve(n);
        ids_.reserve(n);
    }
    /// Adds an id and returns its index and whether it is new; an id already present keeps its first index.
    std::pair<std::uint32_t, bool> add(std::string_view id) {
        const auto [it, fresh] = index_.emplace(id, static_cast<std::uint32_t>(ids_.size()));
        if (fresh) ids_.push_back(id);
        return {it->second, fresh};
    }
    std::size_t size() const { return ids_.size(); }
    std::string_view id(std::size_t index) const { return ids_[index]; }
    bool has(std::string_view id) const { return index_.count(id) != 0; }
    long find(std::string_view id) const {
        auto it = index_.find(id);
        return it == index_.end() ? -1 : static_cast<long>(it->second);
    }

private:
    // Open addressing: a million ids are a million lookups each way, and node-based maps allocate per id.
    ViewMap<std::uint32_t> index_;
    std::vector<std::string_view> ids_;
};

/// Adds a problem at `loc` unless `ref` is empty or one of `ids`; `field` is the column, `what` the kind ("team").
void check_ref(const IdIndex& ids, std::string_view ref, Loc loc, const std::string& field, const std::string& what,
               Problems& problems);

} // namespace orgplan::importing
