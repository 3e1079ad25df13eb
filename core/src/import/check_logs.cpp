#include "check_logs.hpp"

#include "orgplan/model/enums.hpp"

#include <map>
#include <utility>

namespace orgplan::importing {

namespace {

void check_interrupts(const IncomingRecords& in, const PeopleIndex& people, const RecordIndexes& records,
                      Problems& problems) {
    auto known_person = [&](const std::string& id) { return people.find(id) >= 0; };
    std::map<std::string_view, Loc> interrupt_ids;
    for (std::size_t i = 0; i < in.interrupts.items.size(); ++i) {
        const auto& [id, x] = in.interrupts.items[i];
        const auto loc = in.interrupts.locs[i];
        if (!id.empty())
            if (auto [it, fresh] = interrupt_ids.emplace(id, loc); !fresh)
                problems.add(loc, "id", "duplicate interrupt id '" + id + "' (first at " + problems.where(it->second) +
                                            "); ids must be unique");
        if (!x.requester_id.empty() && !known_person(x.requester_id))
            problems.add(loc, "requester", "unknown person '" + x.requester_id + "'; for someone outside the people "
                                           "data leave requester empty and give requester_name and requester_function");
        if (!x.pm_id.empty()) {
            const long p = people.find(x.pm_id);
            if (p < 0)
                problems.add(loc, "pm", "unknown person '" + x.pm_id + "'; add them to the people file");
            else if (people.is_known(p) && people.family[p] != Family::pm &&
                     people.family[p] != Family::product_leader)
                problems.add(loc, "pm", "'" + x.pm_id + "' is in family " + std::string(to_string(people.family[p])) +
                                        ", not pm; name the PM it hit, or give only the team or product");
        }
        check_ref(records.teams, x.team_id, loc, "team", "team", problems);
        check_ref(records.products, x.product_id, loc, "product", "product", problems);
    }
}

void check_seats(const IncomingRecords& in, const PeopleIndex& people, Problems& problems) {
    auto known_person = [&](const std::string& id) { return people.find(id) >= 0; };
    std::map<std::pair<std::string_view, std::string_view>, Loc> seats;
    for (std::size_t i = 0; i < in.seats.items.size(); ++i) {
        const auto& x = in.seats.items[i];
        const auto loc = in.seats.locs[i];
        if (!known_person(x.seat.person_id))
            problems.add(loc, "person", "unknown person '" + x.seat.person_id + "'; add them to the people file");
        if (auto [it, fresh] = seats.emplace(std::make_pair(std::string_view(x.task_force),
                                                            std::string_view(x.seat.person_id)), loc);
            !fresh)
            problems.add(loc, "person", "'" + x.seat.person_id + "' has a seat on task force '" + x.task_force +
                                            "' already (at " + problems.where(it->second) + "); give one row per seat");
    }
}

} // namespace

void check_logs(const IncomingRecords& in, const PeopleIndex& people, const RecordIndexes& records,
                Problems& problems) {
    check_interrupts(in, people, records, problems);
    check_seats(in, people, problems);
}

} // namespace orgplan::importing
