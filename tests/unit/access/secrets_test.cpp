#include <catch2/catch.hpp>

#include <set>

#include "orgplan/access/secrets.hpp"
#include "orgplan/base/error.hpp"

using namespace orgplan;

TEST_CASE("secrets: a password hash is Argon2id with its own salt and verifies only the password") {
    const auto hash = hash_password("correct horse battery");
    CHECK(hash.rfind("$argon2id$v=19$m=65536,t=3,p=1$", 0) == 0);
    CHECK(verify_password(hash, "correct horse battery"));
    CHECK_FALSE(verify_password(hash, "correct horse batterY"));
    CHECK_FALSE(verify_password(hash, ""));
    CHECK(hash_password("correct horse battery") != hash); // a fresh salt each time
    CHECK_FALSE(verify_password("not a hash", "x"));
    CHECK_FALSE(verify_password("$argon2i$v=19$m=65536,t=3,p=1$c2FsdHNhbHQ$aGFzaA", "x")); // only Argon2id
}

TEST_CASE("secrets: random hex, SHA-256 and comparing in constant time") {
    CHECK(random_hex(32).size() == 64);
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i) seen.insert(random_hex(16));
    CHECK(seen.size() == 100);
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(constant_time_equal("token", "token"));
    CHECK_FALSE(constant_time_equal("token", "tokeN"));
    CHECK_FALSE(constant_time_equal("token", "token2"));
}

TEST_CASE("secrets: a new password has at least 10 characters") {
    CHECK_THROWS_WITH(check_new_password("short"), Catch::Contains("at least 10"));
    CHECK_NOTHROW(check_new_password("ten chars!"));
    CHECK_THROWS(check_new_password(std::string(2000, 'x')));
}
