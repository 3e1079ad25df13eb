// Ids of one kind of record, stored and incoming, each with a dense index; and the check that a reference resolves.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../base/place_table.hpp"
#include "orgplan/base/packed_text.hpp"

#include "problems.hpp"

namespace orgplan::importing {

/// Ids of one kind, what the database already has plus what this import brings, each with a dense index.
/// Keys are views into strings that outlive the set (incoming records, the stored org, broken ids).
class IdIndex {
    struct Is { // whether the id at an index is this one
        const std::vector<PackedText>& ids;
        std::string_view id;
        bool operator()(std::uint32_t index) const { return ids[index] == id; }
    };
    Is is(std::string_view id) const { return {ids_, id}; }

public:
    void reserve(std::size_t n) {
        index_.reserve(n);
        ids_.reserve(n);
    }
    /// Adds an id and returns its index and whether it is new; an id already present keeps its first index.
    std::pair<std::uint32_t, bool> add(std::string_view id) {
        const auto added = index_.insert(PlaceTable::hash_of(id), static_cast<std::uint32_t>(ids_.size()), is(id));
        if (added.second) ids_.push_back(id);
        return added;
    }
    std::size_t size() const { return ids_.size(); }
    std::string_view id(std::size_t index) const { return ids_[index]; }
    bool has(std::string_view id) const { return find(id) >= 0; }
    long find(std::string_view id) const { return index_.find(PlaceTable::hash_of(id), is(id)); }

private:
    // Places in ids_: a million ids are a million lookups each way, in 8 bytes a slot, and 8 bytes an id.
    PlaceTable index_;
    std::vector<PackedText> ids_;
};

/// Adds a problem at `loc` unless `ref` is empty or one of `ids`; `field` is the column, `what` the kind ("team").
void check_ref(const IdIndex& ids, std::string_view ref, Loc loc, const std::string& field, const std::string& what,
               Problems& problems);

} // namespace orgplan::importing
