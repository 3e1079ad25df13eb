#include "orgplan/settings.hpp"

#include <SQLiteCpp/Statement.h>

#include "orgplan/error.hpp"
#include "orgplan/text.hpp"

namespace orgplan {

const std::vector<SettingSpec>& setting_specs() {
    static const std::vector<SettingSpec> specs = {
        {"ratio.threshold", 10, "makers per PM above which a team, product or PM is overloaded"},
        {"ratio.max_spread", 3, "teams or products one PM may cover before the PM is spread too thin"},
        {"coaching.novice_years", 2, "PMs with fewer years of PM experience are novices"},
        {"coaching.novice_hours", 1, "weekly coaching hours one novice PM needs"},
        {"coaching.leader_hours", 5, "weekly coaching capacity of a product leader"},
        {"coaching.senior_years", 5, "PMs with at least this many years can mentor"},
        {"coaching.senior_hours", 2, "weekly mentoring capacity of a senior PM"},
        {"plan.attrition_pm", 0.12, "yearly attrition of PMs (0.12 = 12%)"},
        {"plan.attrition_maker", 0.10, "yearly attrition of makers"},
        {"plan.maker_growth", 0.0, "quarterly growth of maker FTE (0.05 = 5%)"},
        {"plan.hire_delay_probability", 0.25, "chance, each quarter, that a hire slips one more quarter (simulation)"},
        {"hire.lead_senior", 1, "quarters to hire a seasoned senior"},
        {"hire.lead_transfer", 0, "quarters to move an internal transfer"},
        {"hire.lead_newcomer", 1, "quarters to hire a newcomer"},
        {"hire.ramp_senior", 1, "quarters until a new senior counts as a full PM"},
        {"hire.ramp_transfer", 2, "quarters until a transfer counts as a full PM"},
        {"hire.ramp_newcomer", 3, "quarters until a newcomer counts as a full PM"},
        {"hire.ramp_factor", 0.5, "share of a PM that a ramping hire counts as"},
        {"hire.cost_senior", 1.0, "relative cost of a seasoned senior"},
        {"hire.cost_transfer", 0.8, "relative cost of an internal transfer"},
        {"hire.cost_newcomer", 0.6, "relative cost of a newcomer"},
    };
    return specs;
}

namespace {
const SettingSpec* find_spec(const std::string& key) {
    for (const auto& s : setting_specs())
        if (s.key == key) return &s;
    return nullptr;
}
const SettingSpec& require_spec(const std::string& key) {
    if (const auto* s = find_spec(key)) return *s;
    throw Error("unknown setting '" + key + "'; 'orgplan config list' shows the known ones");
}
} // namespace

Settings::Settings() {
    for (const auto& s : setting_specs()) values_[s.key] = s.default_value;
}

Settings Settings::load(SQLite::Database& db) {
    Settings settings;
    SQLite::Statement q(db, "SELECT key, value FROM setting");
    while (q.executeStep()) {
        const std::string key = q.getColumn(0).getString();
        if (!find_spec(key)) continue; // written by a newer orgplan; ignore rather than fail
        if (auto v = text::parse_number(q.getColumn(1).getString())) settings.set(key, *v);
    }
    return settings;
}

double Settings::get(const std::string& key) const {
    require_spec(key);
    return values_.at(key);
}

void Settings::set(const std::string& key, double value) {
    require_spec(key);
    values_[key] = value;
}

void Settings::store(SQLite::Database& db, const std::string& key, const std::string& value) {
    require_spec(key);
    const auto number = text::parse_number(value);
    if (!number || *number < 0)
        throw Error("setting '" + key + "': '" + value + "' is not a non-negative number");
    SQLite::Statement q(db, "INSERT INTO setting(key, value) VALUES(?, ?) "
                            "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    q.bind(1, key);
    q.bind(2, value);
    q.exec();
}

void Settings::remove(SQLite::Database& db, const std::string& key) {
    require_spec(key);
    SQLite::Statement q(db, "DELETE FROM setting WHERE key = ?");
    q.bind(1, key);
    q.exec();
}

} // namespace orgplan
