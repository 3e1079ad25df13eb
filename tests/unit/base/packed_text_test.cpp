#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "orgplan/base/packed_text.hpp"

using orgplan::PackedText;

TEST_CASE("packed text: the same view back, at the same address, in eight bytes") {
    const std::string file = "E1,Ada Lovelace,ada@example.com";
    const std::string_view name(file.data() + 3, 12);
    const PackedText packed = name;
    CHECK(packed.view() == "Ada Lovelace");
    CHECK(packed.data() == name.data()); // a view of the text, not a copy
    CHECK(packed.size() == 12);
    CHECK_FALSE(packed.empty());
    CHECK(sizeof(PackedText) == 8);

    const PackedText none;
    CHECK(none.empty());
    CHECK(none.view() == std::string_view());
    const PackedText empty_at_text = std::string_view(file.data(), 0);
    CHECK(empty_at_text.empty());
}

TEST_CASE("packed text: compares and prints as its text") {
    const std::string a = "P100", b = "P101";
    const PackedText pa = a, pb = b, empty = std::string_view(a.data(), 0);
    CHECK(pa == "P100");
    CHECK(pa == std::string_view("P100"));
    CHECK(std::string_view("P100") == pa);
    CHECK(pa != pb);
    CHECK(pa < pb);
    CHECK_FALSE(pb < pa);
    CHECK(pa < std::string_view(b)); // against a view on either side, as merges of sorted ids compare them
    CHECK_FALSE(pb < std::string_view(a));
    CHECK(std::string_view(a) < pb);
    CHECK_FALSE(std::string_view(b) < pa);
    CHECK(empty == "");
    CHECK(empty != pa);
    std::ostringstream out;
    out << pb;
    CHECK(out.str() == "P101");
}

TEST_CASE("packed text: texts of 65,535 bytes and more are kept whole, from any thread") {
    // 65,534 bytes is the longest held inline; from 65,535 on, a view goes to the list of long texts.
    for (const std::size_t length :
         {std::size_t{65534}, std::size_t{65535}, std::size_t{65536}, std::size_t{1} << 20}) {
        const std::string text(length, 'x');
        const PackedText packed = text;
        CHECK(packed.size() == length);
        CHECK(packed.data() == text.data());
        const PackedText copy = packed; // a copy names the same entry
        CHECK(copy.view().data() == text.data());
    }
    const std::string long_text(100000, 'y');
    std::vector<PackedText> packed(4000);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (std::size_t i = t; i < packed.size(); i += 4) packed[i] = std::string_view(long_text).substr(i % 7);
        });
    for (auto& t : threads) t.join();
    for (std::size_t i = 0; i < packed.size(); ++i) {
        INFO("text " << i);
        REQUIRE(packed[i].data() == long_text.data() + i % 7);
        REQUIRE(packed[i].size() == long_text.size() - i % 7);
    }
}
