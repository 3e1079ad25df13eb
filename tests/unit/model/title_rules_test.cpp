#include <catch2/catch.hpp>

#include "orgplan/model/enums.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/model/title_rules.hpp"

using namespace orgplan;

TEST_CASE("built-in rules classify the titles named in the docs") {
    const auto rules = TitleRules::builtin();
    const std::vector<std::pair<std::string, Family>> cases = {
        {"Senior Backend Engineer, Plan", Family::maker},
        {"Group Manager, Product Management", Family::product_leader},
        {"UX Researcher", Family::maker},
        {"Engineering Manager", Family::eng_manager},
        {"Senior Product Manager", Family::pm},
        {"Product Owner", Family::pm},
        {"Product Designer", Family::maker},
        {"Product Design Manager", Family::eng_manager},
        {"Product Marketing Manager", Family::other},
        {"Customer Success Manager", Family::other},
        {"Technical Program Manager", Family::other},
        {"Support Engineer", Family::other},
        {"Director of Product Management", Family::product_leader},
        {"VP Product", Family::product_leader},
        {"Site Reliability Engineer", Family::maker},
        {"Data Scientist", Family::maker},
        {"QA Engineer", Family::maker},
    };
    for (const auto& [title, family] : cases) {
        INFO(title);
        const auto m = rules.classify(title);
        CHECK(m.matched);
        CHECK(m.family == family);
    }
}

TEST_CASE("titles an HR export got wrong: function leaders, analysts, pricing, writers, support managers") {
    const auto rules = TitleRules::builtin();
    const std::vector<std::pair<std::string, Family>> cases = {
        // Directors of other functions whose titles mention product lead those functions.
        {"Director, Product & Solutions Marketing", Family::other},
        {"Senior Director of Legal, Privacy and Product", Family::other},
        {"VP of Sales", Family::other},
        {"Head of People", Family::other},
        // ... while product management's own leaders stay leaders.
        {"Director of Product Management", Family::product_leader},
        {"VP, Product Management", Family::product_leader},
        {"Group Product Manager", Family::product_leader},
        {"Chief Product Officer", Family::product_leader},
        {"Product Analyst", Family::maker},
        {"Principal Pricing Manager", Family::other},
        {"Product Manager, Pricing", Family::pm},
        {"Product Manager, Marketing Platform", Family::pm},
        {"Senior Technical Writer", Family::maker},
        {"Documentation Writer", Family::maker},
        {"Manager, Support Engineering", Family::other},
        {"Support Engineering Manager", Family::other},
        {"Senior Manager, Data Engineering", Family::eng_manager},
        {"Privacy Engineer", Family::maker},
        // The usual HR families match a rule, so what stays unmatched is worth a look.
        {"Paralegal", Family::other},
        {"Tax Manager", Family::other},
        {"Payroll Specialist", Family::other},
        {"Office Coordinator", Family::other},
        {"IT Help Desk Technician", Family::other},
        {"Senior Accountant", Family::other},
        {"Recruiter", Family::other},
    };
    for (const auto& [title, family] : cases) {
        INFO(title);
        const auto m = rules.classify(title);
        CHECK(m.matched);
        CHECK(to_string(m.family) == to_string(family));
    }
}

TEST_CASE("a title no rule matches is reported unmatched and counts as other") {
    const auto m = TitleRules::builtin().classify("Solutions Wrangler");
    CHECK_FALSE(m.matched);
    CHECK(m.family == Family::other);
}

TEST_CASE("the first matching rule wins and matching ignores case") {
    const auto rules = TitleRules::parse("pattern,family\nmarketing,other\nmanager,pm\n", "r.csv");
    CHECK(rules.classify("Product MARKETING Manager").family == Family::other);
    CHECK(rules.classify("product manager").family == Family::pm);
    CHECK(rules.classify("product manager").pattern == "manager");
}

TEST_CASE("bad rules files name the line and field") {
    REQUIRE_THROWS_WITH(TitleRules::parse("pattern,family\nfoo,wizard\n", "r.csv"),
                        Catch::Contains("r.csv:2") && Catch::Contains("'family'"));
    REQUIRE_THROWS_WITH(TitleRules::parse("pattern,family\n(unclosed,pm\n", "r.csv"),
                        Catch::Contains("r.csv:2") && Catch::Contains("'pattern'"));
    REQUIRE_THROWS_AS(TitleRules::parse("regex,kind\n", "r.csv"), InputErrors);
}

TEST_CASE("a catastrophic pattern and a long title finish in linear time, unsupported syntax is named") {
    const auto rules = TitleRules::parse("pattern,family\n(a+)+$,pm\n(x|x|x)*y,maker\n", "r.csv");
    const std::string title(100000, 'a');
    CHECK(rules.classify(title + "!").matched == false);
    CHECK(rules.classify(std::string(50000, 'x')).matched == false);
    CHECK(rules.classify("VP " + std::string(100000, 'z')).matched == false);
    CHECK(TitleRules::builtin().classify("VP of Product " + std::string(100000, 'a')).family == Family::product_leader);
    REQUIRE_THROWS_WITH(TitleRules::parse("pattern,family\n(a)\\1,pm\n", "r.csv"),
                        Catch::Contains("r.csv:2") && Catch::Contains("RE2"));
}

TEST_CASE("matched_words shows the words of a title a rule found") {
    CHECK(TitleRules::matched_words("Senior Product Manager", "product manager|owner") == "Product Manager");
    CHECK(TitleRules::matched_words("Engineer", "product manager").empty());
    CHECK(TitleRules::matched_words("x", "(unclosed").empty());
}
