// Gaps and assumptions in an org's data that change an answer, each said with its size and its fix (orgplan check).
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "orgplan/org.hpp"
#include "orgplan/title_rules.hpp"

namespace orgplan {

/// One gap: what is missing or assumed, for how many records, which answers it moves, and how to close it.
struct DataGap {
    std::string id;                    ///< stable key, e.g. "pm-experience"
    std::string what;                  ///< what is missing or assumed, in a sentence
    std::size_t records = 0;           ///< people or teams concerned
    std::vector<std::string> examples; ///< up to five ids
    std::string affects;               ///< the answers it changes
    std::string fix;                   ///< the column to add or the flag to use
};

/// Every gap found in `org`, most consequential kinds first; none when the data is complete. `family_source` maps
/// person ids to how their family was set ("column", "rule", "unmatched"), as the import stored it; `rules` are the
/// title rules the column is compared with.
std::vector<DataGap> find_data_gaps(const Org& org, const TitleRules& rules,
                                    const std::unordered_map<std::string, std::string>& family_source);

} // namespace orgplan
