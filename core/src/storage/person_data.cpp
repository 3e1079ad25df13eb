#include "orgplan/storage/person_data.hpp"

#include <algorithm>
#include <cstring>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "orgplan/base/error.hpp"
#include "orgplan/model/org_json.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/storage/scenario_base.hpp"
#include "orgplan/storage/scenario_store.hpp"
#include "statements.hpp"

namespace orgplan {
namespace {

// The person's own rows of an org (their record, memberships, assignments) as the org's JSON shape has them.
nlohmann::json rows_of(const Org& org, const std::string& id) {
    Org mine;
    for (const auto& p : org.people)
        if (p.id == id) mine.people.push_back(p);
    for (const auto& m : org.memberships)
        if (m.person_id == id) mine.memberships.push_back(m);
    for (const auto& a : org.assignments)
        if (a.pm_id == id) mine.assignments.push_back(a);
    if (mine.people.empty()) return nullptr;
    const auto j = to_json(mine);
    return {{"person", j.at("people").at(0)}, {"memberships", j.at("memberships")}, {"assignments", j.at("assignments")}};
}

// Where `id` appears in a change as a word ("move PM E0020 to team t1", "E0020=0.5"), or npos.
std::size_t word_at(const std::string& change, const std::string& id, std::size_t from = 0) {
    const auto apart = [](char c) { return std::strchr(" =:,;()\"", c) != nullptr; };
    for (auto at = change.find(id, from); at != std::string::npos; at = change.find(id, at + 1)) {
        const bool start = at == 0 || apart(change[at - 1]);
        const bool end = at + id.size() == change.size() || apart(change[at + id.size()]);
        if (start && end) return at;
    }
    return std::string::npos;
}

bool names(const std::string& change, const std::string& id) { return word_at(change, id) != std::string::npos; }

std::vector<std::string> scenario_names(Database& db) {
    std::vector<std::string> out;
    for (const auto& info : list_scenarios(db)) out.push_back(info.name);
    return out;
}

// The base a scenario stored whole (before bases were kept copy-on-write) keeps as JSON; null for others.
nlohmann::json base_of(Database& db, const std::string& name) {
    const auto base = select_row(db, "SELECT base_json FROM scenario WHERE name = ?1 AND base_json IS NOT NULL",
                                 [](const Row& r) { return r.text(0); }, name);
    return base ? nlohmann::json::parse(*base) : nlohmann::json(nullptr);
}

// Removes the person from an org (their reports move up to their manager), with the interrupts they asked for or
// that hit them and their task force seats. True when anything of theirs was there.
bool remove_from(Org& org, const std::string& id) {
    const auto erase_if = [](auto& items, auto&& theirs) {
        const auto before = items.size();
        items.erase(std::remove_if(items.begin(), items.end(), theirs), items.end());
        return items.size() != before;
    };
    bool found = erase_if(org.interrupts, [&](const Interrupt& i) { return i.requester_id == id || i.pm_id == id; });
    for (auto& t : org.task_forces)
        found |= erase_if(t.seats, [&](const TaskForceSeat& s) { return s.person_id == id; });
    auto& people = org.people;
    const auto it = std::find_if(people.begin(), people.end(), [&](const Person& p) { return p.id == id; });
    if (it == people.end()) return found;
    const auto manager = it->manager_id;
    people.erase(it);
    for (auto& p : people)
        if (p.manager_id == id) p.manager_id = manager;
    erase_if(org.memberships, [&](const Membership& m) { return m.person_id == id; });
    erase_if(org.assignments, [&](const Assignment& a) { return a.pm_id == id; });
    return true;
}

// The steps' texts and options, to tell whether an erasure touched them.
std::string steps_text(const Scenario& s) {
    std::string out;
    for (const auto& step : s.steps) out += step.text + '\n' + step.options.dump() + '\n';
    return out;
}

// `id` replaced in `text` wherever it is a word.
void erase_word(std::string& text, const std::string& id) {
    static const std::string erased = "(erased)";
    for (auto at = word_at(text, id); at != std::string::npos; at = word_at(text, id, at + erased.size()))
        text.replace(at, id.size(), erased);
}

// Removes the person from a scenario's org, its changes and its steps (their text and options).
bool remove_from(Scenario& s, const std::string& id) {
    const bool removed = remove_from(s.org, id);
    for (auto& change : s.changes) erase_word(change, id);
    for (auto& step : s.steps) {
        erase_word(step.text, id);
        if (step.options.is_object())
            for (auto& [key, value] : step.options.items()) {
                if (!value.is_string()) continue;
                auto text = value.get<std::string>();
                erase_word(text, id);
                value = text;
            }
    }
    return removed;
}

// Rows of a query binding the id as ?1, each as an object of its columns.
nlohmann::json rows_json(Database& db, const std::string& sql, const std::string& id) {
    auto out = nlohmann::json::array();
    SQLite::Statement q(db.sql(), sql);
    q.bind(1, id);
    while (q.executeStep()) {
        nlohmann::json row = nlohmann::json::object();
        for (int c = 0; c < q.getColumnCount(); ++c) {
            const auto column = q.getColumn(c);
            if (column.isNull())
                row[q.getColumnName(c)] = nullptr;
            else if (column.isInteger())
                row[q.getColumnName(c)] = column.getInt64();
            else if (column.isFloat())
                row[q.getColumnName(c)] = column.getDouble();
            else
                row[q.getColumnName(c)] = column.getString();
        }
        out.push_back(std::move(row));
    }
    return out;
}

// A history table's rows of the person, with the dates they were valid from and until (null: still valid).
std::string history_query(const std::string& table, const std::string& column) {
    return "SELECT s1.as_of AS valid_from_date, s2.as_of AS valid_until_date, h.* FROM h_" + table +
           " h JOIN snapshot s1 ON s1.id = h.valid_from LEFT JOIN snapshot s2 ON s2.id = h.valid_to WHERE h." + column +
           " = ?1 ORDER BY h.valid_from";
}

const std::vector<std::pair<std::string, std::string>> kHistoryOfPerson = {
    {"person", "id"}, {"membership", "person_id"}, {"pm_assignment", "pm_id"}};

} // namespace

nlohmann::json export_person(Database& db, const std::string& id) {
    nlohmann::json out{{"id", id}};
    const auto org = load_org(db);
    out["org"] = rows_of(org, id);
    const bool in_org = !out["org"].is_null();
    if (in_org) {
        auto reports = nlohmann::json::array();
        for (const auto& p : org.people)
            if (p.manager_id == id) reports.push_back(p.id);
        out["org"]["direct_reports"] = reports;
        auto mentor_of = nlohmann::json::array(), mentored_by = nlohmann::json::array();
        for_each_row(
            db, "SELECT mentor_id, novice_id, hours FROM mentor_pair WHERE mentor_id = ?1 OR novice_id = ?1 ORDER BY "
                "mentor_id, novice_id",
            [&](const Row& r) {
                const auto mentor = r.text(0), novice = r.text(1);
                const double hours = r.real(2);
                if (mentor == id) mentor_of.push_back({{"novice", novice}, {"hours", hours}});
                if (novice == id) mentored_by.push_back({{"mentor", mentor}, {"hours", hours}});
            },
            id);
        out["org"]["mentoring"] = {{"mentor_of", mentor_of}, {"mentored_by", mentored_by}};
    }
    auto scenarios = nlohmann::json::array();
    for (const auto& name : scenario_names(db)) {
        const auto s = load_scenario(db, name);
        auto rows = rows_of(s.org, id);
        auto changes = nlohmann::json::array();
        for (const auto& step : s.steps)
            if (names(step.text, id) || names(step.options.dump(), id))
                changes.push_back({{"change", step.text}, {"options", step.options}, {"by", step.by}, {"at", step.at}});
        const auto base = load_scenario_base(db, s);
        const auto base_rows = base.org ? rows_of(*base.org, id) : nlohmann::json();
        if (rows.is_null() && changes.empty() && base_rows.is_null()) continue;
        scenarios.push_back({{"scenario", name}, {"records", rows}, {"changes", changes}, {"base_records", base_rows}});
    }
    out["scenarios"] = scenarios;
    auto history = nlohmann::json::object();
    bool in_history = false;
    for (const auto& [table, column] : kHistoryOfPerson) {
        history[table] = rows_json(db, history_query(table, column), id);
        in_history = in_history || !history[table].empty();
    }
    out["snapshots"] = history;
    out["interrupts"] = rows_json(db, "SELECT date, requester_id, pm_id, team_id, product_id, hours, kind, planned "
                                      "FROM interrupt WHERE requester_id = ?1 OR pm_id = ?1 ORDER BY date, key", id);
    out["task_forces"] = rows_json(db, "SELECT s.task_force, t.topic, s.role, s.reason FROM task_force_seat s JOIN "
                                       "task_force t ON t.name = s.task_force WHERE s.person_id = ?1 ORDER BY "
                                       "s.task_force", id);
    if (!in_org && scenarios.empty() && !in_history && out["interrupts"].empty() && out["task_forces"].empty())
        throw Error("no person '" + id + "' in the org or in any scenario; check the id (orgplan spans --by person "
                                         "lists everyone)");
    return out;
}

namespace {

// The person out of every scenario and its base; returns how many scenarios had them.
std::size_t erase_from_scenarios(Database& db, const std::string& id, const std::string& manager) {
    // Scenario bases kept the person's rows as the org had them (the deletion above kept them too): those go first,
    // so each scenario below is compared with a base without them.
    std::size_t scenarios = 0;
    const long long in_bases_up_to = erase_from_bases(db, id, manager);
    for (const auto& name : scenario_names(db)) {
        auto s = load_scenario(db, name);
        const auto before = s.changes;
        const auto steps_before = steps_text(s);
        const bool removed = remove_from(s, id);
        bool touched = removed || s.changes != before || steps_text(s) != steps_before;
        if (touched) save_scenario(db, s);
        if (s.base_id && s.base_id <= in_bases_up_to) touched = true; // its base had them
        if (auto base = base_of(db, name); !base.is_null()) {
            auto base_org = org_from_json(base.at("org"));
            if (remove_from(base_org, id)) {
                base["org"] = to_json(base_org);
                execute(db, "UPDATE scenario SET base_json = ?2 WHERE name = ?1", name, base.dump());
                touched = true;
            }
        }
        if (touched) ++scenarios;
    }
    return scenarios;
}

} // namespace

ErasureSummary erase_person(Database& db, const std::string& id) {
    db.sql().exec("PRAGMA secure_delete = ON");
    ErasureSummary summary;
    auto count = [&](const char* sql) { return *select_row(db, sql, [](const Row& r) { return r.integer(0); }, id); };
    const auto text_of = [](const Row& r) { return r.text(0); };
    summary.in_org = count("SELECT count(*) FROM person WHERE id = ?1") > 0;
    std::string manager;
    if (summary.in_org) {
        manager = select_row(db, "SELECT manager_id FROM person WHERE id = ?1", text_of, id).value_or("");
        summary.memberships = count("SELECT count(*) FROM membership WHERE person_id = ?1");
        summary.assignments = count("SELECT count(*) FROM pm_assignment WHERE pm_id = ?1");
        summary.mentor_pairs = count("SELECT count(*) FROM mentor_pair WHERE mentor_id = ?1 OR novice_id = ?1");
        summary.reports_moved = execute(
            db, "UPDATE person SET manager_id = (SELECT manager_id FROM person WHERE id = ?1) WHERE manager_id = ?1", id);
        execute(db, "DELETE FROM person WHERE id = ?1", id); // memberships, assignments, pairs cascade
        refresh_maker_totals(db);
        db.sql().exec("DELETE FROM title_match WHERE title NOT IN (SELECT title FROM person)");
    }
    // Snapshots: their rows of the person go; reports point at the person's last manager instead.
    long long history_rows = 0;
    {
        const auto up =
            select_row(db, "SELECT manager_id FROM h_person WHERE id = ?1 ORDER BY valid_from DESC LIMIT 1", text_of, id);
        execute(db, "UPDATE h_person SET manager_id = nullif(?2, '') WHERE manager_id = ?1", id, up.value_or(""));
        for (const auto& [table, column] : kHistoryOfPerson)
            history_rows += execute(db, "DELETE FROM h_" + table + " WHERE " + column + " = ?1", id);
    }
    summary.snapshot_rows = history_rows;
    // Interrupt rows are keyed by their content, the person's id included: they go whole.
    for (auto [sql, counter] : {std::pair{"DELETE FROM interrupt WHERE requester_id = ?1 OR pm_id = ?1", &summary.interrupts},
                                std::pair{"DELETE FROM task_force_seat WHERE person_id = ?1", &summary.task_force_seats}}) {
        *counter = execute(db, sql, id);
    }
    summary.scenarios = erase_from_scenarios(db, id, manager);
    if (!summary.in_org && !summary.scenarios && !history_rows && !summary.interrupts && !summary.task_force_seats)
        throw Error("no person '" + id + "' in the org or in any scenario; nothing was erased");
    return summary;
}

} // namespace orgplan
