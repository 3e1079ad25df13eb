#include "orgplan/storage/change_log.hpp"

#include <cstdlib>

#include <pwd.h>
#include <unistd.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace orgplan {

std::string current_user() {
    if (const passwd* pw = ::getpwuid(::geteuid()); pw && pw->pw_name) return pw->pw_name;
    if (const char* user = std::getenv("USER"); user && *user) return user;
    return "uid " + std::to_string(::geteuid());
}

void record_change(Database& db, const std::string& command, const nlohmann::json& records) {
    record_change(db, command, records, current_user());
}

void record_change(Database& db, const std::string& command, const nlohmann::json& records,
           const std::string& user) {
    SQLite::Statement q(db.sql(), "INSERT INTO change_log(command, user, records) VALUES(?1, ?2, ?3)");
    q.bind(1, command);
    q.bind(2, user);
    q.bind(3, records.dump());
    q.exec();
}

std::vector<ChangeEntry> load_change_log(Database& db, std::size_t limit, const std::string& command) {
    std::vector<ChangeEntry> out;
    SQLite::Statement q(db.sql(), "SELECT id, at, command, user, records FROM change_log WHERE ?2 = '' OR command = ?2 "
                                  "ORDER BY id DESC LIMIT ?1");
    q.bind(1, static_cast<int64_t>(limit));
    q.bind(2, command);
    while (q.executeStep()) {
        ChangeEntry e;
        e.id = q.getColumn(0).getInt64();
        e.at = q.getColumn(1).getString();
        e.command = q.getColumn(2).getString();
        e.user = q.getColumn(3).getString();
        e.records = nlohmann::json::parse(q.getColumn(4).getString(), nullptr, false);
        if (e.records.is_discarded()) e.records = nlohmann::json::object();
        out.push_back(std::move(e));
    }
    return out;
}

} // namespace orgplan
