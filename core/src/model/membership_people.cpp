#include "orgplan/model/membership_people.hpp"

#include <algorithm>

#include "orgplan/model/people_by_id.hpp"

namespace orgplan {

std::vector<long> person_of_memberships(const Org& org) {
    std::vector<long> member(org.memberships.size(), -1);
    const auto by_id = [](const Person& a, const Person& b) { return a.id < b.id; };
    const auto by_person = [](const Membership& a, const Membership& b) { return a.person_id < b.person_id; };
    const bool sorted = std::is_sorted(org.people.begin(), org.people.end(), by_id) &&
                        std::is_sorted(org.memberships.begin(), org.memberships.end(), by_person);
    if (sorted) {
        std::size_t p = 0;
        for (std::size_t m = 0; m < org.memberships.size(); ++m) {
            const auto& id = org.memberships[m].person_id;
            while (p < org.people.size() && org.people[p].id < id) ++p;
            if (p < org.people.size() && org.people[p].id == id) member[m] = static_cast<long>(p);
        }
        return member;
    }
    const PeopleById people(org.people);
    for (std::size_t m = 0; m < org.memberships.size(); ++m) member[m] = people.position(org.memberships[m].person_id);
    return member;
}

} // namespace orgplan
