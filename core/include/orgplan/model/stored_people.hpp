// The people and memberships an org has stored, as an import checks incoming records against them.
#pragma once

#include <string_view>
#include <vector>

#include "orgplan/base/packed_text.hpp"
#include "orgplan/model/text_arena.hpp"
#include "orgplan/org.hpp"

namespace orgplan {

/// A stored person: only what an import's checks compare (ids, emails and managers referenced, the family and FTE
/// of the maker totals). Views into StoredPeople's arena, packed (8 bytes each): an update import of a million
/// people holds a million of these, 40 bytes each, and as many memberships of 24.
struct StoredPerson {
    PackedText id, email, manager_id;
    double fte = 1.0;
    Family family = Family::other;
};

/// A stored membership; see StoredPerson.
struct StoredMembership {
    PackedText person_id, team_id;
    double allocation = 1.0;
};

/// Everyone stored and their memberships, people in id order and memberships in (person, team) order, with their
/// text in one arena: an update import of a million people held them as the org's structs of strings, 490 MB.
struct StoredPeople {
    std::vector<StoredPerson> people;
    std::vector<StoredMembership> memberships;
    TextArena text;
};

/// The people and memberships of `org` (in the orders above when the org's are), copied: for tests, and for callers
/// with an org in memory.
StoredPeople stored_people_of(const Org& org);

} // namespace orgplan
