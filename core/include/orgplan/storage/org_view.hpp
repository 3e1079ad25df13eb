// The part of an org a restricted user may see, written as an org database of its own, so that every answer
// computed on it (pages, API, exports) sees only that part "as if nothing else existed". The server makes one per
// role and scope and answers from it with the same code as the CLI.
#pragma once

#include <optional>
#include <string>

namespace orgplan {

/// What a view keeps.
struct ViewRules {
    /// A person id: only the people reporting to them (at any depth), the person included, their teams and what
    /// those teams and people refer to. Empty: the whole org.
    std::string scope;
    /// false: email, location, PM experience, cost and cost center are blank for everyone, in history too.
    bool personal_fields = true;
    /// Set (with personal_fields false): each person's cost is the mean cost of a group of at least this many
    /// people (their main team, else their unit, else the whole view), so that totals over those groups are exact
    /// and no one's own cost can be read; history keeps no cost.
    std::optional<int> cost_group_min;
};

/// Writes a new org database at `target` (which must not exist) holding what `rules` keep of the org at `source`.
/// Users, tokens, scenarios and the change log are never copied; a table this function does not know is left empty
/// (so a new table cannot leak into a view before someone decides what of it a view may hold). Throws
/// orgplan::Error when the scope names no person.
void write_org_view(const std::string& source, const std::string& target, const ViewRules& rules);

} // namespace orgplan
