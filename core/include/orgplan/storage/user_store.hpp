// The users who may sign in to the shared org and their API tokens, in the org's database. Passwords and tokens are
// stored as hashes only (access/secrets.hpp makes them).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "orgplan/storage/database.hpp"

#include "orgplan/access/role.hpp"

namespace orgplan {

/// A user as stored: who, with what role, limited to whose reports.
struct User {
    std::string name;
    Role role = Role::viewer;
    std::string scope;         ///< a person id: the user sees only the people reporting to them; empty = the whole org
    std::string password_hash; ///< Argon2id, encoded
    std::string created;       ///< UTC, ISO 8601
};

/// A bearer token as stored (its digest, never the token).
struct ApiToken {
    std::string id;        ///< public, short: what `token list` shows and `token revoke` takes
    std::string user_name;
    std::string created;
    std::string revoked;   ///< when it was revoked; empty while it works
};

/// Every user, by name.
std::vector<User> load_users(Database& db);
std::optional<User> find_user(Database& db, const std::string& name);
/// Adds a user; throws orgplan::Error when the name is taken. The caller owns the transaction.
void add_user(Database& db, const User& user);
/// Removes a user and their tokens; throws orgplan::Error naming the known users when there is none.
void remove_user(Database& db, const std::string& name);
/// Replaces a user's password hash; throws orgplan::Error when there is no such user.
void set_password_hash(Database& db, const std::string& name, const std::string& password_hash);

/// Stores a token's digest for `user_name` under `id`.
void add_token(Database& db, const std::string& id, const std::string& user_name, const std::string& digest);
/// Marks a token revoked; throws orgplan::Error when there is no live token with `id`.
void revoke_token(Database& db, const std::string& id);
/// Every token, newest first.
std::vector<ApiToken> load_tokens(Database& db);
/// The user a live (not revoked) token with this digest belongs to, if any.
std::optional<User> user_of_token(Database& db, const std::string& digest);

} // namespace orgplan
