// The org database as the server reaches it: its version (any commit by another process changes it), the users
// and tokens, the change log entries the server writes, and for each caller the database their answers come from
// (the whole file, or a view of what their role and scope allow) and its reporting tree.
#pragma once

#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "orgplan/access/role.hpp"
#include "orgplan/analysis/org_tree.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/storage/user_store.hpp"

namespace orgplan::cli::serve {

/// Who sent a request, once authenticated: the identity the authorizer and the views work from.
struct Caller {
    std::string name;
    Role role = Role::viewer;
    std::string scope;      ///< a person id, or empty for the whole org
    bool cookie = false;    ///< signed in by a session cookie (state changes need the CSRF token)
    std::string csrf;       ///< the session's CSRF token
    std::string session_id;
};

/// Thread-safe. Views live in a private directory removed with the object.
class ServedOrg {
public:
    explicit ServedOrg(std::string path);
    ~ServedOrg();
    ServedOrg(const ServedOrg&) = delete;
    ServedOrg& operator=(const ServedOrg&) = delete;

    const std::string& path() const { return path_; }
    /// Changes whenever another connection (a CLI import, config set, user add) has committed.
    long long version();
    std::optional<User> user(const std::string& name);
    std::optional<User> user_of_token(const std::string& token);
    double setting(const std::string& key);
    /// An entry of `orgplan log`, on behalf of `user`.
    void log(const std::string& user, const std::string& command, const nlohmann::json& facts);

    /// The database `caller`'s answers come from at `version`: the org file itself for hr and admin over the whole
    /// org, else a view (storage/org_view) built on first use.
    std::string answer_db(const Caller& caller, long long version);
    /// A new private (0700) directory for a request's files (uploads, edits as import files), removed with the
    /// server at the latest; the caller removes it when done.
    std::string scratch_dir();

    /// The reporting tree of that database.
    std::shared_ptr<const OrgTree> tree(const Caller& caller, long long version);

private:
    std::string view_key(const Caller& caller) const;
    std::string build_view(const Caller& caller, long long version);
    void forget_older_than(long long version);

    std::string path_;
    std::string dir_; ///< private (0700) directory of the views
    std::mutex db_mutex_;
    Database db_; ///< the server's own connection: version checks, users, its log entries
    std::mutex views_mutex_;
    long long views_version_ = -1;
    std::map<std::string, std::shared_future<std::string>> views_;
    std::map<std::string, std::shared_future<std::shared_ptr<const OrgTree>>> trees_;
    int next_view_ = 0;
};

} // namespace orgplan::cli::serve
