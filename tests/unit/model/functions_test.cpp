#include <catch2/catch.hpp>

#include "../org_builder.hpp"
#include "orgplan/model/functions.hpp"

using namespace orgplan;
using namespace orgplan::test;

namespace {

Person someone(Family family, const std::string& function, const std::string& unit) {
    auto p = person("x", family);
    p.function = function;
    p.unit = unit;
    return p;
}

} // namespace

TEST_CASE("function of a person: their column first, normalised") {
    const FunctionOf function_of(Org{});
    CHECK(function_of(someone(Family::maker, "Customer Success", "Engineering")) == "customer_success");
    CHECK(function_of(someone(Family::pm, "Sales", "")) == "sales");
}

TEST_CASE("function of a person: else a word of their unit that names a function, a goal's ones included") {
    Org org;
    Goal g;
    g.id = "g1";
    g.function = "Partnerships";
    org.goals = {g};
    const FunctionOf function_of(org);
    CHECK(function_of(someone(Family::other, "", "EMEA Sales")) == "sales");
    CHECK(function_of(someone(Family::other, "", "Marketing")) == "marketing");
    CHECK(function_of(someone(Family::other, "", "Global Partnerships Team")) == "partnerships");
    CHECK(function_of.known().count("partnerships") == 1);
}

TEST_CASE("function of a person: else their family decides") {
    const FunctionOf function_of(Org{});
    CHECK(function_of(someone(Family::pm, "", "")) == "product");
    CHECK(function_of(someone(Family::product_leader, "", "Blue Tribe")) == "product");
    CHECK(function_of(someone(Family::maker, "", "")) == "engineering");
    CHECK(function_of(someone(Family::eng_manager, "", "")) == "engineering");
    CHECK(function_of(someone(Family::other, "", "Office of the CEO")) == "other");
}

TEST_CASE("function of a person: known lists every function the org's people and goals have, sorted") {
    Org org;
    org.people = {someone(Family::pm, "", ""), someone(Family::other, "Sales", ""), someone(Family::maker, "", "")};
    const FunctionOf function_of(org);
    CHECK(std::vector<std::string>(function_of.known().begin(), function_of.known().end()) ==
          std::vector<std::string>{"engineering", "product", "sales"});
}
