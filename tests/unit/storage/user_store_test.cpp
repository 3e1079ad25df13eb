#include <catch2/catch.hpp>

#include "../fixture.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/storage/user_store.hpp"

using namespace orgplan;
using namespace orgplan::test;

namespace {
User user(const std::string& name, Role role, const std::string& scope = "") {
    return User{name, role, scope, "$argon2id$hash-of-" + name, ""};
}
} // namespace

TEST_CASE("users: added, found, listed by name, changed and removed") {
    Database db(":memory:");
    add_user(db, user("vera", Role::viewer));
    add_user(db, user("ada", Role::admin, "E1"));
    CHECK_THROWS_WITH(add_user(db, user("vera", Role::hr)), Catch::Contains("exists"));
    const auto all = load_users(db);
    REQUIRE(all.size() == 2);
    CHECK(all[0].name == "ada");
    CHECK(all[0].role == Role::admin);
    CHECK(all[0].scope == "E1");
    CHECK(all[0].created.size() == 20);
    set_password_hash(db, "vera", "$argon2id$new");
    CHECK(find_user(db, "vera")->password_hash == "$argon2id$new");
    CHECK_THROWS_WITH(set_password_hash(db, "nobody", "x"), Catch::Contains("ada, vera"));
    remove_user(db, "vera");
    CHECK_FALSE(find_user(db, "vera"));
    CHECK_THROWS_WITH(remove_user(db, "vera"), Catch::Contains("no user named 'vera'"));
}

TEST_CASE("users: a token finds its user until revoked, and goes with its user") {
    Database db(":memory:");
    add_user(db, user("hana", Role::hr));
    add_token(db, "t1", "hana", "digest-1");
    add_token(db, "t2", "hana", "digest-2");
    CHECK_THROWS(add_token(db, "t3", "nobody", "digest-3"));
    REQUIRE(user_of_token(db, "digest-1"));
    CHECK(user_of_token(db, "digest-1")->name == "hana");
    CHECK_FALSE(user_of_token(db, "digest-9"));
    revoke_token(db, "t1");
    CHECK_FALSE(user_of_token(db, "digest-1"));
    CHECK_THROWS_WITH(revoke_token(db, "t1"), Catch::Contains("no live token"));
    const auto tokens = load_tokens(db);
    REQUIRE(tokens.size() == 2);
    CHECK((tokens[0].revoked.empty() != tokens[1].revoked.empty()));
    remove_user(db, "hana");
    CHECK(load_tokens(db).empty());
    CHECK_FALSE(user_of_token(db, "digest-2"));
}
