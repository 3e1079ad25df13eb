// orgplan user and orgplan token: who may sign in to `orgplan serve`, with which role and scope, and the bearer
// tokens scripts use. Passwords are read from stdin (--password-stdin) or asked for on the terminal, never taken
// as an argument (it would show in the process list and the shell's history).
#include <iostream>
#include <map>

#include <fmt/format.h>
#include <termios.h>
#include <unistd.h>

#include "context.hpp"
#include "orgplan/access/secrets.hpp"
#include "orgplan/storage/change_log.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/storage/read_transaction.hpp"
#include "orgplan/storage/user_store.hpp"
#include "orgplan/storage/write_transaction.hpp"

namespace orgplan::cli {
namespace {

// Reads one line from the terminal with echo off.
std::string ask_hidden(const char* prompt) {
    std::cerr << prompt << std::flush;
    termios old {};
    ::tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    std::string line;
    std::getline(std::cin, line);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::cerr << "\n";
    return line;
}

// The new password: the first line of stdin with --password-stdin, else asked twice on the terminal.
std::string read_new_password(bool from_stdin) {
    std::string password;
    if (from_stdin) {
        if (!std::getline(std::cin, password)) throw UsageError("--password-stdin: stdin gave no line");
        if (!password.empty() && password.back() == '\r') password.pop_back();
    } else {
        if (!::isatty(STDIN_FILENO)) throw UsageError("give the password on stdin with --password-stdin");
        password = ask_hidden("new password: ");
        if (ask_hidden("the same again: ") != password) throw UsageError("the two passwords differ; nothing was changed");
    }
    try {
        check_new_password(password);
    } catch (const Error& e) {
        throw UsageError(e.what());
    }
    return password;
}

struct UserRun {
    Common common;
    std::vector<std::string> words;
    std::string role, scope;
    bool password_stdin = false;
};

// One write to the users, in one transaction, logged.
template <typename Write>
void write_users(const Common& common, const std::string& command, const nlohmann::json& facts, Write write) {
    Database db(db_path(common), Database::Open::write);
    WriteTransaction tx(db);
    write(db);
    record_change(db, command, facts);
    tx.commit();
    note_written("the change was stored in " + db.path());
}

const std::string& name_word(const UserRun& run, const char* usage) {
    if (run.words.size() != 2) throw UsageError(std::string("give one user name\nusage: ") + usage);
    return run.words[1];
}

int user_add(UserRun& run) {
    const auto& name = name_word(run, "orgplan user add NAME --role ROLE [--scope PERSON_ID] --password-stdin");
    if (run.role.empty()) throw UsageError("user add: --role is required (viewer, planner, hr or admin)");
    User user;
    user.name = name;
    try {
        user.role = parse_role(run.role);
    } catch (const Error& e) {
        throw UsageError(std::string("--role: ") + e.what());
    }
    user.scope = run.scope;
    if (name.empty() || name.size() > 64 || name.find_first_of(" \t\r\n/") != std::string::npos)
        throw UsageError("user names are 1 to 64 characters without spaces or slashes");
    user.password_hash = hash_password(read_new_password(run.password_stdin));
    write_users(run.common, "user add " + name, {{"user", name}, {"role", run.role}, {"scope", run.scope}},
                [&](Database& db) {
                    if (!user.scope.empty() && !person_exists(db, user.scope))
                        throw Error("--scope " + user.scope + ": no person with this id in the org");
                    add_user(db, user);
                });
    emit_done(run.common,
              {fmt::format("added {} ({}{})", name, run.role, run.scope.empty() ? "" : ", scope " + run.scope)},
              {{"user", name}, {"role", run.role}, {"scope", run.scope}});
    return 0;
}

int user_list(UserRun& run) {
    Database db(db_path(run.common), Database::Open::read);
    const ReadTransaction snapshot(db);
    Table table({{"name", "name"}, {"role", "role"}, {"scope", "scope"}, {"created", "created"}});
    for (const auto& u : load_users(db)) table.add({u.name, std::string(to_string(u.role)), u.scope, u.created});
    print_rows(table, run.common);
    return 0;
}

int user_remove(UserRun& run) {
    const auto& name = name_word(run, "orgplan user remove NAME");
    write_users(run.common, "user remove " + name, {{"user", name}}, [&](Database& db) { remove_user(db, name); });
    emit_done(run.common, {"removed " + name + " and their tokens"}, {{"user", name}});
    return 0;
}

int user_passwd(UserRun& run) {
    const auto& name = name_word(run, "orgplan user passwd NAME --password-stdin");
    const auto hash = hash_password(read_new_password(run.password_stdin));
    write_users(run.common, "user passwd " + name, {{"user", name}},
                [&](Database& db) { set_password_hash(db, name, hash); });
    emit_done(run.common, {"changed the password of " + name}, {{"user", name}});
    return 0;
}

int token_create(UserRun& run) {
    const auto& name = name_word(run, "orgplan token create NAME");
    // The id is public (lists, revoking); the secret is shown once and only its digest is kept.
    const auto id = random_hex(4);
    const auto token = "op_" + id + "_" + random_hex(32);
    write_users(run.common, "token create " + id, {{"user", name}, {"token", id}},
                [&](Database& db) { add_token(db, id, name, sha256_hex(token)); });
    emit_done(run.common,
              {token, fmt::format("a bearer token for {} (id {}); it is shown only now: send it as "
                                  "'Authorization: Bearer TOKEN'; orgplan token revoke {} ends it",
                                  name, id, id)},
              {{"user", name}, {"id", id}, {"token", token}});
    return 0;
}

int token_revoke(UserRun& run) {
    const auto& id = name_word(run, "orgplan token revoke ID");
    write_users(run.common, "token revoke " + id, {{"token", id}}, [&](Database& db) { revoke_token(db, id); });
    emit_done(run.common, {"revoked token " + id}, {{"id", id}});
    return 0;
}

int token_list(UserRun& run) {
    Database db(db_path(run.common), Database::Open::read);
    const ReadTransaction snapshot(db);
    Table table({{"id", "id"}, {"user", "user"}, {"created", "created"}, {"revoked", "revoked"}});
    for (const auto& t : load_tokens(db)) table.add({t.id, t.user_name, t.created, t.revoked});
    print_rows(table, run.common);
    return 0;
}

using Action = int (*)(UserRun&);

int run_actions(const Args& args, const char* command, const std::map<std::string, Action>& actions,
                const std::string& usage) {
    UserRun run;
    po::options_description desc(std::string(command) + " options");
    desc.add_options()("words", po::value(&run.words), "an action and its argument")(
        "role", po::value(&run.role)->value_name("ROLE"), "add: viewer, planner, hr or admin")(
        "scope", po::value(&run.scope)->value_name("PERSON_ID"), "add: only the people reporting to this person")(
        "password-stdin", po::bool_switch(&run.password_stdin), "read the password from the first line of stdin");
    add_common(desc, run.common);
    po::positional_options_description pos;
    pos.add("words", -1);
    if (!parse(args, desc, pos, run.common, usage)) return 0;
    const auto it = run.words.empty() ? actions.end() : actions.find(run.words[0]);
    if (it == actions.end()) throw UsageError(std::string(command) + ": give an action\nusage: " + usage);
    return it->second(run);
}

} // namespace

int cmd_user(const Args& args) {
    static const std::map<std::string, Action> actions = {
        {"add", user_add}, {"list", user_list}, {"remove", user_remove}, {"passwd", user_passwd}};
    return run_actions(args, "user", actions,
                       "orgplan user add NAME --role viewer|planner|hr|admin [--scope PERSON_ID] --password-stdin | "
                       "user list | user remove NAME | user passwd NAME --password-stdin");
}

int cmd_token(const Args& args) {
    static const std::map<std::string, Action> actions = {
        {"create", token_create}, {"list", token_list}, {"revoke", token_revoke}};
    return run_actions(args, "token", actions, "orgplan token create NAME | token list | token revoke ID");
}

} // namespace orgplan::cli
