// Places in a list found by the id of the entry at each place, with the ids copied side by side. A lookup reads one
// slot and one packed id, from a few megabytes for a hundred thousand teams, where a map of views into the entries'
// own strings missed the cache twice (once in the map, once in the entry): a million memberships look their team up.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "place_table.hpp"

namespace orgplan {

class IdPlaces {
public:
    /// Indexes `count` entries whose ids `id_of(place)` gives; an id given twice keeps its first place.
    template <typename IdOf>
    IdPlaces(std::size_t count, IdOf id_of) {
        ends_.reserve(count + 1);
        ends_.push_back(0);
        for (std::size_t i = 0; i < count; ++i) {
            text_ += id_of(i);
            ends_.push_back(static_cast<std::uint32_t>(text_.size()));
        }
        table_.reserve(count);
        for (std::size_t i = 0; i < count; ++i) {
            const auto id = id_at(i);
            table_.insert(PlaceTable::hash_of(id), static_cast<std::uint32_t>(i), has(id));
        }
    }

    /// The place of the entry with that id, or -1.
    long find(std::string_view id) const { return table_.find(PlaceTable::hash_of(id), has(id)); }

private:
    std::string_view id_at(std::size_t place) const {
        return std::string_view(text_).substr(ends_[place], ends_[place + 1] - ends_[place]);
    }
    struct HasId {
        const IdPlaces* self;
        std::string_view id;
        bool operator()(std::uint32_t place) const { return self->id_at(place) == id; }
    };
    HasId has(std::string_view id) const { return {this, id}; }

    std::string text_;                // every id, back to back
    std::vector<std::uint32_t> ends_; // where each id starts; the last entry where the text ends
    PlaceTable table_;
};

} // namespace orgplan
