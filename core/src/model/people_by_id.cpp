#include "orgplan/model/people_by_id.hpp"

#include <functional>

namespace orgplan {

// Open addressing over places in the people list, at most half full: each slot holds a place (plus one; zero is
// empty) and the low half of its id's hash, so a probe reads a person's id only when the hashes agree. Eight bytes
// per slot: a million people's index is 16 MB, where a map of views of their ids took 64.
struct PeopleById::Table {
    std::vector<std::uint32_t> place, hash;
    std::size_t mask = 0;

    static std::uint32_t hash_of(std::string_view id) {
        return static_cast<std::uint32_t>(std::hash<std::string_view>{}(id));
    }
    // The slot holding `id`, or the empty slot where it would go.
    std::size_t slot_of(std::string_view id, std::uint32_t h, const std::vector<Person>& people) const {
        auto at = h & mask;
        while (place[at] != 0 && !(hash[at] == h && people[place[at] - 1].id == id)) at = (at + 1) & mask;
        return at;
    }
};

PeopleById::PeopleById(const std::vector<Person>& people) : people_(&people), table_(std::make_unique<Table>()) {
    std::size_t size = 16;
    while (size < 2 * people.size()) size *= 2;
    table_->mask = size - 1;
    table_->place.assign(size, 0);
    table_->hash.assign(size, 0);
    for (std::size_t i = 0; i < people.size(); ++i) {
        const auto h = Table::hash_of(people[i].id);
        const auto at = table_->slot_of(people[i].id, h, people);
        if (table_->place[at] != 0) continue; // an id given twice keeps its first person
        table_->place[at] = static_cast<std::uint32_t>(i + 1);
        table_->hash[at] = h;
    }
}

PeopleById::~PeopleById() = default;
PeopleById::PeopleById(PeopleById&&) noexcept = default;
PeopleById& PeopleById::operator=(PeopleById&&) noexcept = default;

long PeopleById::position(std::string_view id) const {
    const auto at = table_->slot_of(id, Table::hash_of(id), *people_);
    return static_cast<long>(table_->place[at]) - 1;
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
