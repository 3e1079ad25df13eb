#include "served_org.hpp"

#include "once_per_key.hpp"

#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>

#include "orgplan/access/secrets.hpp"
#include "orgplan/storage/change_log.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/storage/org_view.hpp"
#include "orgplan/storage/read_transaction.hpp"
#include "orgplan/storage/settings_store.hpp"
#include "orgplan/storage/write_transaction.hpp"

namespace orgplan::cli::serve {
namespace {

std::string private_directory() {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/orgplan-serve-XXXXXX";
    if (!::mkdtemp(pattern.data())) throw Error("cannot create a private directory under " + pattern);
    return pattern;
}

} // namespace

ServedOrg::ServedOrg(std::string path)
    : path_(std::move(path)), dir_(private_directory()), db_(path_, Database::Open::write) {}

ServedOrg::~ServedOrg() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
}

long long ServedOrg::version() {
    const std::lock_guard lock(db_mutex_);
    return db_.data_version();
}

std::optional<User> ServedOrg::user(const std::string& name) {
    const std::lock_guard lock(db_mutex_);
    return find_user(db_, name);
}

std::optional<User> ServedOrg::user_of_token(const std::string& token) {
    const auto digest = sha256_hex(token);
    const std::lock_guard lock(db_mutex_);
    return orgplan::user_of_token(db_, digest);
}

double ServedOrg::setting(const std::string& key) {
    const std::lock_guard lock(db_mutex_);
    return load_settings(db_).get(key);
}

void ServedOrg::log(const std::string& user, const std::string& command, const nlohmann::json& facts) {
    const std::lock_guard lock(db_mutex_);
    WriteTransaction tx(db_);
    record_change(db_, command, facts, user);
    tx.commit();
}

std::string ServedOrg::scratch_dir() {
    auto pattern = dir_ + "/files-XXXXXX";
    if (!::mkdtemp(pattern.data())) throw Error("cannot create a private directory under " + dir_);
    return pattern;
}

std::string ServedOrg::view_key(const Caller& caller) const {
    if (role_may(caller.role, Action::see_personal_fields)) return caller.scope.empty() ? "" : "all:" + caller.scope;
    return std::string(role_may(caller.role, Action::see_group_costs) ? "groups:" : "none:") + caller.scope;
}

void ServedOrg::forget_older_than(long long version) {
    if (version == views_version_) return;
    // Answers already running keep their files open; unlinked files live until they close.
    for (auto& [key, view] : views_) {
        if (view.wait_for(std::chrono::seconds(0)) != std::future_status::ready) continue;
        try {
            std::error_code ignored;
            const auto file = view.get();
            for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file + suffix, ignored);
        } catch (...) {
        }
    }
    views_.clear();
    trees_.clear();
    views_version_ = version;
}

std::string ServedOrg::build_view(const Caller& caller, long long version) {
    ViewRules rules;
    rules.scope = caller.scope;
    rules.personal_fields = role_may(caller.role, Action::see_personal_fields);
    if (!rules.personal_fields && role_may(caller.role, Action::see_group_costs))
        rules.cost_group_min = static_cast<int>(setting("serve.cost_group_min"));
    int n;
    {
        const std::lock_guard lock(views_mutex_);
        n = next_view_++;
    }
    const auto file = fmt::format("{}/view-{}-{}.db", dir_, version, n);
    write_org_view(path_, file, rules);
    return file;
}

std::string ServedOrg::answer_db(const Caller& caller, long long version) {
    const auto key = view_key(caller);
    if (key.empty()) return path_;
    // One request builds a view; the others wait for the same file.
    return once_per_key(views_mutex_, views_, key, [&] { forget_older_than(version); },
                        [&] { return build_view(caller, version); });
}

std::shared_ptr<const OrgTree> ServedOrg::tree(const Caller& caller, long long version) {
    const auto db_file = answer_db(caller, version);
    return once_per_key(views_mutex_, trees_, db_file, [&] { forget_older_than(version); }, [&] {
        Database db(db_file, Database::Open::read);
        const ReadTransaction snapshot(db);
        return std::make_shared<const OrgTree>(load_org(db, PersonDetail::full));
    });
}

} // namespace orgplan::cli::serve
