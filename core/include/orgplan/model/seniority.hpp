// How senior a person is, read from the words of their level or title through an editable list.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace orgplan {

/// A person's seniority: the rank of the most senior word in their level (else their title), then the first number
/// in the level (L5, P3) to order people of one rank.
struct Seniority {
    int rank = 3; ///< no word found: between juniors (1) and leads (4)
    int number = 0;
};

/// The words that tell seniority and their ranks (data/seniority_words.csv, compiled in; a user's own copy with
/// --seniority FILE or $ORGPLAN_SENIORITY).
class SeniorityWords {
public:
    /// The built-in list.
    static SeniorityWords builtin();
    /// Parses CSV with the columns word and rank (0 to 9), '#' lines and a note column allowed. Throws InputErrors
    /// naming `source`, the line and the field of every bad row.
    static SeniorityWords parse(std::string_view csv_text, const std::string& source);

    /// The seniority of someone with this level and title.
    Seniority of(std::string_view level, std::string_view title) const;
    /// The words as normalised keys ("vice_president") with their ranks, in file order.
    const std::vector<std::pair<std::string, int>>& words() const noexcept { return words_; }

private:
    int rank_in(std::string_view text) const; ///< -1 when no word is there
    std::vector<std::pair<std::string, int>> words_;
};

} // namespace orgplan
