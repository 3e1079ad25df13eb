#include "orgplan/storage/scenario_review_store.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <nlohmann/json.hpp>

namespace orgplan {

std::vector<ScenarioShare> load_scenario_shares(Database& db, const std::string& scenario) {
    std::vector<ScenarioShare> out;
    SQLite::Statement q(db.sql(), "SELECT user_name, edit FROM scenario_share WHERE scenario = ?1 ORDER BY user_name");
    q.bind(1, scenario);
    while (q.executeStep()) out.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt() != 0});
    return out;
}

void share_scenario(Database& db, const std::string& scenario, const std::string& user,
            std::optional<bool> edit) {
    if (!edit) {
        SQLite::Statement q(db.sql(), "DELETE FROM scenario_share WHERE scenario = ?1 AND user_name = ?2");
        q.bind(1, scenario);
        q.bind(2, user);
        q.exec();
        return;
    }
    SQLite::Statement q(db.sql(), "INSERT INTO scenario_share(scenario, user_name, edit) VALUES(?1, ?2, ?3) "
                                  "ON CONFLICT(scenario, user_name) DO UPDATE SET edit = excluded.edit");
    q.bind(1, scenario);
    q.bind(2, user);
    q.bind(3, *edit ? 1 : 0);
    q.exec();
}

void record_review(Database& db, const std::string& scenario, const ReviewEntry& entry) {
    SQLite::Statement q(db.sql(), "INSERT INTO scenario_review(scenario, user_name, action, comment, approvers) "
                                  "VALUES(?1, ?2, ?3, ?4, ?5)");
    q.bind(1, scenario);
    q.bind(2, entry.user);
    q.bind(3, entry.action);
    q.bind(4, entry.comment);
    q.bind(5, nlohmann::json(entry.approvers).dump());
    q.exec();
}

std::vector<ReviewEntry> load_reviews(Database& db, const std::string& scenario) {
    std::vector<ReviewEntry> out;
    SQLite::Statement q(db.sql(), "SELECT at, user_name, action, comment, approvers FROM scenario_review "
                                  "WHERE scenario = ?1 ORDER BY id");
    q.bind(1, scenario);
    while (q.executeStep()) {
        ReviewEntry e{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                      q.getColumn(3).getString(), {}};
        const auto approvers = nlohmann::json::parse(q.getColumn(4).getString(), nullptr, false);
        if (approvers.is_array())
            for (const auto& a : approvers)
                if (a.is_string()) e.approvers.push_back(a.get<std::string>());
        out.push_back(std::move(e));
    }
    return out;
}

} // namespace orgplan
