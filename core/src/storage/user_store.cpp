#include "orgplan/storage/user_store.hpp"

#include "orgplan/base/error.hpp"
#include "orgplan/base/text.hpp"
#include "statements.hpp"

namespace orgplan {
namespace {

constexpr const char* kUserColumns = "u.name, u.role, u.scope, u.password_hash, u.created";

User read_user(const Row& r) {
    User u;
    u.name = r.text(0);
    u.role = parse_role(r.text(1));
    u.scope = r.text(2);
    u.password_hash = r.text(3);
    u.created = r.text(4);
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
    return select_rows(db, std::string("SELECT ") + kUserColumns + " FROM app_user u ORDER BY u.name", read_user);
}

std::optional<User> find_user(Database& db, const std::string& name) {
    return select_row(db, std::string("SELECT ") + kUserColumns + " FROM app_user u WHERE u.name = ?1", read_user, name);
}

void add_user(Database& db, const User& user) {
    if (find_user(db, user.name)) throw Error("a user named '" + user.name + "' exists; orgplan user passwd changes a password");
    execute(db, "INSERT INTO app_user(name, role, scope, password_hash) VALUES(?1, ?2, ?3, ?4)", user.name,
            std::string(to_string(user.role)), user.scope, user.password_hash);
}

void remove_user(Database& db, const std::string& name) {
    if (execute(db, "DELETE FROM app_user WHERE name = ?1", name) == 0) throw Error("no user named '" + name + "'; " + known_users(db));
}

void set_password_hash(Database& db, const std::string& name, const std::string& password_hash) {
    if (execute(db, "UPDATE app_user SET password_hash = ?2 WHERE name = ?1", name, password_hash) == 0) throw Error("no user named '" + name + "'; " + known_users(db));
}

void add_token(Database& db, const std::string& id, const std::string& user_name, const std::string& digest) {
    if (!find_user(db, user_name)) throw Error("no user named '" + user_name + "'; " + known_users(db));
    execute(db, "INSERT INTO api_token(id, user_name, digest) VALUES(?1, ?2, ?3)", id, user_name, digest);
}

void revoke_token(Database& db, const std::string& id) {
    if (execute(db, "UPDATE api_token SET revoked = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1 AND revoked "
                    "IS NULL",
                id) == 0) throw Error("no live token with id '" + id + "' (orgplan token list shows them)");
}

std::vector<ApiToken> load_tokens(Database& db) {
    return select_rows(db, "SELECT id, user_name, created, revoked FROM api_token ORDER BY created DESC, id",
                       [](const Row& r) { return ApiToken{r.text(0), r.text(1), r.text(2), r.text(3)}; });
}

std::optional<User> user_of_token(Database& db, const std::string& digest) {
    return select_row(db,
                      std::string("SELECT ") + kUserColumns +
                          " FROM api_token t JOIN app_user u ON u.name = t.user_name WHERE t.digest = ?1 AND t.revoked IS "
                          "NULL",
                      read_user, digest);
}

} // namespace orgplan
