#include <catch2/catch.hpp>

#include <set>

#include "import/columns.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/import/importer.hpp"

using namespace orgplan;
using namespace orgplan::importing;

TEST_CASE("columns: file names name their kind by their last whole word, singular or plural") {
    CHECK(kind_of_name("people") == "people");
    CHECK(kind_of_name("hr_export_people") == "people");
    CHECK(kind_of_name("Employees 2026") == "people");
    CHECK(kind_of_name("pm_assignments") == "assignments");
    CHECK(kind_of_name("squads") == "teams");
    CHECK(kind_of_name("okrs") == "goals");
    CHECK(kind_of_name("teamwork").empty());
    CHECK(kind_of_name("peoplez").empty());
}

TEST_CASE("columns: every kind has its columns, each once, with a key, and --set names must exist") {
    std::set<std::string> kinds(record_kinds().begin(), record_kinds().end());
    CHECK(kinds.size() == record_kinds().size());
    for (const auto& kind : record_kinds()) {
        INFO(kind);
        REQUIRE(column_specs().count(kind) == 1);
        std::set<std::string> names;
        bool key = false;
        for (const auto& spec : column_specs().at(kind)) {
            for (const auto* name : names_of(spec)) CHECK(names.insert(*name).second); // no header means two columns
            key = key || spec.need == Need::key;
        }
        CHECK(key);
    }
    for (const auto& kind : creatable_kinds()) CHECK(kinds.count(kind) == 1);
    CHECK_NOTHROW(check_constant_column("location"));
    CHECK_THROWS_WITH(check_constant_column("locaton"), Catch::Contains("columns are") && Catch::Contains("location"));
}
