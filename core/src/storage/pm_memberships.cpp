#include "pm_memberships.hpp"

#include <iterator>
#include <string>

namespace orgplan {
namespace {

// The cross join keeps PMs, walked through the partial index, as the outer loop instead of every membership; each
// PM's memberships then come in team order from the primary key, with no sort.
std::string pm_memberships_sql(bool descending) {
    return std::string("SELECT m.person_id, m.team_id, m.allocation FROM person p INDEXED BY person_not_maker "
                       "CROSS JOIN membership m ON m.person_id = p.id "
                       "WHERE p.family <> 'maker' AND p.family = 'pm' ORDER BY p.id") +
           (descending ? " DESC" : "");
}

} // namespace

std::vector<Membership> read_pm_memberships(Database& db, const std::vector<Person>& people, const TeamIds& teams) {
    std::vector<Membership> out;
    RowQuery q(db, pm_memberships_sql(false));
    MembershipRows rows(people.data(), people.size(), false, teams);
    while (q.step()) out.push_back(rows.read(q));
    return out;
}

std::vector<Membership> read_pm_memberships_end(Database& db, bool descending, const std::vector<Person>& people,
                                                const TeamIds& teams, Claims& claims) {
    std::vector<Membership> out;
    RowQuery q(db, pm_memberships_sql(descending));
    MembershipRows rows(people.data(), people.size(), descending, teams);
    std::size_t claimed = 0; // people, counted from this end
    while (q.step()) {
        auto membership = rows.read(q);
        while (rows.position() >= claimed) {
            const auto more = claims.take();
            if (more == 0) return out; // this person and the rest are the other end's
            claimed += more;
        }
        out.push_back(std::move(membership));
    }
    return out;
}

void append_descending(std::vector<Membership>& down, std::vector<Membership>& out) {
    for (auto end = down.size(); end > 0;) {
        auto begin = end - 1;
        while (begin > 0 && down[begin - 1].person_id == down[end - 1].person_id) --begin;
        std::move(down.begin() + static_cast<std::ptrdiff_t>(begin), down.begin() + static_cast<std::ptrdiff_t>(end),
                  std::back_inserter(out));
        end = begin;
    }
}

} // namespace orgplan
