#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "base/place_table.hpp"

using orgplan::PlaceTable;

namespace {
// A table over a list of keys, as its users keep one: the key at each place is read only to tell equal hashes apart.
struct Keys {
    std::vector<std::string> at;
    PlaceTable table;
    auto is(const std::string& key) const {
        return [this, key](std::uint32_t place) { return at[place] == key; };
    }
    std::pair<std::uint32_t, bool> add(const std::string& key, std::uint32_t hash) {
        const auto added = table.insert(hash, static_cast<std::uint32_t>(at.size()), is(key));
        if (added.second) at.push_back(key);
        return added;
    }
    long find(const std::string& key, std::uint32_t hash) const { return table.find(hash, is(key)); }
};
} // namespace

TEST_CASE("place table: places found by key, a key given twice keeps its first place, an empty table finds nothing") {
    Keys k;
    CHECK(k.find("E1", PlaceTable::hash_of("E1")) == -1); // no slot at all yet
    CHECK(k.add("E1", PlaceTable::hash_of("E1")) == std::make_pair(std::uint32_t{0}, true));
    CHECK(k.add("E2", PlaceTable::hash_of("E2")) == std::make_pair(std::uint32_t{1}, true));
    CHECK(k.add("E1", PlaceTable::hash_of("E1")) == std::make_pair(std::uint32_t{0}, false));
    CHECK(k.table.size() == 2);
    CHECK(k.find("E2", PlaceTable::hash_of("E2")) == 1);
    CHECK(k.find("E3", PlaceTable::hash_of("E3")) == -1);
}

TEST_CASE("place table: keys of one hash are told apart by the entries, and survive the table growing") {
    // Every key hashed alike: each probe passes the others and compares their entries; growing moves them by the
    // kept hash without losing one.
    Keys same;
    for (int i = 0; i < 100; ++i) REQUIRE(same.add("P" + std::to_string(i), 7).second);
    for (int i = 0; i < 100; ++i) CHECK(same.find("P" + std::to_string(i), 7) == i);
    CHECK(same.find("P100", 7) == -1);
    CHECK_FALSE(same.add("P42", 7).second);

    Keys many; // grown from nothing, no reserve
    const auto id = [](int i) { return "id-" + std::to_string(i); };
    for (int i = 0; i < 20000; ++i) many.add(id(i), PlaceTable::hash_of(id(i)));
    CHECK(many.table.size() == 20000);
    for (int i = 0; i < 20000; i += 997) CHECK(many.find(id(i), PlaceTable::hash_of(id(i))) == i);
    CHECK(many.find(id(20000), PlaceTable::hash_of(id(20000))) == -1);

    Keys reserved;
    reserved.table.reserve(1000);
    for (int i = 0; i < 1000; ++i) reserved.add(std::to_string(i), PlaceTable::hash_of(std::to_string(i)));
    reserved.table.reserve(10); // less than it holds: nothing changes
    CHECK(reserved.find("999", PlaceTable::hash_of("999")) == 999);
}
