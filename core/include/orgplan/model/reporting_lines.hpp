// Who reports to whom, as spans and layers read it: id, name, manager, unit and family of everyone, with their text
// kept in one arena.
#pragma once

#include <string_view>
#include <vector>

#include "orgplan/model/text_arena.hpp"
#include "orgplan/org.hpp"

namespace orgplan {

/// What spans need of a person: read alone, a million of them load in a fraction of the whole org's time. Views
/// into text the caller keeps (ReportingLines' arena, or literals in tests).
struct ReportingLine {
    std::string_view id, name, manager_id, unit;
    Family family = Family::other;
};

/// Everyone's reporting line, in id order, with the text the lines view.
struct ReportingLines {
    std::vector<ReportingLine> lines;
    TextArena text;
};

} // namespace orgplan
