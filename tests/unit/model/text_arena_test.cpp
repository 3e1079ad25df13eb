#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "orgplan/model/text_arena.hpp"

using namespace orgplan;

TEST_CASE("the text arena keeps every text intact across its blocks, long ones included") {
    TextArena arena;
    std::vector<std::pair<std::string, std::string_view>> kept;
    for (int i = 0; i < 200000; ++i) { // about 2.5 MB of short ids: three blocks
        auto text = "employee-" + std::to_string(i);
        const auto view = arena.keep(text);
        kept.emplace_back(std::move(text), view);
    }
    const std::string long_text(200000, 'x'); // longer than a block's sixteenth: a block of its own
    const auto long_view = arena.keep(long_text);
    kept.emplace_back(long_text, long_view);
    kept.emplace_back("after", arena.keep("after"));
    const auto changed = std::count_if(kept.begin(), kept.end(), [](const auto& k) { return k.second != k.first; });
    CHECK(changed == 0);
    CHECK(arena.keep("").empty());
}
