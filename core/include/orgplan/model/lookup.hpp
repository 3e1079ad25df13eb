// Finding a record of the org by its id: one way, for every list of records (people, teams, products...).
#pragma once

#include <algorithm>
#include <string_view>

namespace orgplan {

/// The record of `items` whose id is `id`, or nullptr. A linear search: for a few lookups; index the list for many.
template <typename Items>
auto find_by_id(Items& items, std::string_view id) -> decltype(&*items.begin()) {
    const auto it = std::find_if(items.begin(), items.end(), [&](const auto& item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}

/// Whether a record of `items` has the id `id`.
template <typename Items>
bool has_id(const Items& items, std::string_view id) {
    return find_by_id(items, id) != nullptr;
}

} // namespace orgplan
