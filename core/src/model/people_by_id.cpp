#include "orgplan/model/people_by_id.hpp"

#include "../base/view_map.hpp"

namespace orgplan {

struct PeopleById::Table {
    ViewMap<std::uint32_t> at;
};

PeopleById::PeopleById(const std::vector<Person>& people) : people_(&people), table_(std::make_unique<Table>()) {
    table_->at.reserve(people.size());
    for (std::size_t i = 0; i < people.size(); ++i) table_->at.emplace(people[i].id, static_cast<std::uint32_t>(i));
}

PeopleById::~PeopleById() = default;
PeopleById::PeopleById(PeopleById&&) noexcept = default;
PeopleById& PeopleById::operator=(PeopleById&&) noexcept = default;

long PeopleById::position(std::string_view id) const {
    const auto it = table_->at.find(id);
    return it == table_->at.end() ? -1 : static_cast<long>(it->second);
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
