// Re-importing part of an org: columns a file lacks keep their stored values; empty cells clear optional ones.
#include <catch2/catch.hpp>

#include "../fixture.hpp"
#include "orgplan/base/error.hpp"

using namespace orgplan;
using namespace orgplan::test;

namespace {

std::string text_of(Database& db, const std::string& sql) {
    const auto v = db.sql().execAndGet(sql);
    return v.isNull() ? "NULL" : v.getString();
}

// Every stored column of a person, in one string, for before/after comparisons.
std::string person_row(Database& db, const std::string& id) {
    return text_of(db, "SELECT name || '|' || email || '|' || title || '|' || family || '|' || family_source || '|' || "
                       "level || '|' || pm_years || '|' || origin || '|' || ifnull(manager_id, 'NULL') || '|' || "
                       "location || '|' || fte || '|' || ifnull(cost, 'NULL') || '|' || ifnull(coaching_hours, 'NULL') "
                       "FROM person WHERE id = '" + id + "'");
}

std::string memberships_of(Database& db, const std::string& id) {
    return text_of(db, "SELECT ifnull(group_concat(team_id || ':' || allocation, ','), '') FROM "
                       "(SELECT * FROM membership WHERE person_id = '" + id + "' ORDER BY team_id)");
}

std::vector<InputProblem> problems_of(Database& db, const std::vector<std::string>& paths) {
    try {
        import_paths(db, paths);
    } catch (const InputErrors& e) {
        return e.problems();
    }
    FAIL("the import was expected to fail");
    return {};
}

} // namespace

TEST_CASE("re-importing id,name,fte changes only those columns of a person") {
    Database db(":memory:");
    import_paths(db, {std::string(ORGPLAN_DATA) + "/demo"});
    const auto before = person_row(db, "E0012");
    const auto memberships = memberships_of(db, "E0012");
    REQUIRE_THAT(before, Catch::StartsWith("Zoe Becker|zoe.becker@northwind.example|Senior Technical Product Manager|pm|rule|"));
    const auto assignments = count(db, "pm_assignment");
    const auto pm_fte = text_of(db, "SELECT total(fte) FROM person WHERE family = 'pm'");

    import_paths(db, {write_temp("people.csv", "id,name,fte\nE0012,Renamed,0.8\n")});
    auto expected = before;
    expected.replace(0, std::string("Zoe Becker").size(), "Renamed");
    expected.replace(expected.find("|1.0|"), 5, "|0.8|");
    CHECK(person_row(db, "E0012") == expected);
    CHECK(memberships_of(db, "E0012") == memberships);
    CHECK(count(db, "pm_assignment") == assignments);
    CHECK(text_of(db, "SELECT total(fte) FROM person WHERE family = 'pm'") != pm_fte);
    CHECK(text_of(db, "SELECT abs(total(fte) - " + pm_fte + " + 0.2) < 1e-9 FROM person WHERE family = 'pm'") == "1");
}

TEST_CASE("a file of FTE changes needs no names for stored people, but a new person does") {
    Database db(":memory:");
    import_paths(db, {fixture("ratios")});
    const auto pm2 = person_row(db, "pm2");
    import_paths(db, {write_temp("fte.csv", "id,fte\npm2,1\n"), }, [] { ImportOptions o; o.kind = "people"; return o; }());
    CHECK(person_row(db, "pm2") != pm2);
    CHECK_THAT(person_row(db, "pm2"), Catch::StartsWith("PM Two|"));
    CHECK(text_of(db, "SELECT fte FROM person WHERE id = 'pm2'") == "1.0");

    const auto ps = problems_of(db, {write_temp("people.csv", "id,fte\npm2,0.5\nnew1,1\n")});
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].line == 3);
    CHECK(ps[0].field == "name");
    CHECK_THAT(ps[0].message, Catch::Contains("a new person needs a name"));
    CHECK(text_of(db, "SELECT fte FROM person WHERE id = 'pm2'") == "1.0"); // nothing written
}

TEST_CASE("an empty cell clears an optional column, an absent column does not") {
    Database db(":memory:");
    import_paths(db, {fixture("ratios")});
    REQUIRE(text_of(db, "SELECT manager_id FROM person WHERE id = 'pm1'") == "L1");
    import_paths(db, {write_temp("people.csv", "id,name,manager,cost\npm1,PM One,,\n")});
    CHECK(text_of(db, "SELECT manager_id FROM person WHERE id = 'pm1'") == "NULL");
    CHECK(text_of(db, "SELECT cost FROM person WHERE id = 'pm1'") == "NULL");
    CHECK(text_of(db, "SELECT pm_years FROM person WHERE id = 'pm1'") == "6.0");
    CHECK(text_of(db, "SELECT family FROM person WHERE id = 'pm1'") == "pm");
}

TEST_CASE("validation sees stored values for absent columns") {
    Database db(":memory:");
    import_paths(db, {fixture("ratios")});
    // pm1 keeps family pm (title and family absent), so its assignments stay valid; L1 keeps its manager, so making
    // L2 report to L1 is a cycle.
    const auto ps = problems_of(db, {write_temp("people.csv", "id,name,manager\nL2,Leader Two,L1\n")});
    REQUIRE(ps.size() == 1);
    CHECK_THAT(ps[0].message, Catch::Contains("reporting cycle"));
    import_paths(db, {write_temp("people.csv", "id,name\npm1,Renamed PM\n")});
    CHECK(text_of(db, "SELECT family FROM person WHERE id = 'pm1'") == "pm");
    CHECK(count(db, "pm_assignment") == 4);
}

TEST_CASE("a new title reclassifies a person unless their family came from a family column") {
    Database db(":memory:");
    import_paths(db, {write_temp("people.csv", "id,name,title,family\na,Ann,Software Engineer,\nb,Bo,Software Engineer,pm\n")});
    REQUIRE(text_of(db, "SELECT family FROM person WHERE id = 'a'") == "maker");
    REQUIRE(text_of(db, "SELECT family FROM person WHERE id = 'b'") == "pm");
    import_paths(db, {write_temp("people.csv", "id,title\na,Senior Product Manager\nb,Senior Designer\n")});
    CHECK(text_of(db, "SELECT family || '/' || family_source FROM person WHERE id = 'a'") == "pm/rule");
    CHECK(text_of(db, "SELECT family || '/' || family_source FROM person WHERE id = 'b'") == "pm/column");
    CHECK(text_of(db, "SELECT title FROM person WHERE id = 'b'") == "Senior Designer");
}

TEST_CASE("memberships and assignments given again without allocation or share keep the stored numbers") {
    Database db(":memory:");
    import_paths(db, {fixture("ratios")});
    REQUIRE(memberships_of(db, "m4") == "A:0.5,B:0.5");
    import_paths(db, {write_temp("memberships.csv", "person,team\nm4,A\nm4,B\n")});
    CHECK(memberships_of(db, "m4") == "A:0.5,B:0.5");
    import_paths(db, {write_temp("assignments.csv", "pm,kind,target\npm1,team,A\npm1,team,C\n")});
    CHECK(text_of(db, "SELECT group_concat(share) FROM pm_assignment WHERE pm_id = 'pm1'") == "0.5,0.5");
}

TEST_CASE("memberships given again as stored stay, and those that differ replace all of that person's") {
    Database db(":memory:");
    import_paths(db, {fixture("ratios")});
    REQUIRE(memberships_of(db, "m4") == "A:0.5,B:0.5");
    const auto m1 = memberships_of(db, "m1");
    REQUIRE_FALSE(m1.empty());
    REQUIRE(m1.find(',') == std::string::npos); // one team
    const auto team_of_m1 = m1.substr(0, m1.find(':'));
    // m4 again as stored (one row per team, in the other order); m1 as stored; then m4 in one of the two teams.
    import_paths(db, {write_temp("memberships.csv", "person,team,allocation\nm4,B,0.5\nm4,A,0.5\nm1," + team_of_m1 +
                                                        "," + m1.substr(m1.find(':') + 1) + "\n")});
    CHECK(memberships_of(db, "m4") == "A:0.5,B:0.5");
    CHECK(memberships_of(db, "m1") == m1);
    import_paths(db, {write_temp("memberships.csv", "person,team,allocation\nm4,B,0.5\n")});
    CHECK(memberships_of(db, "m4") == "B:0.5"); // the A row went: the person's rows are replaced, not merged
    CHECK(memberships_of(db, "m1") == m1);
    import_paths(db, {write_temp("memberships.csv", "person,team,allocation\nm4,B,0.25\n")});
    CHECK(memberships_of(db, "m4") == "B:0.25");
    // The stored maker totals follow what the rows say, skipped rows included ('' holds makers in no team).
    CHECK(text_of(db, "SELECT count(*) FROM team_maker_fte t WHERE t.team_id <> '' AND abs(t.fte - "
                      "(SELECT total(p.fte * m.allocation) FROM membership m JOIN person p ON p.id = m.person_id "
                      "WHERE m.team_id = t.team_id AND p.family = 'maker')) > 1e-9") == "0");
}

TEST_CASE("teams, products, accounts and goals keep columns their file lacks") {
    Database db(":memory:");
    import_paths(db, {std::string(ORGPLAN_DATA) + "/demo"});
    const auto team = text_of(db, "SELECT type || '|' || product_id || '|' || ifnull(segment_id, 'NULL') || '|' || parent_unit "
                                  "FROM team WHERE id = 'bill-invoicing'");
    import_paths(db, {write_temp("teams.csv", "id,name\nbill-invoicing,Invoices\n")});
    CHECK(text_of(db, "SELECT name FROM team WHERE id = 'bill-invoicing'") == "Invoices");
    CHECK(text_of(db, "SELECT type || '|' || product_id || '|' || ifnull(segment_id, 'NULL') || '|' || parent_unit "
                      "FROM team WHERE id = 'bill-invoicing'") == team);

    import_paths(db, {write_temp("products.csv", "id,name\np-billing,Billing 2\n")});
    CHECK(text_of(db, "SELECT status || '|' || segment_id FROM product WHERE id = 'p-billing'") == "active|seg-smb");
    import_paths(db, {write_temp("accounts.csv", "id,name\nacc-globex,Globex\n")});
    CHECK(text_of(db, "SELECT segment_id FROM account WHERE id = 'acc-globex'") == "seg-ent");
    // A product's empty segment cell clears it.
    import_paths(db, {write_temp("products.csv", "id,segment\np-billing,\n")});
    CHECK(text_of(db, "SELECT ifnull(segment_id, 'NULL') || '|' || name FROM product WHERE id = 'p-billing'") ==
          "NULL|Billing 2");

    const auto goal = text_of(db, "SELECT function || '|' || metric || '|' || metric_kind || '|' || incentive || '|' || "
                                  "counter_metric || '|' || theme FROM goal WHERE id = 'g-svc-custom'");
    import_paths(db, {write_temp("goals.csv", "id,name\ng-svc-custom,Grow custom revenue\n")});
    CHECK(text_of(db, "SELECT function || '|' || metric || '|' || metric_kind || '|' || incentive || '|' || "
                      "counter_metric || '|' || theme FROM goal WHERE id = 'g-svc-custom'") == goal);
    CHECK(text_of(db, "SELECT group_concat(product_id) FROM (SELECT product_id FROM goal_product WHERE goal_id = "
                      "'g-svc-custom' ORDER BY product_id)") == "p-analytics,p-billing");
}

TEST_CASE("a JSON record without a key keeps the stored value, null clears it") {
    Database db(":memory:");
    import_paths(db, {fixture("ratios")});
    const auto path = write_temp("people.json",
                                 R"([{"id": "pm1", "name": "PM One", "cost": null}, {"id": "pm2", "name": "PM Two", "fte": 1}])");
    import_paths(db, {path});
    CHECK(text_of(db, "SELECT manager_id FROM person WHERE id = 'pm1'") == "L1");
    CHECK(text_of(db, "SELECT fte FROM person WHERE id = 'pm1'") == "1.0");
    CHECK(text_of(db, "SELECT fte FROM person WHERE id = 'pm2'") == "1.0");
    CHECK(text_of(db, "SELECT manager_id FROM person WHERE id = 'pm2'") == "L1");
}

TEST_CASE("an import with replace still starts from nothing") {
    Database db(":memory:");
    import_paths(db, {fixture("ratios")});
    ImportOptions o;
    o.replace = true;
    import_paths(db, {write_temp("people.csv", "id,name\npm1,PM One\n")}, o);
    CHECK(count(db, "person") == 1);
    CHECK(text_of(db, "SELECT family || '|' || ifnull(manager_id, 'NULL') FROM person") == "other|NULL");
}
