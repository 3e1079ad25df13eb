#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "orgplan/model/people_by_id.hpp"

using namespace orgplan;

namespace {
Person person(const std::string& id, const std::string& manager = "") {
    Person p;
    p.id = id;
    p.name = "name of " + id;
    p.manager_id = manager;
    return p;
}
} // namespace

TEST_CASE("people by id: find, position, and the first of a repeated id") {
    const std::vector<Person> people{person("p3"), person("p1", "p3"), person("p2", "p1"), person("p1", "p2")};
    const PeopleById index(people);
    REQUIRE(index.find("p2") != nullptr);
    CHECK(index.find("p2")->name == "name of p2");
    CHECK(index.position("p3") == 0);
    CHECK(index.position("p1") == 1); // the second p1 is not the one found
    CHECK(index.position("nobody") == -1);
    CHECK(index.find("") == nullptr);
    CHECK_FALSE(index.has("P1"));
}

TEST_CASE("people by id: managers as positions") {
    const std::vector<Person> people{person("ceo"), person("vp", "ceo"), person("pm", "vp"), person("x", "gone")};
    const auto managers = PeopleById(people).manager_positions();
    CHECK(managers == std::vector<std::int32_t>{-1, 0, 1, -1});
}

TEST_CASE("people by id: walking up the chain, nearest first, stops at a cycle and when told") {
    const std::vector<Person> people{person("ceo"), person("vp", "ceo"), person("pm", "vp"), person("a", "b"),
                                     person("b", "c"), person("c", "a")};
    const PeopleById index(people);
    std::vector<std::string> seen;
    index.walk_up("pm", [&](const Person& p) {
        seen.push_back(p.id);
        return true;
    });
    CHECK(seen == std::vector<std::string>{"pm", "vp", "ceo"});
    seen.clear();
    index.walk_up("pm", [&](const Person& p) {
        seen.push_back(p.id);
        return p.id != "vp";
    });
    CHECK(seen == std::vector<std::string>{"pm", "vp"});
    seen.clear();
    index.walk_up("a", [&](const Person& p) {
        seen.push_back(p.id);
        return true;
    });
    CHECK(seen == std::vector<std::string>{"a", "b", "c"});
    seen.clear();
    index.walk_up("nobody", [&](const Person& p) {
        seen.push_back(p.id);
        return true;
    });
    CHECK(seen.empty());
}
