#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "orgplan/org.hpp"

using namespace orgplan;

TEST_CASE("a Text holds any text as a std::string would, in eight bytes") {
    STATIC_REQUIRE(sizeof(Text) == sizeof(void*));
    for (std::size_t n : {0u, 1u, 6u, 7u, 8u, 9u, 15u, 16u, 100u, 5000u}) {
        std::string s;
        for (std::size_t i = 0; i < n; ++i) s += static_cast<char>('a' + i % 26);
        s += std::string(n > 3 ? 1 : 0, '\0'); // a NUL inside is text too
        const Text t(s);
        CHECK(t.size() == s.size());
        CHECK(t.view() == s);
        CHECK(t.str() == s);
        CHECK(t.empty() == s.empty());
        const Text copy = t;
        CHECK(copy == t);
        CHECK(copy.view() == s);
    }
    if (sizeof(void*) == 8) {
        CHECK(Text::held_inline(7));
        CHECK_FALSE(Text::held_inline(8));
    }
    const Text seven("1234567"), eight("12345678");
    CHECK(seven == "1234567");
    CHECK(eight == "12345678");
    CHECK(seven != eight);
    CHECK(Text() == "");
    CHECK(Text("") .empty());
}

TEST_CASE("a Text compares, orders and hashes by its text, against strings, views and literals alike") {
    const Text a("alpha-long-enough"), b("beta-long-enough"), a2(std::string("alpha-long-enough"));
    CHECK(a == a2);
    CHECK(!a.shares(a2)); // two blocks, one text
    CHECK(a < b);
    CHECK(b > a);
    CHECK(a <= a2);
    CHECK(a >= a2);
    CHECK(a == std::string("alpha-long-enough"));
    CHECK(std::string("alpha-long-enough") == a);
    CHECK(a == std::string_view("alpha-long-enough"));
    CHECK(a != "beta");
    CHECK("beta" != a);
    CHECK(std::string("a") < a);
    CHECK(a < std::string("b"));
    CHECK(std::hash<Text>()(a) == std::hash<std::string_view>()("alpha-long-enough"));
    std::set<Text> ordered{b, a, a2};
    CHECK(ordered.size() == 2);
    CHECK(*ordered.begin() == a);
    std::unordered_set<Text> hashed{a, a2, b, Text("x")};
    CHECK(hashed.size() == 3);
    std::map<std::string, int> by_string{{"alpha-long-enough", 1}};
    CHECK(by_string.at(a) == 1); // made a std::string where one is asked for
}

TEST_CASE("a Text is a value: copies share its block, assignment and clear change only the one assigned") {
    Text a("a text long enough for a block");
    Text b = a;
    CHECK(a.shares(b));
    b = "another text long enough for a block";
    CHECK(a == "a text long enough for a block");
    CHECK(b == "another text long enough for a block");
    Text c = std::move(b);
    CHECK(b.empty()); // NOLINT: moved from is empty
    CHECK(c == "another text long enough for a block");
    c = c; // NOLINT: self-assignment keeps it
    CHECK(c == "another text long enough for a block");
    Text short_one("abc");
    short_one.clear();
    CHECK(short_one.empty());
    CHECK(short_one == "");
    a.clear();
    CHECK(a.empty());
    CHECK(a.view().empty());
    std::vector<Text> many(1000, Text("shared by a thousand copies"));
    many.resize(10);
    CHECK(many.back() == "shared by a thousand copies");
}

TEST_CASE("a Text reads like the string it replaced: concatenation, searching, streams, fmt and JSON") {
    const Text id("P123"), name("Ada Lovelace-Byron");
    CHECK("id " + id == "id P123");
    CHECK(name + "!" == "Ada Lovelace-Byron!");
    CHECK(std::string("x") + id == "xP123");
    std::string s = "<";
    s += name;
    CHECK(s == "<Ada Lovelace-Byron");
    CHECK(name.find("Love") == 4);
    CHECK(name.find('-') == 12);
    CHECK(name.rfind('e') == 11);
    CHECK(name.substr(0, 3) == "Ada");
    CHECK(name.front() == 'A');
    CHECK(name.back() == 'n');
    CHECK(name[4] == 'L');
    CHECK(std::string(name.begin(), name.end()) == "Ada Lovelace-Byron");
    std::ostringstream out;
    out << id << '/' << name;
    CHECK(out.str() == "P123/Ada Lovelace-Byron");
    CHECK(fmt::format("{}|{:>6}", name, id) == "Ada Lovelace-Byron|  P123");
    nlohmann::json j = {{"id", id}, {"name", name}};
    CHECK(j.dump() == R"({"id":"P123","name":"Ada Lovelace-Byron"})");
    CHECK(j["name"].get<Text>() == name);
    Person p;
    p.name = std::string("from a string");
    p.title = std::string_view("from a view");
    CHECK(p.name == "from a string");
    CHECK(p.title == "from a view");
}

TEST_CASE("copies of one Text made and dropped on several threads leave it intact") {
    const Text shared("a block every thread copies and drops");
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 100000; ++i) {
                Text copy = shared;
                if (copy.size() != shared.size()) std::abort();
            }
        });
    for (auto& t : threads) t.join();
    CHECK(shared == "a block every thread copies and drops");
}

TEST_CASE("a person of the snapshot is 120 bytes on a 64-bit host: ten texts, three optional numbers, the rest") {
    // A million of them are the snapshot's bulk: a field of std::string (32 bytes) or std::optional<double> (16)
    // would show here first.
    if (sizeof(void*) == 8) CHECK(sizeof(Person) == 120);
    CHECK(sizeof(Membership) == 3 * sizeof(double));
}
