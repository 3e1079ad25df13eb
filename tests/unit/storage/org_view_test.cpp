#include <catch2/catch.hpp>

#include <cmath>

#include "../fixture.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/storage/org_view.hpp"
#include "orgplan/storage/user_store.hpp"

using namespace orgplan;
using namespace orgplan::test;

namespace {

// C leads B and X1 and the PM P1; B leads six makers in t1, where P1 also works; X1 works in t2.
void import_small_org(Database& db) {
    std::string people = "id,name,email,title,manager,cost,team,location\n"
                         "C,Chief,c@x.example,Chief Executive Officer,,300000,,Berlin\n"
                         "B,Boss,b@x.example,Director of Engineering,C,200000,,Berlin\n"
                         "P1,Pam,p1@x.example,Product Manager,C,150000,t1,Lisbon\n"
                         "X1,Xavi,x1@x.example,Software Engineer,C,90000,t2,Lisbon\n";
    for (int i = 1; i <= 6; ++i)
        people += "M" + std::to_string(i) + ",Maker " + std::to_string(i) + ",m" + std::to_string(i) +
                  "@x.example,Software Engineer,B," + std::to_string(100000 + i * 1000) + ",t1,Oslo\n";
    import_paths(db, {write_temp("people.csv", people),
                      write_temp("teams.csv", "id,name\nt1,Team One\nt2,Team Two\n")});
    add_user(db, User{"ada", Role::admin, "", "$argon2id$x", ""});
}

double real(Database& db, const std::string& sql) { return db.sql().execAndGet(sql).getDouble(); }

} // namespace

TEST_CASE("org view: without personal fields, nobody's email, location, experience or cost is there") {
    const TempPath source("view-source.db"), target("view-none.db");
    {
        Database db(source.path);
        import_small_org(db);
    }
    ViewRules rules;
    rules.personal_fields = false;
    write_org_view(source.path, target.path, rules);
    Database view(target.path, Database::Open::read);
    CHECK(count(view, "person") == 10);
    CHECK(view.sql().execAndGet("SELECT count(*) FROM person WHERE email <> '' OR location <> '' OR cost IS NOT NULL "
                                "OR pm_years IS NOT NULL").getInt() == 0);
    CHECK(view.sql().execAndGet("SELECT count(*) FROM h_person WHERE email <> '' OR cost IS NOT NULL").getInt() == 0);
    CHECK(count(view, "membership") == 8);
    CHECK(count(view, "app_user") == 0); // users never go into a view
    CHECK(count(view, "change_log") == 0);
}

TEST_CASE("org view: a scope keeps that person, everyone below, their teams, and nothing else") {
    const TempPath source("scope-source.db"), target("scope-view.db");
    {
        Database db(source.path);
        import_small_org(db);
    }
    ViewRules rules;
    rules.scope = "B";
    write_org_view(source.path, target.path, rules);
    Database view(target.path, Database::Open::read);
    CHECK(count(view, "person") == 7);
    CHECK(view.sql().execAndGet("SELECT manager_id IS NULL FROM person WHERE id = 'B'").getInt() == 1);
    CHECK(count(view, "team") == 1); // t1: B's makers are in it; t2 is X1's only
    CHECK(count(view, "membership") == 6); // P1 works in t1 but reports outside the scope
    CHECK(real(view, "SELECT fte FROM team_maker_fte WHERE team_id = 't1'") == 6.0);
    CHECK(view.sql().execAndGet("SELECT email FROM person WHERE id = 'M1'").getString() == "m1@x.example");
    CHECK(count(view, "snapshot") == 1); // the first snapshot is the tables as they stand: the scoped ones

    rules.scope = "nobody";
    const TempPath other("scope-none.db");
    CHECK_THROWS_WITH(write_org_view(source.path, other.path, rules), Catch::Contains("nobody"));
}

TEST_CASE("org view: costs hidden in groups of at least N keep the groups' totals and no one's own cost") {
    const TempPath source("groups-source.db"), target("groups-view.db");
    double team_total = 0;
    {
        Database db(source.path);
        import_small_org(db);
        team_total = real(db, "SELECT sum(cost) FROM person WHERE id IN (SELECT person_id FROM membership WHERE "
                              "team_id = 't1')");
    }
    ViewRules rules;
    rules.personal_fields = false;
    rules.cost_group_min = 5;
    write_org_view(source.path, target.path, rules);
    Database view(target.path, Database::Open::read);
    // t1 has seven people: each carries the team's mean, so the total is exact.
    CHECK(std::abs(real(view, "SELECT sum(cost) FROM person WHERE id IN (SELECT person_id FROM membership WHERE "
                              "team_id = 't1')") - team_total) < 1e-6);
    CHECK(view.sql().execAndGet("SELECT count(DISTINCT cost) FROM person WHERE cost IS NOT NULL").getInt() == 1);
    // C, B and X1 are a group of three (no team of five, no unit): too few, so no cost at all.
    CHECK(view.sql().execAndGet("SELECT count(*) FROM person WHERE cost IS NULL").getInt() == 3);
    CHECK(view.sql().execAndGet("SELECT count(*) FROM h_person WHERE cost IS NOT NULL").getInt() == 0);
}
