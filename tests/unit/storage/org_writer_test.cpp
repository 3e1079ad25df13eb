#include <catch2/catch.hpp>

#include <string>

#include "../fixture.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/storage/org_writer.hpp"
#include "orgplan/storage/write_transaction.hpp"

using namespace orgplan;
using namespace orgplan::test;

namespace {

std::string text_of(Database& db, const std::string& sql) { return db.sql().execAndGet(sql).getString(); }

const FamilyOrigin kByColumn{FamilyOrigin::Source::column};

PersonRow person(std::string_view id, Family family, std::string_view manager = "") {
    PersonRow p;
    p.id = id;
    p.name = id;
    p.family = family;
    p.manager_id = manager;
    return p;
}

} // namespace

TEST_CASE("an upsert overwrites only the columns it is given and keeps the others as stored") {
    Database db(":memory:");
    WriteTransaction tx(db);
    OrgWriter writer(db);
    writer.put(Segment{"s1", "Retail"});
    writer.put(Team{"t1", "Checkout", "stream-aligned", "", "s1", "Payments"});
    // A second file with only a name column: the type, segment and unit stay.
    writer.put(Team{"t1", "Checkout squad", "", "", "", ""}, column_bit("teams", "name"));
    writer.flush();
    tx.commit();
    CHECK(text_of(db, "SELECT name FROM team WHERE id = 't1'") == "Checkout squad");
    CHECK(text_of(db, "SELECT type FROM team WHERE id = 't1'") == "stream-aligned");
    CHECK(text_of(db, "SELECT segment_id FROM team WHERE id = 't1'") == "s1");
    CHECK(text_of(db, "SELECT parent_unit FROM team WHERE id = 't1'") == "Payments");
    // An empty reference is stored as NULL, so "no product" passes the foreign key.
    CHECK(db.sql().execAndGet("SELECT product_id IS NULL FROM team WHERE id = 't1'").getInt() == 1);
}

TEST_CASE("an upsert of a record as it stands changes no row, and one that differs in a column updates it") {
    Database db(":memory:");
    WriteTransaction tx(db);
    OrgWriter writer(db);
    auto p = person("E1", Family::maker);
    p.pm_years = 2.0;
    writer.put(p, kByColumn);
    CHECK(db.sql().getChanges() == 1);
    writer.put(p, kByColumn); // every column as stored, NULLs included (cost, coaching hours)
    CHECK(db.sql().getChanges() == 0);
    p.cost = 90000;
    writer.put(p, kByColumn);
    CHECK(db.sql().getChanges() == 1);
    CHECK(db.sql().execAndGet("SELECT cost FROM person WHERE id = 'E1'").getDouble() == 90000);
    // A column a file lacks is not compared: the stored cost stands, and nothing else differs.
    p.cost = std::nullopt;
    writer.put(p, kByColumn, kAllColumns & ~column_bit("people", "cost"));
    CHECK(db.sql().getChanges() == 0);
    writer.put(Team{"t1", "Checkout", "", "", "", ""});
    writer.put(Team{"t1", "Checkout", "", "", "", ""});
    CHECK(db.sql().getChanges() == 0);
    writer.put(Team{"t1", "Checkout squad", "", "", "", ""});
    CHECK(db.sql().getChanges() == 1);
    tx.commit();
}

TEST_CASE("batched people and memberships reach the table at flush, memberships after their people") {
    Database db(":memory:");
    WriteTransaction tx(db);
    OrgWriter writer(db);
    writer.put(Team{"t1", "Checkout", "", "", "", ""});
    const auto lead = person("lead", Family::product_leader);
    const auto dev = person("dev", Family::maker, "lead");
    writer.insert(lead, kByColumn);
    writer.insert(dev, kByColumn);
    const MembershipRow m{"dev", "t1", 0.5};
    writer.put(m); // the person inserts ahead of it are written first
    writer.flush();
    tx.commit();
    CHECK(count(db, "person") == 2);
    CHECK(text_of(db, "SELECT manager_id FROM person WHERE id = 'dev'") == "lead");
    CHECK(text_of(db, "SELECT family_source FROM person WHERE id = 'dev'") == "column");
    CHECK(db.sql().execAndGet("SELECT allocation FROM membership WHERE person_id = 'dev'").getDouble() == 0.5);
}

TEST_CASE("clearing PM assignments keeps a leader's own coverage, and erase follows the schema's references") {
    Database db(":memory:");
    WriteTransaction tx(db);
    OrgWriter writer(db);
    writer.put(Team{"t1", "Checkout", "", "", "", ""});
    writer.put(person("pm", Family::pm), kByColumn);
    writer.put(person("lead", Family::product_leader), kByColumn);
    writer.put(Assignment{"pm", TargetKind::team, "t1", 1.0});
    writer.put(Assignment{"lead", TargetKind::team, "t1", 0.25});
    writer.clear_pm_assignments();
    CHECK(text_of(db, "SELECT group_concat(pm_id) FROM pm_assignment") == "lead");

    writer.erase("people", "lead");
    CHECK(count(db, "person") == 1);
    CHECK(count(db, "pm_assignment") == 0); // the assignment was the leader's
    CHECK_THROWS_AS(writer.erase("planets", "x"), Error);
}

TEST_CASE("a goal's products are replaced only when its file has a products column") {
    Database db(":memory:");
    WriteTransaction tx(db);
    OrgWriter writer(db);
    writer.put(Product{"p1", "Cart", ProductStatus::active, ""});
    writer.put(Product{"p2", "Wallet", ProductStatus::active, ""});
    Goal goal;
    goal.id = "g1";
    goal.name = "Grow";
    goal.product_ids = {"p1", "p2"};
    writer.put(goal);
    goal.product_ids = {};
    writer.put(goal, column_bit("goals", "name"));
    CHECK(count(db, "goal_product") == 2);
    goal.product_ids = {"p2"};
    writer.put(goal, column_bit("goals", "products"));
    CHECK(text_of(db, "SELECT group_concat(product_id) FROM goal_product") == "p2");
}

TEST_CASE("updatable columns are named as in input files, one bit each") {
    const auto& columns = updatable_columns("teams");
    REQUIRE(columns.size() >= 2);
    CHECK(column_bit("teams", columns[0]) == 1);
    CHECK(column_bit("teams", columns[1]) == 2);
    CHECK(column_bit("teams", "id") == 0); // ids are never overwritten
    CHECK_THROWS_AS(updatable_columns("planets"), std::out_of_range);
}

TEST_CASE("a person row keeps optional numbers in eight bytes, none stored as NULL, and its family's source by name") {
    CHECK_FALSE(std::optional<double>(OptionalNumber()).has_value());
    CHECK_FALSE(std::optional<double>(OptionalNumber(std::nullopt)).has_value());
    CHECK(std::optional<double>(OptionalNumber(0.0)) == 0.0);
    CHECK(std::optional<double>(OptionalNumber(-2.5)) == -2.5);
    CHECK(sizeof(OptionalNumber) == sizeof(double));

    Database db(":memory:");
    WriteTransaction tx(db);
    OrgWriter writer(db);
    auto with_years = person("with_years", Family::pm);
    with_years.pm_years = 0.0; // zero years is a value, not none
    with_years.cost = 1000.0;
    const auto without = person("without", Family::maker);
    const std::string pattern = "engineer";
    const FamilyOrigin by_rule{FamilyOrigin::Source::rule, &pattern}, unmatched{FamilyOrigin::Source::unmatched};
    writer.insert(with_years, by_rule);
    writer.insert(without, unmatched);
    writer.flush();
    tx.commit();
    CHECK(text_of(db, "SELECT quote(pm_years) || ' ' || quote(cost) || ' ' || family_source FROM person "
                      "WHERE id = 'with_years'") == "0.0 1000.0 rule");
    CHECK(text_of(db, "SELECT quote(pm_years) || ' ' || quote(cost) || ' ' || quote(coaching_hours) || ' ' || "
                      "family_source FROM person WHERE id = 'without'") == "NULL NULL NULL unmatched");
}
