// Builders for the import phases' unit tests: incoming records by hand, a problem list with one file.
#pragma once

#include <string>
#include <string_view>

#include "import/incoming.hpp"
#include "import/problems.hpp"

namespace orgplan::importing::test {

/// A problem list with one file, "org.csv", whose lines tests point at.
struct Sheet {
    Problems problems{50};
    std::uint32_t file = problems.add_source("org.csv", false);

    Loc line(std::uint32_t n) const { return {file, n}; }
    /// Whether some problem is at `line` in `field` and its message contains `text`.
    bool reported(long at, const std::string& field, const std::string& text) const {
        for (const auto& p : problems.listed())
            if (p.line == at && p.field == field && p.message.find(text) != std::string::npos) return true;
        return false;
    }
};

/// An incoming person (views: pass literals or strings that outlive the records).
inline PersonIn person_in(std::string_view id, std::string_view manager = {}, Family family = Family::maker,
                          double fte = 1.0) {
    PersonIn x;
    x.person.id = id;
    x.person.name = id;
    x.person.family = family;
    x.person.fte = fte;
    x.person.manager_id = manager;
    static const std::string no_pattern;
    x.decided_by({FamilyOrigin::Source::rule, &no_pattern});
    return x;
}

} // namespace orgplan::importing::test
