#include <catch2/catch.hpp>

#include "import/create_missing.hpp"
#include "import_fixture.hpp"

using namespace orgplan;
using namespace orgplan::importing;
using orgplan::importing::test::Sheet;

TEST_CASE("create missing: only wanted kinds, only ids nothing has, each once, at its first reference") {
    Sheet s;
    IncomingRecords in;
    in.teams.add({"t1", "T1", "", "p-new", "seg-stored", ""}, s.line(2));
    in.teams.add({"t2", "T2", "", "p-new", "seg-new", ""}, s.line(3));
    in.memberships.add({"E1", "t-new", 1.0}, s.line(4));
    in.assignments.add({"E9", TargetKind::initiative, "init-new", 1.0}, s.line(5));
    Org stored;
    stored.segments.push_back({"seg-stored", "Stored"});

    const auto created = create_missing({"products", "teams", "segments"}, stored, in);
    CHECK(created.at("products") == std::vector<std::string>{"p-new"});
    CHECK(created.at("segments") == std::vector<std::string>{"seg-new"});
    CHECK(created.at("teams") == std::vector<std::string>{"t-new"});
    CHECK(created.count("initiatives") == 0); // not wanted
    REQUIRE(in.products.items.size() == 1);
    CHECK(in.products.items[0].name == "p-new");
    CHECK(in.products.locs[0].position == 2);
    REQUIRE(in.teams.items.size() == 3);
    CHECK(in.teams.items[2].id == "t-new");
    CHECK(in.initiatives.items.empty());

    IncomingRecords untouched;
    untouched.teams.add({"t1", "T1", "", "p-new", "", ""}, s.line(2));
    CHECK(create_missing({}, stored, untouched).empty());
    CHECK(untouched.products.items.empty());
}
