#include <catch2/catch.hpp>

#include "../fixture.hpp"
#include "import/parse.hpp"
#include "import_fixture.hpp"

using namespace orgplan;
using namespace orgplan::importing;
using orgplan::importing::test::Sheet;

namespace {

// Parses every record of a CSV text of `kind` into `in`; the source stays alive with the test.
struct Parsed {
    std::unique_ptr<RecordSource> source;
    IncomingRecords in;
};

void parse_csv(Parsed& out, Sheet& s, const std::string& name, const std::string& text, const std::string& kind) {
    static const auto rules = TitleRules::builtin();
    auto opened = open_records(orgplan::test::write_temp(name, text), kind, {}, &kind_of_name);
    out.source = std::move(opened.at(0).records);
    const HeaderMap header(*out.source, column_specs().at(kind), {}, s.problems, s.line(1));
    REQUIRE(header.ok());
    Record r;
    while (out.source->next(r))
        if (record_readable(*out.source, r, s.line(r.position), s.problems))
            parse_record(kind, header, r, s.line(r.position), rules, s.problems, out.in);
}

} // namespace

TEST_CASE("parse: a person's fields become typed values, FTE as a percentage, a team column is a membership") {
    Sheet s;
    Parsed p;
    parse_csv(p, s, "parse_people.csv",
              "id,name,title,fte_percent,pm_years,manager,team,allocation\n"
              "E1,Ann,Senior Product Manager,50,3.5,E0,t1,0.5\n",
              "people");
    REQUIRE_FALSE(s.problems.any());
    REQUIRE(p.in.people.items.size() == 1);
    const auto& x = p.in.people.items[0];
    CHECK(x.person.id == "E1");
    CHECK(x.person.fte == Approx(0.5));
    CHECK(x.person.family == Family::pm); // from the title rules
    CHECK(x.how().source_name() == "rule");
    CHECK(std::optional<double>(x.person.pm_years).value_or(-1) == Approx(3.5));
    CHECK(x.person.manager_id == "E0"); // as given, until the checks resolve it
    CHECK((p.in.people.present[0] & column_bit("people", "fte")) != 0);
    REQUIRE(p.in.memberships.items.size() == 1);
    CHECK(p.in.memberships.items[0].team_id == "t1");
    CHECK(p.in.memberships.items[0].allocation == Approx(0.5));
    CHECK(p.in.memberships.present[0] == 1);
}

TEST_CASE("parse: a bad field is located, its record left out and its id kept as broken") {
    Sheet s;
    Parsed p;
    parse_csv(p, s, "parse_bad.csv", "id,name,fte,family\nE1,Ann,2,maker\nE2,Bo,1,wizard\nE3,Cy,0.5,pm\n", "people");
    CHECK(s.reported(2, "fte", "'2' is not a number from 0.01 to 1"));
    CHECK(s.reported(3, "family", "'wizard' is not one of maker, pm"));
    REQUIRE(p.in.people.items.size() == 1);
    CHECK(p.in.people.items[0].person.id == "E3");
    CHECK(p.in.people.items[0].how().source_name() == "column");
    CHECK(p.in.broken_ids["people"] == std::vector<std::string>{"E1", "E2"});
}

TEST_CASE("parse: one currency per import, assignments, interrupts and seats parse their own columns") {
    Sheet s;
    Parsed people, assignments, interrupts, seats;
    parse_csv(people, s, "parse_currency.csv", "id,name,cost,currency\nE1,Ann,1,EUR\nE2,Bo,2,USD\n", "people");
    CHECK(people.in.currency == "EUR");
    CHECK(s.reported(3, "currency", "'USD' differs from 'EUR' at org.csv:2"));
    parse_csv(assignments, s, "parse_assign.csv", "pm,kind,target\nE1,product,p1\nE1,galaxy,g\n", "assignments");
    REQUIRE(assignments.in.assignments.items.size() == 1);
    CHECK(assignments.in.assignments.items[0].kind == TargetKind::product);
    CHECK(assignments.in.assignments.present[0] == 0); // no share given
    CHECK(s.reported(3, "kind", "is not one of team, product"));
    parse_csv(interrupts, s, "parse_int.csv", "date,requester,pm,hours\n2026-13-01,E2,E1,2\n2026-11-02,E2,E1,3\n",
              "interrupts");
    CHECK(s.reported(2, "date", "is not a date"));
    REQUIRE(interrupts.in.interrupts.items.size() == 1);
    CHECK(interrupts.in.interrupts.items[0].interrupt.hours == 3);
    parse_csv(seats, s, "parse_seats.csv", "taskforce,person,role\ntf,E1,review\ntf,E2,boss\n", "taskforces");
    REQUIRE(seats.in.seats.items.size() == 1);
    CHECK(seats.in.seats.items[0].seat.review);
    CHECK(s.reported(3, "role", "'boss' is not one of working, review"));
}

TEST_CASE("record_readable refuses a record with the wrong number of fields, naming the counts") {
    Sheet s;
    auto opened = open_records(orgplan::test::write_temp("parse_width.csv", "id,name\nE1,Ann,extra\n"), "people", {},
                               &kind_of_name);
    Record r;
    REQUIRE(opened.at(0).records->next(r));
    CHECK_FALSE(record_readable(*opened[0].records, r, s.line(2), s.problems));
    CHECK(s.reported(2, "", "has 3 fields but the header has 2"));
}

TEST_CASE("parse: an incoming person takes 136 bytes and a membership 24 (a million of each in memory at once)") {
    if (sizeof(void*) != 8) return; // the sizes are those of 64-bit builds
    CHECK(sizeof(PersonIn) == 136);
    CHECK(sizeof(MembershipRow) == 24);
}
