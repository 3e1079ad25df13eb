#include "orgplan/storage/scenario_review_store.hpp"

#include <nlohmann/json.hpp>

#include "statements.hpp"

namespace orgplan {

std::vector<ScenarioShare> load_scenario_shares(Database& db, const std::string& scenario) {
    return select_rows(db, "SELECT user_name, edit FROM scenario_share WHERE scenario = ?1 ORDER BY user_name",
                       [](const Row& r) { return ScenarioShare{r.text(0), r.flag(1)}; }, scenario);
}

void share_scenario(Database& db, const std::string& scenario, const std::string& user,
            std::optional<bool> edit) {
    if (!edit)
        execute(db, "DELETE FROM scenario_share WHERE scenario = ?1 AND user_name = ?2", scenario, user);
    else
        execute(db, "INSERT INTO scenario_share(scenario, user_name, edit) VALUES(?1, ?2, ?3) ON CONFLICT(scenario, "
                    "user_name) DO UPDATE SET edit = excluded.edit",
                scenario, user, *edit ? 1 : 0);
}

void record_review(Database& db, const std::string& scenario, const ReviewEntry& entry) {
    execute(db, "INSERT INTO scenario_review(scenario, user_name, action, comment, approvers) VALUES(?1, ?2, ?3, ?4, ?5)",
            scenario, entry.user, entry.action, entry.comment, nlohmann::json(entry.approvers).dump());
}

std::vector<ReviewEntry> load_reviews(Database& db, const std::string& scenario) {
    return select_rows(
        db, "SELECT at, user_name, action, comment, approvers FROM scenario_review WHERE scenario = ?1 ORDER BY id",
        [](const Row& r) {
            ReviewEntry e{r.text(0), r.text(1), r.text(2), r.text(3), {}};
            const auto approvers = nlohmann::json::parse(r.text(4), nullptr, false);
            if (approvers.is_array())
                for (const auto& a : approvers)
                    if (a.is_string()) e.approvers.push_back(a.get<std::string>());
            return e;
        },
        scenario);
}

} // namespace orgplan
