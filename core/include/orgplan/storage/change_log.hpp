// The change log: one entry per write to the org database (import, config, apply, save, merge, restore, erase).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "orgplan/storage/database.hpp"

namespace orgplan {

struct ChangeEntry {
    long long id = 0;
    std::string at;      ///< UTC, ISO 8601
    std::string command; ///< "import --replace", "config set ratio.threshold"...
    std::string user;    ///< the OS user who ran it
    nlohmann::json records = nlohmann::json::object(); ///< what changed: kind -> rows, or a few named facts
};

/// Adds an entry inside the caller's write transaction, so the log holds exactly the writes that committed.
void record_change(Database& db, const std::string& command, const nlohmann::json& records);
/// The same, on behalf of `user` (a signed-in user of `orgplan serve`) rather than the OS user.
void record_change(Database& db, const std::string& command, const nlohmann::json& records,
           const std::string& user);

/// The newest `limit` entries, newest first; only those of `command` when one is given.
std::vector<ChangeEntry> load_change_log(Database& db, std::size_t limit, const std::string& command = "");

/// The OS user running orgplan: the login name of the effective user id, else $USER, else the uid.
std::string current_user();

} // namespace orgplan
