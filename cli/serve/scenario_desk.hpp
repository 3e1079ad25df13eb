// The scenario routes' state and the steps every one of them shares (who may act, versions, the caller's view of
// a scenario); the API is scenario_routes.cpp, the pages scenario_pages.cpp.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include <fmt/format.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "../context.hpp"
#include "answers.hpp"
#include "http_kit.hpp"
#include "scenario_routes.hpp"
#include "served_org.hpp"
#include "orgplan/access/scenario_access.hpp"
#include "orgplan/access/scenario_view.hpp"
#include "orgplan/model/enums.hpp"
#include "orgplan/model/scenario.hpp"
#include "orgplan/planning/scenario_merge.hpp"
#include "orgplan/planning/scenario_steps.hpp"
#include "orgplan/storage/change_log.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/storage/read_transaction.hpp"
#include "orgplan/storage/scenario_review_store.hpp"
#include "orgplan/storage/scenario_store.hpp"
#include "orgplan/storage/write_transaction.hpp"

namespace orgplan::cli::serve {

using nlohmann::json;

class ScenarioRoutes::Desk {
public:
    Desk(ServedOrg& org, Answers& answers) : org_(org), answers_(answers) {}
    void add(httplib::Server& http);

private:
    // What the caller may do with the scenario `name` in `db`: 404 when they may not see it, 403 naming why not.
    ScenarioFacts allow(Database& db, const std::string& name, const Caller& caller, ScenarioAct act) {
        const auto info = scenario_info(db, name);
        if (!info) throw HttpError(404, "no scenario named '" + name + "'");
        const auto facts = scenario_facts(*info, load_scenario_shares(db, name), load_reviews(db, name));
        const auto why = refusal(facts, caller, act);
        if (!why.empty()) {
            if (!refusal(facts, caller, ScenarioAct::view).empty())
                throw HttpError(404, "no scenario named '" + name + "' that " + caller.name + " may open");
            throw HttpError(403, why);
        }
        return facts;
    }
    std::string refusal(const ScenarioFacts& f, const Caller& caller, ScenarioAct act) {
        return scenario_refusal(f, caller.name, caller.role, act, org_.setting("scenario.require_approval") != 0);
    }
    json may_json(const ScenarioFacts& f, const Caller& caller) {
        json may = json::object();
        for (const auto& [act, key] : std::vector<std::pair<ScenarioAct, const char*>>{
                 {ScenarioAct::edit, "edit"},     {ScenarioAct::share, "share"},   {ScenarioAct::submit, "submit"},
                 {ScenarioAct::review, "review"}, {ScenarioAct::merge, "merge"}, {ScenarioAct::remove, "delete"}})
            may[key] = refusal(f, caller, act).empty();
        return may;
    }
    // A 409 unless If-Match (when given) is the scenario's version: what changed since comes with it.
    void check_version(const httplib::Request& request, const Scenario& s) {
        const auto wanted = if_match(request);
        if (wanted.empty() || wanted == std::to_string(s.version)) return;
        long long seen = 0;
        try {
            seen = std::stoll(wanted);
        } catch (...) {
            throw HttpError(400, "If-Match '" + wanted + "' is not a version of scenario " + s.name);
        }
        auto since = json::array();
        for (std::size_t i = 0; i < s.steps.size(); ++i)
            if (s.steps[i].version > seen) since.push_back(step_json(s, i));
        throw HttpError(409,
                        fmt::format("scenario {} changed since version {} (it is at version {} now): nothing was "
                                    "written; look at what changed and try again",
                                    s.name, seen, s.version),
                        {{"version", s.version}, {"changes_since", since}});
    }
    static json step_json(const Scenario& s, std::size_t i) {
        const auto& step = s.steps[i];
        return {{"number", i + 1},       {"change", step.text},     {"by", step.by},
                {"at", step.at},         {"version", step.version}, {"undoable", !step.options.is_null()},
                {"options", step.options}};
    }
    json scenario_json(Database& db, const Scenario& s, const ScenarioFacts& facts, const Caller& caller) {
        auto changes = json::array();
        for (std::size_t i = 0; i < s.steps.size(); ++i) changes.push_back(step_json(s, i));
        auto shares = json::array();
        for (const auto& sh : facts.shares) shares.push_back({{"user", sh.user}, {"access", sh.edit ? "edit" : "view"}});
        auto review = json::array();
        for (const auto& r : load_reviews(db, s.name))
            review.push_back({{"at", r.at}, {"user", r.user}, {"action", r.action}, {"comment", r.comment},
                              {"approvers", r.approvers}});
        return {{"name", s.name},        {"status", to_string(s.status)}, {"owner", s.owner},
                {"created_at", s.created_at}, {"version", s.version}, {"mix", s.mix},
                {"changes", changes},    {"shares", shares},        {"review", review},
                {"approvers", facts.approvers}, {"may", may_json(facts, caller)}};
    }
    // When the caller's answers come from a view: the live org as their view has it, and the scenario cut to it.
    void as_seen(const std::string& view_db, Org& live, Org& scenario) {
        if (view_db == org_.path()) return;
        Database view(view_db, Database::Open::read);
        const ReadTransaction snapshot(view);
        auto seen = load_org(view);
        scenario = scenario_as_seen(scenario, live, seen);
        live = std::move(seen);
    }
    CheckMix mix_check() {
        return [this](const std::string& mix) { host().get(sdk::PluginKind::hiring_mix, mix); };
    }
    const PluginHost& host() {
        std::call_once(host_once_, [this] { host_ = load_plugins(PluginOptions{}); });
        return *host_;
    }
    // Refuses a step naming someone or a team outside the caller's part of the org.
    void check_scope(const json& step, const Caller& caller) {
        if (caller.scope.empty()) return;
        const auto version = org_.version();
        const auto mine = org_.tree(caller, version);
        const auto all = org_.tree(Caller{"", Role::admin, "", false, "", ""}, version);
        for (const auto& [kind, id] : step_subjects(step))
            if (mine->kind_of(id).empty() && !all->kind_of(id).empty())
                throw HttpError(403, fmt::format("{} {} is outside the part of the org {} plans for (under {})", kind,
                                                 id, caller.name, caller.scope));
    }
    // One write: the scenario's database opened for writing, `work` inside one transaction, then the log entry.
    template <typename Work>
    json write(const Caller& caller, const std::string& command, Work&& work) {
        Database db(org_.path(), Database::Open::write);
        WriteTransaction tx(db);
        json facts = json::object();
        json answer = work(db, facts);
        record_change(db, command, facts, caller.name);
        tx.commit();
        return answer;
    }
    static void send_scenario(httplib::Response& response, const json& body, int status = 200) {
        response.set_header("ETag", "\"" + std::to_string(body.value("version", 0LL)) + "\"");
        send_json(response, body, status);
    }

    void list(const httplib::Request&, httplib::Response& response);
    void create(const httplib::Request& request, httplib::Response& response);
    void show(const httplib::Request& request, httplib::Response& response);
    void apply(const httplib::Request& request, httplib::Response& response);
    void undo(const httplib::Request& request, httplib::Response& response);
    void review_action(const httplib::Request& request, httplib::Response& response, const std::string& action);
    void share(const httplib::Request& request, httplib::Response& response);
    void remove(const httplib::Request& request, httplib::Response& response);
    void merge(const httplib::Request& request, httplib::Response& response, bool preview);
    std::shared_ptr<const Answer> impact(const Caller& caller, const std::string& name, int quarters, Format format);
    json board(const Caller& caller, const std::string& name, const std::string& team);
    void list_page(const httplib::Request& request, httplib::Response& response);
    void scenario_page(const httplib::Request& request, httplib::Response& response);
    json redacted_conflicts(const std::vector<MergeConflict>& conflicts, const Caller& caller);

    ServedOrg& org_;
    Answers& answers_;
    std::once_flag host_once_;
    std::unique_ptr<PluginHost> host_;
};

} // namespace orgplan::cli::serve
