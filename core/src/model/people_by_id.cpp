#include "orgplan/model/people_by_id.hpp"

#include "../base/place_table.hpp"

namespace orgplan {

// The table holds places in the people list; a probe reads a person's id only when the hashes agree.
struct PeopleById::Table {
    PlaceTable places;
};

namespace {
auto has_id(const std::vector<Person>& people, std::string_view id) {
    return [&people, id](std::uint32_t place) { return people[place].id == id; };
}
} // namespace

PeopleById::PeopleById(const std::vector<Person>& people) : people_(&people), table_(std::make_unique<Table>()) {
    table_->places.reserve(people.size());
    for (std::size_t i = 0; i < people.size(); ++i) { // an id given twice keeps its first person
        const std::string_view id = people[i].id;
        table_->places.insert(PlaceTable::hash_of(id), static_cast<std::uint32_t>(i), has_id(people, id));
    }
}

PeopleById::~PeopleById() = default;
PeopleById::PeopleById(PeopleById&&) noexcept = default;
PeopleById& PeopleById::operator=(PeopleById&&) noexcept = default;

long PeopleById::position(std::string_view id) const {
    return table_->places.find(PlaceTable::hash_of(id), has_id(*people_, id));
}

const Person* PeopleById::find(std::string_view id) const {
    const auto at = position(id);
    return at < 0 ? nullptr : &(*people_)[static_cast<std::size_t>(at)];
}

std::vector<std::int32_t> PeopleById::manager_positions() const {
    std::vector<std::int32_t> out(people_->size(), -1);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto& manager = (*people_)[i].manager_id;
        if (!manager.empty()) out[i] = static_cast<std::int32_t>(position(manager));
    }
    return out;
}

} // namespace orgplan
