#include "orgplan/storage/change_log.hpp"

#include <cstdlib>

#include <pwd.h>
#include <unistd.h>

#include <SQLiteCpp/Database.h>
#include "statements.hpp"

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
    execute(db, "INSERT INTO change_log(command, user, records) VALUES(?1, ?2, ?3)", command, user, records.dump());
}

std::vector<ChangeEntry> load_change_log(Database& db, std::size_t limit, const std::string& command) {
    return select_rows(
        db, "SELECT id, at, command, user, records FROM change_log WHERE ?2 = '' OR command = ?2 ORDER BY id DESC LIMIT ?1",
        [](const Row& r) {
            ChangeEntry e;
            e.id = r.integer(0);
            e.at = r.text(1);
            e.command = r.text(2);
            e.user = r.text(3);
            e.records = nlohmann::json::parse(r.text(4), nullptr, false);
            if (e.records.is_discarded()) e.records = nlohmann::json::object();
            return e;
        },
        static_cast<std::int64_t>(limit), command);
}

} // namespace orgplan
