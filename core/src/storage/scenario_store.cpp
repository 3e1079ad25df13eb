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

void check_new_name(const std::string& name) {
    check_name(name);
    // Names go into links (/scenarios/NAME) and position ids (SCENARIO:TEAM:open-1).
    if (name.size() > 100 || name.find_first_of("/\\?#%:") != std::string::npos ||
        std::any_of(name.begin(), name.end(), [](unsigned char c) { return c < 0x20; }))
        throw Error("'" + name.substr(0, 100) + "' cannot name a scenario: use at most 100 characters, none of / \\ ? # % :");
}

// A scenario's own numbers over the org's settings; keys this version does not know are left out.
void overlay_settings(Settings& settings, const nlohmann::json& stored) {
    for (const auto& item : stored.items())
        if (std::any_of(setting_specs().begin(), setting_specs().end(),
                        [&](const auto& spec) { return spec.key == item.key(); }))
            settings.set(item.key(), item.value().get<double>());
}

// `saved_as`: the version of steps not saved before.
nlohmann::json steps_json(const Scenario& s, long long saved_as) {
    auto out = nlohmann::json::array();
    for (const auto& step : s.steps)
        out.push_back({{"options", step.options}, {"text", step.text}, {"by", step.by}, {"at", step.at},
                       {"version", step.version ? step.version : saved_as}});
    return out;
}

std::vector<ScenarioStep> steps_from(const std::string& text) {
    std::vector<ScenarioStep> out;
    for (const auto& j : nlohmann::json::parse(text))
        out.push_back({j.value("options", nlohmann::json()), j.value("text", ""), j.value("by", ""), j.value("at", ""),
                       j.value("version", 0LL)});
    return out;
}

ScenarioInfo info_of(SQLite::Statement& q) {
    ScenarioInfo info;
    info.name = q.getColumn(0).getString();
    info.created_at = q.getColumn(1).getString();
    info.changes = static_cast<std::size_t>(q.getColumn(2).getInt64());
    info.owner = q.getColumn(3).getString();
    info.status = parse_scenario_status(q.getColumn(4).getString()).value_or(ScenarioStatus::draft);
    info.version = q.getColumn(5).getInt64();
    return info;
}

constexpr const char* kInfoColumns =
    "name, created_at, coalesce(json_array_length(steps), json_array_length(changes)), owner, status, version";

bool exists(SQLite::Database& db, const std::string& name) {
    SQLite::Statement q(db, "SELECT 1 FROM scenario WHERE name = ?1");
    q.bind(1, name);
    return q.executeStep();
}

} // namespace

void create_scenario(SQLite::Database& db, const std::string& name, const std::string& from, const std::string& owner) {
    check_new_name(name);
    if (exists(db, name)) throw Error("scenario '" + name + "' exists already; delete it first or pick another name");
    auto s = load_scenario(db, from);
    s.name = name;
    const auto org_text = to_json(s.org).dump();
    // The base a merge compares against: the live org as it is now, or the base of the scenario copied. From the
    // live org it is the same text as the scenario's org (keys in nlohmann's sorted order), so it is written once.
    std::string base;
    if (from == kCurrentScenario) {
        base = "{\"org\":" + org_text + ",\"settings\":" + settings_json(s).at("settings").dump() + "}";
    } else {
        SQLite::Statement b(db, "SELECT base_json FROM scenario WHERE name = ?1");
        b.bind(1, from);
        if (b.executeStep() && !b.getColumn(0).isNull()) base = b.getColumn(0).getString();
    }
    SQLite::Statement q(db, "INSERT INTO scenario(name, org_json, settings_json, changes, base_json, owner, steps) "
                            "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    q.bind(1, name);
    q.bind(2, org_text);
    q.bind(3, settings_json(s).dump());
    q.bind(4, nlohmann::json(s.changes).dump());
    if (base.empty())
        q.bind(5);
    else
        q.bind(5, base);
    q.bind(6, owner);
    q.bind(7, steps_json(s, 1).dump());
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
    SQLite::Statement q(db, "SELECT created_at, org_json, settings_json, changes, steps, owner, status, version "
                            "FROM scenario WHERE name = ?1");
    q.bind(1, name);
    if (!q.executeStep()) {
        std::string known;
        for (const auto& info : list_scenarios(db)) known += ", " + info.name;
        throw Error("no scenario named '" + name + "' (known: current" + known + ")");
    }
    s.created_at = q.getColumn(0).getString();
    s.owner = q.getColumn(5).getString();
    s.status = parse_scenario_status(q.getColumn(6).getString()).value_or(ScenarioStatus::draft);
    s.version = q.getColumn(7).getInt64();
    // The org's settings, then the scenario's own numbers over them: text settings (the currency) are the org's.
    s.settings = load_settings(db);
    try {
        s.org = org_from_json(nlohmann::json::parse(q.getColumn(1).getString()));
        const auto extra = nlohmann::json::parse(q.getColumn(2).getString());
        overlay_settings(s.settings, extra.value("settings", nlohmann::json::object()));
        s.mix = extra.value("mix", std::string("balanced"));
        s.changes = nlohmann::json::parse(q.getColumn(3).getString()).get<std::vector<std::string>>();
        // Scenarios from before steps were kept: each change a step of text only.
        if (q.getColumn(4).isNull())
            for (const auto& c : s.changes) s.steps.push_back({nullptr, c, "", "", 1});
        else
            s.steps = steps_from(q.getColumn(4).getString());
    } catch (const nlohmann::json::exception& e) {
        throw Error("scenario '" + name + "' is damaged (" + e.what() + "); delete and recreate it");
    }
    return s;
}

void save_scenario(SQLite::Database& db, Scenario& s) {
    check_name(s.name);
    SQLite::Statement current(db, "SELECT version, status FROM scenario WHERE name = ?1");
    current.bind(1, s.name);
    if (!current.executeStep()) throw Error("no scenario named '" + s.name + "'");
    // The steps this save adds are of the version it makes; what was reviewed is not what the scenario is now.
    const long long version = current.getColumn(0).getInt64() + 1;
    auto status = parse_scenario_status(current.getColumn(1).getString()).value_or(ScenarioStatus::draft);
    if (status == ScenarioStatus::in_review || status == ScenarioStatus::approved) status = ScenarioStatus::draft;
    SQLite::Statement q(db, "UPDATE scenario SET org_json = ?2, settings_json = ?3, changes = ?4, steps = ?5, "
                            "version = ?6, status = ?7 WHERE name = ?1");
    q.bind(1, s.name);
    q.bind(2, to_json(s.org).dump());
    q.bind(3, settings_json(s).dump());
    q.bind(4, nlohmann::json(s.changes).dump());
    q.bind(5, steps_json(s, version).dump());
    q.bind(6, static_cast<int64_t>(version));
    q.bind(7, std::string(to_string(status)));
    q.exec();
    for (auto& step : s.steps)
        if (!step.version) step.version = version;
    s.version = version;
    s.status = status;
}

Scenario load_scenario_start(SQLite::Database& db, const std::string& name) {
    auto s = load_scenario(db, name);
    const auto base = load_scenario_base(db, name);
    if (!base.json)
        throw Error("scenario '" + name + "' was stored before orgplan kept the org it was made from, so it cannot be "
                    "made again without a change; copy what you want into a new scenario instead");
    try {
        const auto doc = nlohmann::json::parse(*base.json);
        s.org = org_from_json(doc.at("org"));
        s.settings = load_settings(db);
        overlay_settings(s.settings, doc.value("settings", nlohmann::json::object()));
    } catch (const nlohmann::json::exception& e) {
        throw Error("scenario '" + name + "' has a damaged base (" + e.what() + ")");
    }
    s.mix = "balanced";
    s.changes.clear();
    s.steps.clear();
    return s;
}

long long set_scenario_status(SQLite::Database& db, const std::string& name, ScenarioStatus status) {
    SQLite::Statement q(db, "UPDATE scenario SET status = ?2, version = version + 1 WHERE name = ?1");
    q.bind(1, name);
    q.bind(2, std::string(to_string(status)));
    if (q.exec() != 1) throw Error("no scenario named '" + name + "'");
    return scenario_info(db, name)->version;
}

std::optional<ScenarioInfo> scenario_info(SQLite::Database& db, const std::string& name) {
    SQLite::Statement q(db, std::string("SELECT ") + kInfoColumns + " FROM scenario WHERE name = ?1");
    q.bind(1, name);
    if (!q.executeStep()) return std::nullopt;
    return info_of(q);
}

void delete_scenario(SQLite::Database& db, const std::string& name) {
    check_name(name);
    SQLite::Statement q(db, "DELETE FROM scenario WHERE name = ?1");
    q.bind(1, name);
    if (q.exec() != 1) throw Error("no scenario named '" + name + "'");
}

std::vector<ScenarioInfo> list_scenarios(SQLite::Database& db) {
    std::vector<ScenarioInfo> out;
    SQLite::Statement q(db, std::string("SELECT ") + kInfoColumns + " FROM scenario ORDER BY name");
    while (q.executeStep()) out.push_back(info_of(q));
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
    SQLite::Statement mark(db, "UPDATE scenario SET merged_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), "
                               "status = 'merged', version = version + 1 WHERE name = ?1");
    mark.bind(1, name);
    mark.exec();
}

} // namespace orgplan
