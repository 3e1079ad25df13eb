#include "write_order.hpp"

namespace orgplan::importing {

WriteOrder write_order(const IncomingRecords& in) {
    const auto& people = in.people.items;
    const auto& memberships = in.memberships.items;
    WriteOrder order;
    order.people = key_order(
        people.size(), [&](std::uint32_t i) -> std::string_view { return people[i].person.id; },
        [&](std::uint32_t a, std::uint32_t b) { return people[a].person.id < people[b].person.id; });
    order.memberships = key_order(
        memberships.size(), [&](std::uint32_t i) -> std::string_view { return memberships[i].person_id; },
        [&](std::uint32_t a, std::uint32_t b) {
            const auto& x = memberships[a];
            const auto& y = memberships[b];
            return x.person_id != y.person_id ? x.person_id < y.person_id : x.team_id < y.team_id;
        });
    return order;
}

} // namespace orgplan::importing
