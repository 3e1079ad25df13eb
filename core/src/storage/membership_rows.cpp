#include "membership_rows.hpp"

namespace orgplan {
namespace {

// Places are for long ids only: when every team's id is held inline, none is needed.
std::size_t long_ids_to_place(const std::vector<Team>& teams) {
    for (const auto& t : teams)
        if (!Text::held_inline(t.id.size())) return teams.size();
    return 0;
}

} // namespace

// A map of a hundred thousand team ids took a fifth of the load's time; a table of places takes a few milliseconds.
TeamIds::TeamIds(const std::vector<Team>& teams)
    : teams_(teams), places_(long_ids_to_place(teams), [&](std::size_t i) -> std::string_view { return teams[i].id; }) {}

Text TeamIds::of(std::string_view id) const {
    const auto t = Text::held_inline(id.size()) ? -1 : places_.find(id);
    return t >= 0 ? teams_[static_cast<std::size_t>(t)].id : Text(id);
}

Membership MembershipRows::read(const RowQuery& q) {
    const auto id = q.text(0);
    const auto passed = [&](std::string_view other) { return descending_ ? other > id : other < id; };
    while (at_ < count_ && passed(person(at_).id)) ++at_;
    const bool found = at_ < count_ && person(at_).id == id;
    return {found ? person(at_).id : Text(id), teams_.of(q.text(1)), q.real(2)};
}

} // namespace orgplan
