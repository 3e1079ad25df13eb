#include "orgplan/storage/user_store.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "orgplan/base/error.hpp"
#include "orgplan/base/text.hpp"

namespace orgplan {
namespace {

constexpr const char* kUserColumns = "u.name, u.role, u.scope, u.password_hash, u.created";

User read_user(SQLite::Statement& q) {
    User u;
    u.name = q.getColumn(0).getString();
    u.role = parse_role(q.getColumn(1).getString());
    u.scope = q.getColumn(2).getString();
    u.password_hash = q.getColumn(3).getString();
    u.created = q.getColumn(4).getString();
    return u;
}

std::string known_users(Database& db) {
    std::vector<std::string> names;
    for (const auto& u : load_users(db)) names.push_back(u.name);
    return names.empty() ? "there are no users yet (orgplan user add NAME --role ROLE --password-stdin)"
                         : "the users are " + text::join(names, ", ", 12);
}

} // namespace

std::vector<User> load_users(Database& db) {
    std::vector<User> out;
    SQLite::Statement q(db.sql(), std::string("SELECT ") + kUserColumns + " FROM app_user u ORDER BY u.name");
    while (q.executeStep()) out.push_back(read_user(q));
    return out;
}

std::optional<User> find_user(Database& db, const std::string& name) {
    SQLite::Statement q(db.sql(), std::string("SELECT ") + kUserColumns + " FROM app_user u WHERE u.name = ?1");
    q.bind(1, name);
    if (!q.executeStep()) return std::nullopt;
    return read_user(q);
}

void add_user(Database& db, const User& user) {
    if (find_user(db, user.name)) throw Error("a user named '" + user.name + "' exists; orgplan user passwd changes a password");
    SQLite::Statement q(db.sql(), "INSERT INTO app_user(name, role, scope, password_hash) VALUES(?1, ?2, ?3, ?4)");
    q.bind(1, user.name);
    q.bind(2, std::string(to_string(user.role)));
    q.bind(3, user.scope);
    q.bind(4, user.password_hash);
    q.exec();
}

void remove_user(Database& db, const std::string& name) {
    SQLite::Statement q(db.sql(), "DELETE FROM app_user WHERE name = ?1");
    q.bind(1, name);
    if (q.exec() == 0) throw Error("no user named '" + name + "'; " + known_users(db));
}

void set_password_hash(Database& db, const std::string& name, const std::string& password_hash) {
    SQLite::Statement q(db.sql(), "UPDATE app_user SET password_hash = ?2 WHERE name = ?1");
    q.bind(1, name);
    q.bind(2, password_hash);
    if (q.exec() == 0) throw Error("no user named '" + name + "'; " + known_users(db));
}

void add_token(Database& db, const std::string& id, const std::string& user_name, const std::string& digest) {
    if (!find_user(db, user_name)) throw Error("no user named '" + user_name + "'; " + known_users(db));
    SQLite::Statement q(db.sql(), "INSERT INTO api_token(id, user_name, digest) VALUES(?1, ?2, ?3)");
    q.bind(1, id);
    q.bind(2, user_name);
    q.bind(3, digest);
    q.exec();
}

void revoke_token(Database& db, const std::string& id) {
    SQLite::Statement q(db.sql(), "UPDATE api_token SET revoked = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1 AND "
                                  "revoked IS NULL");
    q.bind(1, id);
    if (q.exec() == 0) throw Error("no live token with id '" + id + "' (orgplan token list shows them)");
}

std::vector<ApiToken> load_tokens(Database& db) {
    std::vector<ApiToken> out;
    SQLite::Statement q(db.sql(), "SELECT id, user_name, created, coalesce(revoked, '') FROM api_token ORDER BY created "
                                  "DESC, id");
    while (q.executeStep())
        out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                       q.getColumn(3).getString()});
    return out;
}

std::optional<User> user_of_token(Database& db, const std::string& digest) {
    SQLite::Statement q(db.sql(), std::string("SELECT ") + kUserColumns +
                                      " FROM api_token t JOIN app_user u ON u.name = t.user_name WHERE t.digest = ?1 AND "
                                      "t.revoked IS NULL");
    q.bind(1, digest);
    if (!q.executeStep()) return std::nullopt;
    return read_user(q);
}

} // namespace orgplan
