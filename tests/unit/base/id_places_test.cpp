#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "base/id_places.hpp"

using orgplan::IdPlaces;

namespace {
IdPlaces places_of(const std::vector<std::string>& ids) {
    return IdPlaces(ids.size(), [&](std::size_t i) -> std::string_view { return ids[i]; });
}
} // namespace

TEST_CASE("id places: each id finds its place, an id given twice keeps its first, others find nothing") {
    const std::vector<std::string> ids{"T1", "T10", "T100", "", "T10", "team with a long name past the short buffer"};
    const auto places = places_of(ids);
    CHECK(places.find("T1") == 0);
    CHECK(places.find("T10") == 1); // not 4
    CHECK(places.find("T100") == 2);
    CHECK(places.find("") == 3);
    CHECK(places.find("team with a long name past the short buffer") == 5);
    CHECK(places.find("T1000") == -1);
    CHECK(places.find("t1") == -1); // ids are compared as written
}

TEST_CASE("id places: the ids are copied, so the list may go, and none at all finds nothing") {
    std::vector<std::string> ids;
    for (int i = 0; i < 5000; ++i) ids.push_back("T" + std::to_string(i));
    const auto places = places_of(ids);
    ids.assign(ids.size(), "gone");
    for (int i = 0; i < 5000; i += 499) CHECK(places.find("T" + std::to_string(i)) == i);
    CHECK(places.find("gone") == -1);
    CHECK(places_of({}).find("T1") == -1);
}
