#include "scenario_routes.hpp"
#include "scenario_desk.hpp"

#include <cmath>
#include <mutex>
#include <set>

#include <fmt/format.h>

#include "../context.hpp"
#include "http_kit.hpp"
#include "pages.hpp"
#include "redact.hpp"
#include "response_body.hpp"
#include "orgplan/access/scenario_access.hpp"
#include "orgplan/access/scenario_view.hpp"
#include "orgplan/answers/scenario_comparison.hpp"
#include "orgplan/base/text.hpp"
#include "orgplan/model/enums.hpp"
#include "orgplan/model/targets.hpp"
#include "orgplan/planning/scenario_merge.hpp"
#include "orgplan/planning/scenario_steps.hpp"
#include "orgplan/storage/change_log.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/storage/read_transaction.hpp"
#include "orgplan/storage/scenario_review_store.hpp"
#include "orgplan/storage/scenario_store.hpp"
#include "orgplan/storage/write_transaction.hpp"

namespace orgplan::cli::serve {
namespace {

using nlohmann::json;
using Handler = httplib::Server::Handler;

const char* const kName = "/api/v1/scenarios/([^/]+)";

std::string name_in(const httplib::Request& request) {
    return httplib::detail::decode_url(request.matches[1].str(), false);
}

// Fields of a person record only roles that see personal fields may read (in merge conflicts).
const char* const kPersonalFields[] = {"email", "location", "pm_years", "cost", "cost_center", "coaching_hours"};

} // namespace

void ScenarioRoutes::Desk::list(const httplib::Request&, httplib::Response& response) {
    const auto& caller = require(Action::read_answers, "read scenarios");
    Database db(org_.path(), Database::Open::read);
    const ReadTransaction snapshot(db);
    auto out = json::array();
    for (const auto& info : list_scenarios(db)) {
        const auto facts = scenario_facts(info, load_scenario_shares(db, info.name), load_reviews(db, info.name));
        if (!refusal(facts, caller, ScenarioAct::view).empty()) continue;
        const bool shared = std::any_of(facts.shares.begin(), facts.shares.end(), [&](const auto& s) { return s.user == caller.name; });
        out.push_back({{"name", info.name},
                       {"status", to_string(info.status)},
                       {"owner", info.owner},
                       {"created_at", info.created_at},
                       {"changes", info.changes},
                       {"version", info.version},
                       {"mine", info.owner == caller.name},
                       {"shared_with_me", shared},
                       {"may", may_json(facts, caller)}});
    }
    send_json(response, {{"scenarios", out}, {"may_create", role_may(caller.role, Action::plan_scenarios)}});
}

void ScenarioRoutes::Desk::create(const httplib::Request& request, httplib::Response& response) {
    const auto& caller = require(Action::plan_scenarios, "create scenarios");
    const auto body = json_body(request, "{\"name\": \"grow-2027\"}");
    const auto name = body.value("name", std::string());
    const auto from = body.value("from", std::string(kCurrentScenario));
    // A scoped planner's scenario is a copy of the whole org; what they change in it is held to their scope
    // (check_scope) and what they see of it to their view (scenario_view.hpp).
    const auto answer = write(caller, "serve scenario create " + name, [&](Database& db, json& facts) {
        if (from != kCurrentScenario) allow(db, from, caller, ScenarioAct::view);
        try {
            create_scenario(db, name, from, caller.name);
        } catch (const Error& e) {
            throw HttpError(422, e.what());
        }
        facts["scenarios"] = 1;
        const auto s = load_scenario(db, name);
        return scenario_json(db, s, allow(db, name, caller, ScenarioAct::view), caller);
    });
    response.set_header("Location", "/api/v1/scenarios/" + url_encode(name));
    send_scenario(response, answer, 201);
}

void ScenarioRoutes::Desk::show(const httplib::Request& request, httplib::Response& response) {
    const auto& caller = require(Action::read_answers, "read scenarios");
    const auto name = name_in(request);
    Database db(org_.path(), Database::Open::read);
    const ReadTransaction snapshot(db);
    const auto facts = allow(db, name, caller, ScenarioAct::view);
    send_scenario(response, scenario_json(db, load_scenario(db, name), facts, caller));
}

void ScenarioRoutes::Desk::apply(const httplib::Request& request, httplib::Response& response) {
    const auto& caller = require(Action::plan_scenarios, "change scenarios");
    const auto name = name_in(request);
    std::vector<json> steps;
    try {
        steps = split_steps(json_body(request, "{\"move-pm\": \"E0020\", \"to\": \"team:mid-integrations\"}"));
    } catch (const StepFormatError& e) {
        throw HttpError(400, e.what());
    }
    for (const auto& step : steps) check_scope(step, caller);
    const auto answer = write(caller, "serve scenario apply " + name, [&](Database& db, json& facts) {
        const auto access = allow(db, name, caller, ScenarioAct::edit);
        auto s = load_scenario(db, name);
        check_version(request, s);
        const auto before = s.steps.size();
        const auto at = utc_now();
        try {
            for (const auto& step : steps) apply_step(s, step, mix_check(), caller.name, at);
        } catch (const StepFormatError& e) {
            throw HttpError(400, e.what());
        } catch (const Error& e) {
            throw HttpError(422, e.what());
        }
        save_scenario(db, s);
        facts["changes"] = s.steps.size() - before;
        return scenario_json(db, s, access, caller);
    });
    send_scenario(response, answer);
}

void ScenarioRoutes::Desk::undo(const httplib::Request& request, httplib::Response& response) {
    const auto& caller = require(Action::plan_scenarios, "change scenarios");
    const auto name = name_in(request);
    const auto body = json_body(request, "{\"change\": 2}");
    const auto number = body.value("change", json());
    if (!number.is_number_integer() || number.get<long long>() < 1)
        throw HttpError(400, "give the number of the change to undo, e.g. {\"change\": 2}");
    const auto answer = write(caller, "serve scenario undo " + name, [&](Database& db, json& facts) {
        const auto access = allow(db, name, caller, ScenarioAct::edit);
        const auto s = load_scenario(db, name);
        check_version(request, s);
        const auto index = static_cast<std::size_t>(number.get<long long>() - 1);
        if (index < s.steps.size() && !s.steps[index].options.is_null()) check_scope(s.steps[index].options, caller);
        Scenario again;
        try {
            again = without_step(s, load_scenario_start(db, name), index, mix_check());
        } catch (const Error& e) {
            throw HttpError(422, e.what());
        }
        save_scenario(db, again);
        facts["change"] = s.steps[index].text;
        return scenario_json(db, again, access, caller);
    });
    send_scenario(response, answer);
}

// submit, withdraw, approve, reject: the review's steps, each recorded with its comment.
void ScenarioRoutes::Desk::review_action(const httplib::Request& request, httplib::Response& response,
                                 const std::string& action) {
    const auto& caller = require(Action::read_answers, "review scenarios");
    const auto name = name_in(request);
    const auto body = json_body(request, "{\"comment\": \"...\"}");
    const auto comment = body.value("comment", std::string());
    if (action == "reject" && text::trim(comment).empty())
        throw HttpError(400, "a rejection needs a comment saying what to change");
    std::vector<std::string> approvers;
    if (body.contains("approvers")) {
        if (!body["approvers"].is_array()) throw HttpError(400, "approvers: give a list of user names");
        for (const auto& a : body["approvers"]) {
            if (!a.is_string() || !org_.user(a.get<std::string>()))
                throw HttpError(422, "approvers: '" + (a.is_string() ? a.get<std::string>() : a.dump()) +
                                         "' is not a user of this org (orgplan user list)");
            approvers.push_back(a.get<std::string>());
        }
    }
    const auto answer = write(caller, "serve scenario " + action + " " + name, [&](Database& db, json& facts) {
        const auto act = action == "submit" || action == "withdraw" ? ScenarioAct::submit : ScenarioAct::review;
        allow(db, name, caller, act);
        auto s = load_scenario(db, name);
        check_version(request, s);
        if (action == "withdraw" && s.status != ScenarioStatus::in_review)
            throw HttpError(409, "scenario " + name + " is not in review");
        if (action == "submit") {
            if (std::find(approvers.begin(), approvers.end(), s.owner) != approvers.end() ||
                std::find(approvers.begin(), approvers.end(), caller.name) != approvers.end())
                throw HttpError(422, "the author of a scenario cannot approve it: name other approvers");
            if (s.steps.empty()) throw HttpError(422, "scenario " + name + " changes nothing yet; nothing to review");
        }
        const auto status = action == "submit"    ? ScenarioStatus::in_review
                            : action == "approve" ? ScenarioStatus::approved
                            : action == "reject"  ? ScenarioStatus::rejected
                                                  : ScenarioStatus::draft;
        s.version = set_scenario_status(db, name, status);
        s.status = status;
        record_review(db, name, {"", caller.name, action, comment, approvers});
        facts["status"] = to_string(status);
        if (!comment.empty()) facts["comment"] = comment;
        return scenario_json(db, s, allow(db, name, caller, ScenarioAct::view), caller);
    });
    send_scenario(response, answer);
}

void ScenarioRoutes::Desk::share(const httplib::Request& request, httplib::Response& response) {
    const auto& caller = require(Action::read_answers, "share scenarios");
    const auto name = name_in(request);
    const auto body = json_body(request, "{\"user\": \"ann\", \"access\": \"edit\"}");
    const auto user = body.value("user", std::string());
    const auto access = body.value("access", std::string("view"));
    if (access != "view" && access != "edit" && access != "none")
        throw HttpError(400, "access '" + access + "': give view, edit or none");
    if (!org_.user(user)) throw HttpError(422, "'" + user + "' is not a user of this org (orgplan user list)");
    const auto answer = write(caller, "serve scenario share " + name, [&](Database& db, json& facts) {
        if (user == allow(db, name, caller, ScenarioAct::share).owner)
            throw HttpError(422, user + " owns scenario " + name);
        share_scenario(db, name, user, access == "none" ? std::nullopt : std::optional<bool>(access == "edit"));
        facts["user"] = user;
        facts["access"] = access;
        return scenario_json(db, load_scenario(db, name), allow(db, name, caller, ScenarioAct::view), caller);
    });
    send_scenario(response, answer);
}

void ScenarioRoutes::Desk::remove(const httplib::Request& request, httplib::Response& response) {
    const auto& caller = require(Action::read_answers, "delete scenarios");
    const auto name = name_in(request);
    write(caller, "serve scenario delete " + name, [&](Database& db, json& facts) {
        allow(db, name, caller, ScenarioAct::remove);
        delete_scenario(db, name);
        facts["scenarios"] = 1;
        return json();
    });
    send_json(response, {{"deleted", name}});
}

json ScenarioRoutes::Desk::redacted_conflicts(const std::vector<MergeConflict>& conflicts, const Caller& caller) {
    const bool personal = role_may(caller.role, Action::see_personal_fields);
    const auto tree = caller.scope.empty() ? nullptr : org_.tree(caller, org_.version());
    auto out = json::array();
    for (const auto& c : conflicts) {
        json item{{"key", c.key()}, {"kind", c.kind}, {"id", c.id}, {"base", c.base}, {"scenario", c.scenario},
                  {"org", c.org}};
        if (tree && tree->kind_of(c.id).empty()) {
            for (const char* side : {"base", "scenario", "org"}) item[side] = "(outside your part of the org)";
        } else if (!personal && c.kind == "person") {
            for (const char* side : {"base", "scenario", "org"})
                if (item[side].is_object())
                    for (const auto* field : kPersonalFields) item[side].erase(field);
        }
        out.push_back(std::move(item));
    }
    return out;
}

// merge (or with `preview`, what a merge would do, rolled back): conflicts come back as a 409 with each one's base,
// scenario and org record, to choose per conflict ({"choices": {"person E0012": "theirs"}}) or wholesale
// ({"resolve": "theirs"}).
void ScenarioRoutes::Desk::merge(const httplib::Request& request, httplib::Response& response, bool preview) {
    const auto& caller = require(Action::read_answers, "merge scenarios");
    const auto name = name_in(request);
    const auto body = preview ? json::object() : json_body(request, "{\"resolve\": \"theirs\"}");
    const auto side = [](const std::string& text) {
        if (text == "theirs" || text == "scenario") return MergeResolve::theirs;
        if (text == "ours" || text == "org") return MergeResolve::ours;
        throw HttpError(400, "'" + text + "': choose theirs (the scenario wins) or ours (the org stays)");
    };
    const auto resolve = body.contains("resolve") ? side(body.value("resolve", "")) : MergeResolve::refuse;
    MergeChoices choices;
    const auto chosen = body.value("choices", json::object()); // kept: items() only refers to it
    if (!chosen.is_object()) throw HttpError(400, "choices: give an object, e.g. {\"person E0012\": \"theirs\"}");
    for (const auto& [key, value] : chosen.items())
        choices[key] = side(value.is_string() ? value.get<std::string>() : value.dump());
    const bool removals = body.value("allow_removals", false);
    Database db(org_.path(), Database::Open::write);
    WriteTransaction tx(db);
    // A preview holds the write lock while it merges and rolls back: only for those who change, review or merge.
    const auto facts = allow(db, name, caller, preview ? ScenarioAct::view : ScenarioAct::merge);
    if (preview && !refusal(facts, caller, ScenarioAct::edit).empty() &&
        !refusal(facts, caller, ScenarioAct::review).empty() && !refusal(facts, caller, ScenarioAct::merge).empty())
        throw HttpError(403, caller.name + " may open scenario " + name + " but not merge, review or change it");
    const auto s = load_scenario(db, name);
    if (!preview) check_version(request, s);
    MergeSummary m;
    try {
        m = merge_scenario(db, name, resolve, removals || preview, choices);
    } catch (const MergeConflicts& e) {
        const auto conflicts = redacted_conflicts(e.conflicts(), caller);
        if (preview) {
            send_json(response, {{"scenario", name}, {"conflicts", conflicts}, {"version", s.version}});
            return;
        }
        throw HttpError(409, e.what(), {{"conflicts", conflicts}, {"version", s.version}});
    } catch (const MergeRemovesPeople& e) {
        throw HttpError(409, std::string(e.what()) + " (send \"allow_removals\": true)");
    } catch (const Error& e) {
        throw HttpError(422, e.what());
    }
    const auto people = [](const std::vector<MergedPerson>& list) {
        auto out = json::array();
        for (const auto& p : list) out.push_back({{"id", p.id}, {"name", p.name}});
        return out;
    };
    json summary{{"scenario", name},
                 {"conflicts", json::array()},
                 {"written", m.written},
                 {"removed", m.removed},
                 {"settings", m.settings},
                 {"conflicts_resolved", m.conflicts},
                 {"people_added", people(m.people_added)},
                 {"people_removed", people(m.people_removed)},
                 {"people_moved", people(m.people_moved)},
                 {"positions_planned", m.positions_planned},
                 {"version", s.version}};
    if (preview) {
        send_json(response, summary); // rolled back with `tx`
        return;
    }
    record_review(db, name, {"", caller.name, "merge", "", {}});
    record_change(db, "serve scenario merge " + name,
                  {{"written", m.written}, {"removed", m.removed}, {"conflicts", m.conflicts}, {"settings", m.settings}},
                  caller.name);
    tx.commit();
    summary["merged"] = true;
    send_json(response, summary);
}

// The current org (as the caller sees it) and the scenario side by side, as `scenario diff current NAME` answers.
std::shared_ptr<const Answer> ScenarioRoutes::Desk::impact(const Caller& caller, const std::string& name, int quarters,
                                                   Format format) {
    const auto version = org_.version();
    const auto view_db = org_.answer_db(caller, version);
    const bool costs = role_may(caller.role, Action::see_group_costs);
    {
        // Asked for every caller: the answer kept below is shared by everyone with the same view.
        Database db(org_.path(), Database::Open::read);
        const ReadTransaction snapshot(db);
        allow(db, name, caller, ScenarioAct::view);
    }
    const auto key = fmt::format("impact\n{}\n{}\n{}\n{}\n{}", name, view_db, quarters, costs, static_cast<int>(format));
    return answers_.made(key, version, [&] {
        Database db(org_.path(), Database::Open::read);
        const ReadTransaction snapshot(db);
        auto [current, scenario] = load_scenario_pair(db, kCurrentScenario, name);
        as_seen(view_db, current.org, scenario.org);
        auto output = scenario_comparison(current, scenario, host(), quarters, costs);
        if (!costs) remove_costs(output);
        auto a = std::make_shared<Answer>();
        a->rendered = shared_text(format == Format::json ? to_json(output).dump(2) + "\n" : html_answer(output));
        a->output = std::move(output);
        return a;
    });
}

// The scenario's teams with the PMs covering each and their makers, for the board the page drags PMs on; marks
// what differs from the live org (moved PMs, added teams).
json ScenarioRoutes::Desk::board(const Caller& caller, const std::string& name, const std::string& team) {
    const auto version = org_.version();
    const auto view_db = org_.answer_db(caller, version);
    Database db(org_.path(), Database::Open::read);
    const ReadTransaction snapshot(db);
    allow(db, name, caller, ScenarioAct::view);
    auto live = load_org(db);
    auto org = load_scenario(db, name).org;
    as_seen(view_db, live, org);
    std::map<std::string, const Person*> person;
    for (const auto& p : org.people) person[p.id] = &p;
    if (!team.empty()) {
        // One team's people in the scenario, marked when the scenario moved them there.
        if (!has_target(org, TargetKind::team, team)) throw HttpError(404, "no team '" + team + "' in scenario " + name);
        std::set<std::string> was_there;
        for (const auto& m : live.memberships)
            if (m.team_id == team) was_there.insert(m.person_id);
        auto people = json::array();
        for (const auto& m : org.memberships)
            if (m.team_id == team)
                if (auto it = person.find(m.person_id); it != person.end())
                    people.push_back({{"id", m.person_id}, {"name", it->second->name},
                                      {"family", to_string(it->second->family)}, {"allocation", m.allocation},
                                      {"moved", !was_there.count(m.person_id)}});
        return {{"scenario", name}, {"team", team}, {"people", people}};
    }
    // Team coverage per team and per PM, in the scenario and the org; maker FTE and people per team.
    std::map<std::string, std::vector<std::string>> live_cover, cover, scenario_cover;
    for (const auto& a : live.assignments)
        if (a.kind == TargetKind::team) live_cover[a.pm_id].push_back(a.target_id);
    for (const auto& a : org.assignments)
        if (a.kind == TargetKind::team) {
            cover[a.target_id].push_back(a.pm_id);
            scenario_cover[a.pm_id].push_back(a.target_id);
        }
    std::map<std::string, double> makers;
    std::map<std::string, std::size_t> members;
    for (const auto& m : org.memberships) {
        ++members[m.team_id];
        if (auto it = person.find(m.person_id); it != person.end() && it->second->family == Family::maker)
            makers[m.team_id] += it->second->fte * m.allocation;
    }
    std::set<std::string> live_teams;
    for (const auto& t : live.teams) live_teams.insert(t.id);
    auto teams = json::array();
    for (const auto& t : org.teams) {
        auto pms = json::array();
        for (const auto& pm : cover[t.id])
            pms.push_back({{"id", pm}, {"name", person.count(pm) ? person[pm]->name.str() : pm},
                           {"moved", scenario_cover[pm] != live_cover[pm]}});
        teams.push_back({{"id", t.id}, {"name", t.name}, {"makers", stable(makers[t.id])}, {"people", members[t.id]},
                         {"pms", pms}, {"added", !live_teams.count(t.id)}});
    }
    auto unassigned = json::array();
    for (const auto& p : org.people)
        if (p.family == Family::pm && scenario_cover[p.id].empty())
            unassigned.push_back({{"id", p.id}, {"name", p.name}, {"moved", !live_cover[p.id].empty()}});
    return {{"scenario", name}, {"teams", teams}, {"pms_without_team", unassigned}};
}

void ScenarioRoutes::Desk::add(httplib::Server& http) {
    const auto bind = [this](void (Desk::*method)(const httplib::Request&, httplib::Response&)) -> Handler {
        return [this, method](const httplib::Request& request, httplib::Response& response) { (this->*method)(request, response); };
    };
    http.Get("/api/v1/scenarios", bind(&ScenarioRoutes::Desk::list));
    on_change(http, "POST", "/api/v1/scenarios", bind(&ScenarioRoutes::Desk::create));
    const std::string one = kName;
    http.Get(one, bind(&ScenarioRoutes::Desk::show));
    http.Get(one + "/changes", [this](const httplib::Request& request, httplib::Response& response) {
        const auto& caller = require(Action::read_answers, "read scenarios");
        const auto name = name_in(request);
        Database db(org_.path(), Database::Open::read);
        const ReadTransaction snapshot(db);
        const auto facts = allow(db, name, caller, ScenarioAct::view);
        const auto s = scenario_json(db, load_scenario(db, name), facts, caller);
        send_scenario(response, {{"scenario", name}, {"version", s["version"]}, {"changes", s["changes"]}});
    });
    http.Get(one + "/impact", [this](const httplib::Request& request, httplib::Response& response) {
        const auto& caller = require(Action::read_answers, "read scenarios");
        int quarters = 8;
        if (request.has_param("quarters")) {
            const auto q = parse_number_in(request.get_param_value("quarters"), {1, 40});
            if (!q || *q != std::floor(*q)) throw HttpError(400, "quarters: give a whole number from 1 to 40");
            quarters = static_cast<int>(*q);
        }
        const auto a = impact(caller, name_in(request), quarters, Format::json);
        ResponseBody().add(a->rendered, a).send(request, response, "application/json; charset=utf-8");
    });
    http.Get(one + "/board", [this](const httplib::Request& request, httplib::Response& response) {
        send_json(response, board(require(Action::read_answers, "read scenarios"), name_in(request),
                                  request.get_param_value("team")));
    });
    http.Get(one + "/merge", [this](const httplib::Request& request, httplib::Response& response) {
        merge(request, response, true);
    });
    on_change(http, "POST", one + "/apply", bind(&ScenarioRoutes::Desk::apply));
    on_change(http, "POST", one + "/undo", bind(&ScenarioRoutes::Desk::undo));
    on_change(http, "POST", one + "/share", bind(&ScenarioRoutes::Desk::share));
    on_change(http, "POST", one + "/delete", bind(&ScenarioRoutes::Desk::remove));
    on_change(http, "DELETE", one, bind(&ScenarioRoutes::Desk::remove));
    on_change(http, "POST", one + "/merge", [this](const httplib::Request& request, httplib::Response& response) {
        merge(request, response, false);
    });
    for (const char* action : {"submit", "withdraw", "approve", "reject"})
        on_change(http, "POST", one + "/" + action,
                  [this, action = std::string(action)](const httplib::Request& request, httplib::Response& response) {
                      review_action(request, response, action);
                  });
    http.Get("/scenarios", bind(&ScenarioRoutes::Desk::list_page));
    http.Get("/scenarios/([^/]+)", bind(&ScenarioRoutes::Desk::scenario_page));
}

ScenarioRoutes::ScenarioRoutes(ServedOrg& org, Answers& answers) : desk_(std::make_unique<Desk>(org, answers)) {}
ScenarioRoutes::~ScenarioRoutes() = default;
void ScenarioRoutes::add(httplib::Server& http) { desk_->add(http); }

} // namespace orgplan::cli::serve
