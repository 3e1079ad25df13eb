// Maps keyed by views of the ids an org holds (a million people, a hundred thousand teams): open addressing, with no
// copy of a string and no node per key.
#pragma once

#include <functional>
#include <memory>
#include <string_view>
#include <utility>

#include <tsl/robin_map.h>

namespace orgplan {

/// Each slot keeps its key's hash, so a probe compares the strings only when the hashes agree (generated and HR ids
/// share long prefixes, and a probe passes several slots) and growing the table hashes no key again.
template <typename T>
using ViewMap = tsl::robin_map<std::string_view, T, std::hash<std::string_view>, std::equal_to<std::string_view>,
                               std::allocator<std::pair<std::string_view, T>>, true>;

} // namespace orgplan
