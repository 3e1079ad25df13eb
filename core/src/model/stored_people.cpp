#include "orgplan/model/stored_people.hpp"

namespace orgplan {

StoredPeople stored_people_of(const Org& org) {
    StoredPeople out;
    out.people.reserve(org.people.size());
    for (const auto& p : org.people)
        out.people.push_back(
            {out.text.keep(p.id), out.text.keep(p.email), out.text.keep(p.manager_id), p.fte, p.family});
    out.memberships.reserve(org.memberships.size());
    for (const auto& m : org.memberships)
        out.memberships.push_back({out.text.keep(m.person_id), out.text.keep(m.team_id), m.allocation});
    return out;
}

} // namespace orgplan
