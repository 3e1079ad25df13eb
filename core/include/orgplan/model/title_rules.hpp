// Classifies job titles into role families with an ordered, user-editable rules file.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "orgplan/org.hpp"

namespace re2 {
class RE2;
}

namespace orgplan {

/// Outcome of classifying one title.
struct TitleMatch {
    Family family = Family::other;
    bool matched = false; ///< false: no rule matched and the family fell back to `other`
    std::string pattern;  ///< the rule that matched
};

/// Ordered rules `pattern,family[,note]`; the first whose pattern (a case-insensitive RE2 regular expression) is
/// found in the title wins. RE2 matches in time linear in the title and without recursion, so no title or rule can
/// hang orgplan or overflow its stack; it has no backreferences or lookaround. Results are cached per distinct
/// title, so classifying a large org costs one pass per distinct title.
class TitleRules {
public:
    /// Parses rules from CSV text; throws InputErrors naming `source`, the line and the field.
    static TitleRules parse(std::string_view csv_text, const std::string& source);
    /// The rules shipped in data/title_rules.csv, compiled into the binary.
    static TitleRules builtin();

    /// The returned reference stays valid as long as these rules exist.
    const TitleMatch& classify(std::string_view title) const;
    std::size_t size() const noexcept { return rules_.size(); }
    /// The part of `title` that `pattern` (a rule's pattern) finds, case-insensitively; empty when none or when the
    /// pattern is not valid.
    static std::string matched_words(std::string_view title, const std::string& pattern);

private:
    struct Rule {
        std::string pattern;
        std::shared_ptr<const re2::RE2> regex; // shared: RE2 cannot be copied, rules can
        Family family;
    };
    std::vector<Rule> rules_;
    // Ordered with a transparent comparator so a title is looked up as a view, without a copy per person.
    mutable std::map<std::string, TitleMatch, std::less<>> cache_;
};

} // namespace orgplan
