#include "orgplan/storage/scenario_store.hpp"
#include "orgplan/storage/settings_store.hpp"

#include <algorithm>
#include <cstdlib>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "orgplan/model/enums.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/model/org_json.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/base/text.hpp"

namespace orgplan {
namespace {

nlohmann::json settings_json(const Scenario& s) {
    nlohmann::json values = nlohmann::json::object();
    for (const auto& spec : setting_specs()) values[spec.key] = s.settings.get(spec.key);
    return {{"settings", values}, {"mix", s.mix}};
}

void check_name(const std::string& name) {
    if (name.empty() || name == kCurrentScenario)
        throw Error("'" + name + "' cannot name a scenario; 'current' always means the live org");
}

bool exists(SQLite::Database& db, const std::string& name) {
    SQLite::Statement q(db, "SELECT 1 FROM scenario WHERE name = ?1");
    q.bind(1, name);
    return q.executeStep();
}

} // namespace

void create_scenario(SQLite::Database& db, const std::string& name, const std::string& from) {
    check_name(name);
    if (exists(db, name)) throw Error("scenario '" + name + "' exists already; delete it first or pick another name");
    auto s = load_scenario(db, from);
    s.name = name;
    s.changes.clear();
    if (from != kCurrentScenario) s.changes.push_back("copied from scenario " + from);
    // The base a merge compares against: the live org as it is now, or the base of the scenario copied.
    std::string base;
    if (from == kCurrentScenario) {
        base = nlohmann::json{{"org", to_json(s.org)}, {"settings", settings_json(s).at("settings")}}.dump();
    } else {
        SQLite::Statement b(db, "SELECT base_json FROM scenario WHERE name = ?1");
        b.bind(1, from);
        if (b.executeStep() && !b.getColumn(0).isNull()) base = b.getColumn(0).getString();
    }
    SQLite::Statement q(db, "INSERT INTO scenario(name, org_json, settings_json, changes, base_json) "
                            "VALUES(?1, ?2, ?3, ?4, ?5)");
    q.bind(1, name);
    q.bind(2, to_json(s.org).dump());
    q.bind(3, settings_json(s).dump());
    q.bind(4, nlohmann::json(s.changes).dump());
    if (base.empty())
        q.bind(5);
    else
        q.bind(5, base);
    q.exec();
}

Scenario load_scenario(SQLite::Database& db, const std::string& name) {
    Scenario s;
    s.name = name;
    if (name == kCurrentScenario) {
        s.org = load_org(db);
        s.settings = load_settings(db);
        return s;
    }
    SQLite::Statement q(db, "SELECT created_at, org_json, settings_json, changes FROM scenario WHERE name = ?1");
    q.bind(1, name);
    if (!q.executeStep()) {
        std::string known;
        for (const auto& info : list_scenarios(db)) known += ", " + info.name;
        throw Error("no scenario named '" + name + "' (known: current" + known + ")");
    }
    s.created_at = q.getColumn(0).getString();
    // The org's settings, then the scenario's own numbers over them: text settings (the currency) are the org's.
    s.settings = load_settings(db);
    try {
        s.org = org_from_json(nlohmann::json::parse(q.getColumn(1).getString()));
        const auto extra = nlohmann::json::parse(q.getColumn(2).getString());
        const auto stored = extra.value("settings", nlohmann::json::object());
        for (const auto& item : stored.items()) {
            const auto& key = item.key();
            if (std::any_of(setting_specs().begin(), setting_specs().end(), [&](const auto& sp) { return sp.key == key; }))
                s.settings.set(key, item.value().get<double>());
        }
        s.mix = extra.value("mix", std::string("balanced"));
        s.changes = nlohmann::json::parse(q.getColumn(3).getString()).get<std::vector<std::string>>();
    } catch (const nlohmann::json::exception& e) {
        throw Error("scenario '" + name + "' is damaged (" + e.what() + "); delete and recreate it");
    }
    return s;
}

void save_scenario(SQLite::Database& db, const Scenario& s) {
    check_name(s.name);
    SQLite::Statement q(db, "UPDATE scenario SET org_json = ?2, settings_json = ?3, changes = ?4 WHERE name = ?1");
    q.bind(1, s.name);
    q.bind(2, to_json(s.org).dump());
    q.bind(3, settings_json(s).dump());
    q.bind(4, nlohmann::json(s.changes).dump());
    if (q.exec() != 1) throw Error("no scenario named '" + s.name + "'");
}

void delete_scenario(SQLite::Database& db, const std::string& name) {
    check_name(name);
    SQLite::Statement q(db, "DELETE FROM scenario WHERE name = ?1");
    q.bind(1, name);
    if (q.exec() != 1) throw Error("no scenario named '" + name + "'");
}

std::vector<ScenarioInfo> list_scenarios(SQLite::Database& db) {
    std::vector<ScenarioInfo> out;
    SQLite::Statement q(db, "SELECT name, created_at, json_array_length(changes) FROM scenario ORDER BY name");
    while (q.executeStep())
        out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(),
                       static_cast<std::size_t>(q.getColumn(2).getInt64())});
    return out;
}

ScenarioBase load_scenario_base(SQLite::Database& db, const std::string& name) {
    ScenarioBase base;
    SQLite::Statement q(db, "SELECT base_json, merged_at FROM scenario WHERE name = ?1");
    q.bind(1, name);
    if (!q.executeStep()) return base;
    base.found = true;
    if (!q.getColumn(1).isNull()) base.merged_at = q.getColumn(1).getString();
    if (!q.getColumn(0).isNull()) base.json = q.getColumn(0).getString();
    return base;
}

void mark_scenario_merged(SQLite::Database& db, const std::string& name) {
    SQLite::Statement mark(db, "UPDATE scenario SET merged_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE name = ?1");
    mark.bind(1, name);
    mark.exec();
}

} // namespace orgplan
