// Gaps and assumptions in an org's data that change an answer, each said with its size and its fix (orgplan check,
// the report's first section, and the `gaps` of every answer that rests on one).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "orgplan/org.hpp"
#include "orgplan/model/title_rules.hpp"
#include "orgplan/storage/org_store.hpp"

namespace orgplan {

/// One gap: what is missing or assumed, for how many records, which answers it moves, and how to close it.
struct DataGap {
    std::string id;                    ///< stable key, e.g. "pm-experience"
    std::string what;                  ///< what is missing or assumed, in a sentence
    std::size_t records = 0;           ///< people or teams concerned
    std::vector<std::string> examples; ///< up to five ids
    std::string affects;               ///< the answers it changes, for people
    std::string fix;                   ///< the column to add or the flag to use
};

/// A kind of gap and the commands whose answers it moves: one table read by check, the report and every answer.
struct GapKind {
    std::string_view id;
    std::string_view affects;                 ///< DataGap::affects
    std::vector<std::string_view> answers;    ///< command names ("hire", "mentoring"...)
};
const std::vector<GapKind>& gap_kinds();

/// Person id -> how the import set their family when no title rule did ("column", "unmatched"); a person not in it
/// had theirs from a rule. See load_family_sources().
using FamilySources = std::unordered_map<std::string, std::string>;

/// Every gap found in `org`, most consequential kinds first; none when the data is complete. `rules` are the title
/// rules a family column is compared with.
std::vector<DataGap> find_data_gaps(const Org& org, const TitleRules& rules, const FamilySources& family_source);

/// The gaps the answer of command `answer` rests on (the kinds whose GapKind::answers name it). Family columns are
/// not compared with title rules here (check does that), so `family_source` may hold only the unmatched people.
/// With `makers`, teams' maker FTE comes from those totals (an org loaded without makers, as ratio reports load it).
std::vector<DataGap> gaps_for_answer(std::string_view answer, const Org& org, const FamilySources& family_source,
                                     const MakerTotals* makers = nullptr);

} // namespace orgplan
