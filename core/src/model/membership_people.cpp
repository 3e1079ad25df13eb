#include "orgplan/model/membership_people.hpp"

#include <string_view>

#include "orgplan/model/people_by_id.hpp"

namespace orgplan {

namespace {

// One merge of people and memberships that checks their order as it goes: false as soon as either list turns out
// not to be in id order (`member` is then half filled). Each pair of neighbours is compared once, and each
// membership with the person the merge stands at once: a single pass over a million people instead of one to check
// each list's order and one to merge.
bool merge_in_order(const Org& org, std::vector<long>& member) {
    const auto& people = org.people;
    const auto& memberships = org.memberships;
    std::size_t p = 0;
    for (std::size_t m = 0; m < memberships.size(); ++m) {
        const std::string_view id = memberships[m].person_id;
        if (m > 0 && id < std::string_view(memberships[m - 1].person_id)) return false;
        int order = -1;
        while (p < people.size() && (order = people[p].id.compare(id)) < 0) {
            if (p + 1 < people.size() && people[p + 1].id < people[p].id) return false;
            ++p;
        }
        if (order == 0) member[m] = static_cast<long>(p);
    }
    for (; p + 1 < people.size(); ++p)
        if (people[p + 1].id < people[p].id) return false;
    return true;
}

} // namespace

std::vector<long> person_of_memberships(const Org& org) {
    std::vector<long> member(org.memberships.size(), -1);
    if (merge_in_order(org, member)) return member;
    const PeopleById people(org.people);
    for (std::size_t m = 0; m < org.memberships.size(); ++m) member[m] = people.position(org.memberships[m].person_id);
    return member;
}

} // namespace orgplan
