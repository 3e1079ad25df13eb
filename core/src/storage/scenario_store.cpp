#include "orgplan/storage/scenario_store.hpp"
#include "orgplan/storage/settings_store.hpp"

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "orgplan/model/enums.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/model/org_json.hpp"
#include "orgplan/model/org_records.hpp"
#include "orgplan/storage/scenario_base.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/base/text.hpp"
#include "statements.hpp"

namespace orgplan {
namespace {

// The org's settings now, by key, as a scenario or base keeps them.
nlohmann::json settings_values(const Settings& settings) {
    nlohmann::json values = nlohmann::json::object();
    for (const auto& spec : setting_specs()) values[spec.key] = settings.get(spec.key);
    return values;
}

nlohmann::json settings_json(const Scenario& s) { return {{"settings", settings_values(s.settings)}, {"mix", s.mix}}; }

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

ScenarioInfo info_of(const Row& r) {
    ScenarioInfo info;
    info.name = r.text(0);
    info.created_at = r.text(1);
    info.changes = static_cast<std::size_t>(r.integer(2));
    info.owner = r.text(3);
    info.status = parse_scenario_status(r.text(4)).value_or(ScenarioStatus::draft);
    info.version = r.integer(5);
    return info;
}

constexpr const char* kInfoColumns =
    "name, created_at, coalesce(json_array_length(steps), json_array_length(changes)), owner, status, version";

bool exists(Database& db, const std::string& name) { return any_row(db, "SELECT 1 FROM scenario WHERE name = ?1", name); }

// A scenario's row as stored: the org whole (older scenarios) or its base and the changes over it.
struct StoredScenario {
    std::string created_at, org_json, settings_json, changes, owner, status, delta;
    long long version = 0;
    std::optional<std::string> steps;
    std::optional<long long> base_id;
};

StoredScenario stored_scenario_of(const Row& r) {
    StoredScenario s{r.text(0), r.text(1), r.text(2), r.text(3), r.text(5), r.text(6), r.text(9), r.integer(7), {}, {}};
    if (!r.is_null(4)) s.steps = r.text(4);
    if (!r.is_null(8)) s.base_id = r.integer(8);
    return s;
}

} // namespace

namespace {

[[noreturn]] void unknown_scenario(Database& db, const std::string& name) {
    std::string known;
    for (const auto& info : list_scenarios(db)) known += ", " + info.name;
    throw Error("no scenario named '" + name + "' (known: current" + known + ")");
}

// A scenario stored whole (before bases were kept): its org from org_json.
void read_whole(Scenario& s, const std::string& org_json) { s.org = org_from_json(nlohmann::json::parse(org_json)); }

// A scenario over a base: the base's org, then the scenario's changes made again.
void read_changes(Database& db, Scenario& s, long long base_id, const std::string& delta) {
    s.base = std::make_shared<const Org>(load_base_org(db, base_id));
    s.base_id = base_id;
    s.org = *s.base;
    apply_changes(s.org, changes_from_json(nlohmann::json::parse(delta)));
}

} // namespace

void create_scenario(Database& db, const std::string& name, const std::string& from, const std::string& owner) {
    check_new_name(name);
    if (exists(db, name)) throw Error("scenario '" + name + "' exists already; delete it first or pick another name");
    if (from == kCurrentScenario) {
        // Nothing of the org is copied: the base keeps, copy-on-write, what is written to the org from now on.
        const auto values = settings_values(load_settings(db));
        const long long base = open_scenario_base(db, values.dump());
        execute(db,
                "INSERT INTO scenario(name, org_json, settings_json, changes, owner, steps, base_id, delta) VALUES(?1, '', "
                "?2, '[]', ?3, '[]', ?4, '{}')",
                name, nlohmann::json{{"settings", values}, {"mix", "balanced"}}.dump(), owner, static_cast<std::int64_t>(base));
        return;
    }
    if (!exists(db, from)) unknown_scenario(db, from);
    execute(db,
            "INSERT INTO scenario(name, org_json, settings_json, changes, base_json, owner, steps, base_id, delta) SELECT "
            "?1, org_json, settings_json, changes, base_json, ?2, steps, base_id, delta FROM scenario WHERE name = ?3",
            name, owner, from);
}

Scenario load_scenario(Database& db, const std::string& name) {
    Scenario s;
    s.name = name;
    if (name == kCurrentScenario) {
        s.org = load_org(db);
        s.settings = load_settings(db);
        return s;
    }
    const auto row = select_row(db,
                                "SELECT created_at, org_json, settings_json, changes, steps, owner, status, version, "
                                "base_id, delta FROM scenario WHERE name = ?1",
                                stored_scenario_of, name);
    if (!row) unknown_scenario(db, name);
    s.created_at = row->created_at;
    s.owner = row->owner;
    s.status = parse_scenario_status(row->status).value_or(ScenarioStatus::draft);
    s.version = row->version;
    // The org's settings, then the scenario's own numbers over them: text settings (the currency) are the org's.
    s.settings = load_settings(db);
    try {
        if (!row->base_id) read_whole(s, row->org_json);
        else read_changes(db, s, *row->base_id, row->delta);
        const auto extra = nlohmann::json::parse(row->settings_json);
        overlay_settings(s.settings, extra.value("settings", nlohmann::json::object()));
        s.mix = extra.value("mix", std::string("balanced"));
        s.changes = nlohmann::json::parse(row->changes).get<std::vector<std::string>>();
        // Scenarios from before steps were kept: each change a step of text only.
        if (!row->steps)
            for (const auto& c : s.changes) s.steps.push_back({nullptr, c, "", "", 1});
        else
            s.steps = steps_from(*row->steps);
    } catch (const nlohmann::json::exception& e) {
        throw Error("scenario '" + name + "' is damaged (" + e.what() + "); delete and recreate it");
    }
    return s;
}

void save_scenario(Database& db, Scenario& s) {
    check_name(s.name);
    const auto current = select_row(db, "SELECT version, status FROM scenario WHERE name = ?1",
                                    [](const Row& r) { return std::make_pair(r.integer(0), r.text(1)); }, s.name);
    if (!current) throw Error("no scenario named '" + s.name + "'");
    // The steps this save adds are of the version it makes; what was reviewed is not what the scenario is now.
    const long long version = current->first + 1;
    auto status = parse_scenario_status(current->second).value_or(ScenarioStatus::draft);
    if (status == ScenarioStatus::in_review || status == ScenarioStatus::approved) status = ScenarioStatus::draft;
    SQLite::Statement q(db.sql(), "UPDATE scenario SET org_json = ?2, settings_json = ?3, changes = ?4, steps = ?5, "
                                  "version = ?6, status = ?7, delta = ?8 WHERE name = ?1");
    q.bind(1, s.name);
    if (s.base) { // only what differs from the base
        q.bind(2, std::string());
        q.bind(8, changes_json(record_changes(*s.base, s.org)).dump());
    } else {
        q.bind(2, to_json(s.org).dump());
        q.bind(8);
    }
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

std::pair<Scenario, Scenario> load_scenario_pair(Database& db, const std::string& a, const std::string& b) {
    const auto live_of = [&](const Scenario& other) {
        Scenario current;
        current.name = kCurrentScenario;
        current.org = *other.base;
        current.settings = load_settings(db);
        return current;
    };
    const auto shares_live = [&](const Scenario& s) { return s.base && base_is_live(db, s.base_id); };
    if (a == kCurrentScenario && b != kCurrentScenario) {
        auto second = load_scenario(db, b);
        if (shares_live(second)) return {live_of(second), std::move(second)};
        return {load_scenario(db, a), std::move(second)};
    }
    auto first = load_scenario(db, a);
    if (b == kCurrentScenario && shares_live(first)) {
        auto second = live_of(first);
        return {std::move(first), std::move(second)};
    }
    return {std::move(first), load_scenario(db, b)};
}

Scenario load_scenario_start(Database& db, const std::string& name) {
    auto s = load_scenario(db, name);
    const auto base = load_scenario_base(db, s);
    if (!base.org)
        throw Error("scenario '" + name + "' was stored before orgplan kept the org it was made from, so it cannot be "
                    "made again without a change; copy what you want into a new scenario instead");
    s.org = *base.org;
    s.settings = load_settings(db);
    overlay_settings(s.settings, base.settings);
    s.mix = "balanced";
    s.changes.clear();
    s.steps.clear();
    return s;
}

long long set_scenario_status(Database& db, const std::string& name, ScenarioStatus status) {
    if (execute(db, "UPDATE scenario SET status = ?2, version = version + 1 WHERE name = ?1", name,
                std::string(to_string(status))) != 1) throw Error("no scenario named '" + name + "'");
    return scenario_info(db, name)->version;
}

std::optional<ScenarioInfo> scenario_info(Database& db, const std::string& name) {
    return select_row(db, std::string("SELECT ") + kInfoColumns + " FROM scenario WHERE name = ?1", info_of, name);
}

void delete_scenario(Database& db, const std::string& name) {
    check_name(name);
    if (execute(db, "DELETE FROM scenario WHERE name = ?1", name) != 1) throw Error("no scenario named '" + name + "'");
    release_unused_bases(db);
}

std::vector<ScenarioInfo> list_scenarios(Database& db) {
    return select_rows(db, std::string("SELECT ") + kInfoColumns + " FROM scenario ORDER BY name", info_of);
}

ScenarioBase load_scenario_base(Database& db, const Scenario& scenario) {
    ScenarioBase base;
    struct Stored {
        std::optional<std::string> base_json;
        std::string merged_at;
        std::optional<long long> base_id;
    };
    const auto row = select_row(
        db, "SELECT base_json, merged_at, base_id FROM scenario WHERE name = ?1",
        [](const Row& r) {
            Stored s;
            if (!r.is_null(0)) s.base_json = r.text(0);
            s.merged_at = r.text(1);
            if (!r.is_null(2)) s.base_id = r.integer(2);
            return s;
        },
        scenario.name);
    if (!row) return base;
    base.found = true;
    base.merged_at = row->merged_at;
    try {
        if (row->base_id) {
            const long long id = *row->base_id;
            base.org = scenario.base && scenario.base_id == id ? scenario.base
                                                                : std::make_shared<const Org>(load_base_org(db, id));
            base.settings = nlohmann::json::parse(scenario_base_settings(db, id));
        } else if (row->base_json) {
            const auto doc = nlohmann::json::parse(*row->base_json);
            base.org = std::make_shared<const Org>(org_from_json(doc.at("org")));
            base.settings = doc.value("settings", nlohmann::json::object());
        }
    } catch (const nlohmann::json::exception& e) {
        throw Error("scenario '" + scenario.name + "' has a damaged base (" + e.what() + ")");
    }
    return base;
}

void mark_scenario_merged(Database& db, const std::string& name) {
    execute(db, "UPDATE scenario SET merged_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), status = 'merged', version = "
                "version + 1 WHERE name = ?1",
            name);
}

} // namespace orgplan
