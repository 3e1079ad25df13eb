// Places in a list the caller keeps (people, incoming records, ids), found by a key of the entry at each place. A
// million keys are a million lookups each way: open addressing, at most half full, each slot a place and the low
// half of its key's hash, eight bytes where a map of string views takes thirty-two, and no key copied. The caller
// hashes keys and says whether the entry at a place has a given key, so one table serves ids, emails compared
// without case, or any other key an entry can be asked for.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

namespace orgplan {

class PlaceTable {
public:
    /// The hash a table keeps for a key given as text.
    static std::uint32_t hash_of(std::string_view key) {
        return static_cast<std::uint32_t>(std::hash<std::string_view>{}(key));
    }

    /// Room for `places` places before the table grows.
    void reserve(std::size_t places) {
        std::size_t slots = 16;
        while (slots < 2 * places) slots *= 2;
        if (slots > slots_.size()) rehash(slots);
    }
    std::size_t size() const { return size_; }

    /// The place whose entry has the key hashed to `hash` (`has_key(place)` says whether it does), or -1.
    template <typename HasKey>
    long find(std::uint32_t hash, HasKey has_key) const {
        if (slots_.empty()) return -1;
        return static_cast<long>(slots_[slot_of(hash, has_key)].place) - 1;
    }

    /// Adds `place` under `hash` unless a place with the same key is there already: returns the place that stands
    /// and whether it is the one given.
    template <typename HasKey>
    std::pair<std::uint32_t, bool> insert(std::uint32_t hash, std::uint32_t place, HasKey has_key) {
        if (2 * (size_ + 1) > slots_.size()) rehash(slots_.empty() ? 16 : 2 * slots_.size());
        auto& slot = slots_[slot_of(hash, has_key)];
        if (slot.place != 0) return {slot.place - 1, false};
        slot = {place + 1, hash};
        ++size_;
        return {place, true};
    }

private:
    struct Slot {
        std::uint32_t place = 0; ///< the place plus one; zero is an empty slot
        std::uint32_t hash = 0;
    };

    // The slot holding the key, or the empty slot where it would go; the entry is read only when the hashes agree
    // (HR and generated ids share long prefixes, and a probe passes several slots).
    template <typename HasKey>
    std::size_t slot_of(std::uint32_t hash, HasKey& has_key) const {
        const auto mask = slots_.size() - 1;
        auto at = hash & mask;
        while (slots_[at].place != 0 && !(slots_[at].hash == hash && has_key(slots_[at].place - 1)))
            at = (at + 1) & mask;
        return at;
    }

    // Growing moves each slot by its kept hash: no key is hashed or compared again (they are all distinct).
    void rehash(std::size_t slots) {
        std::vector<Slot> old(slots);
        old.swap(slots_);
        const auto mask = slots - 1;
        for (const auto& s : old) {
            if (s.place == 0) continue;
            auto at = s.hash & mask;
            while (slots_[at].place != 0) at = (at + 1) & mask;
            slots_[at] = s;
        }
    }

    std::vector<Slot> slots_; // a power of two of them, or none before the first insert
    std::size_t size_ = 0;
};

} // namespace orgplan
