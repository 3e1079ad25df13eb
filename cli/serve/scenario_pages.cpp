#include "scenario_desk.hpp"

#include <functional>

#include <fmt/format.h>

#include "pages.hpp"
#include "response_body.hpp"
#include "orgplan/model/enums.hpp"
#include "orgplan/output/html_escape.hpp"
#include "orgplan/storage/read_transaction.hpp"
#include "orgplan/storage/scenario_review_store.hpp"
#include "orgplan/storage/scenario_store.hpp"

namespace orgplan::cli::serve {

void ScenarioRoutes::Desk::list_page(const httplib::Request& request, httplib::Response& response) {
    const auto& caller = require(Action::read_answers, "read scenarios");
    std::string body = "<h1>Scenarios</h1><p class=\"twins\">This page as <a href=\"/api/v1/scenarios\">JSON</a></p>";
    if (role_may(caller.role, Action::plan_scenarios))
        body += "<form class=\"options\" id=\"scenario-create\"><label>New scenario <input name=\"name\" required "
                "maxlength=\"100\" placeholder=\"grow-2027\"></label><button "
                "type=\"submit\">Create from the current org</button></form>";
    body += "<p class=\"error\" role=\"alert\" id=\"scenario-error\" hidden></p>";
    Database db(org_.path(), Database::Open::read);
    const ReadTransaction snapshot(db);
    const std::vector<std::pair<std::string, std::function<bool(const ScenarioInfo&, const ScenarioFacts&)>>> parts = {
        {"Mine", [&](const ScenarioInfo& i, const ScenarioFacts&) { return i.owner == caller.name && i.status != ScenarioStatus::merged && i.status != ScenarioStatus::in_review && i.status != ScenarioStatus::approved; }},
        {"Shared with me", [&](const ScenarioInfo& i, const ScenarioFacts& f) { return i.owner != caller.name && i.status != ScenarioStatus::merged && i.status != ScenarioStatus::in_review && i.status != ScenarioStatus::approved && std::any_of(f.shares.begin(), f.shares.end(), [&](const auto& s) { return s.user == caller.name; }); }},
        {"In review", [&](const ScenarioInfo& i, const ScenarioFacts&) { return i.status == ScenarioStatus::in_review; }},
        {"Approved", [&](const ScenarioInfo& i, const ScenarioFacts&) { return i.status == ScenarioStatus::approved; }},
        {"Merged", [&](const ScenarioInfo& i, const ScenarioFacts&) { return i.status == ScenarioStatus::merged; }},
        {"Others", [&](const ScenarioInfo& i, const ScenarioFacts& f) { return i.owner != caller.name && (i.status == ScenarioStatus::draft || i.status == ScenarioStatus::rejected) && std::none_of(f.shares.begin(), f.shares.end(), [&](const auto& s) { return s.user == caller.name; }); }},
    };
    std::vector<std::pair<ScenarioInfo, ScenarioFacts>> visible;
    for (const auto& info : list_scenarios(db)) {
        auto facts = scenario_facts(info, load_scenario_shares(db, info.name), load_reviews(db, info.name));
        if (refusal(facts, caller, ScenarioAct::view).empty()) visible.emplace_back(info, std::move(facts));
    }
    for (const auto& [title, belongs] : parts) {
        std::string rows;
        for (const auto& [info, facts] : visible)
            if (belongs(info, facts))
                rows += fmt::format("<tr><td><a href=\"/scenarios/{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td>"
                                    "<td class=\"num\">{}</td></tr>",
                                    url_encode(info.name), html_escape(info.name), to_string(info.status),
                                    html_escape(info.owner), html_escape(info.created_at), info.changes);
        if (rows.empty() && title == "Others") continue;
        body += "<section><h2>" + html_escape(title) + "</h2>" +
                (rows.empty() ? "<p class=\"none\">None.</p>"
                              : "<table class=\"data\"><thead><tr><th>scenario</th><th>status</th><th>owner</th>"
                                "<th>created</th><th>changes</th></tr></thead><tbody>" + rows + "</tbody></table>") +
                "</section>";
    }
    ResponseBody().add(layout("Scenarios", "scenarios", body, caller)).send(request, response, "text/html; charset=utf-8");
}

// The scenario's page: its state and actions from /api/v1/scenarios/NAME (plan.js draws the tabs: Changes, Impact,
// Board, Review); the page itself carries the scenario's name and version only.
void ScenarioRoutes::Desk::scenario_page(const httplib::Request& request, httplib::Response& response) {
    const auto& caller = require(Action::read_answers, "read scenarios");
    const auto name = httplib::detail::decode_url(request.matches[1].str(), false);
    Database db(org_.path(), Database::Open::read);
    const ReadTransaction snapshot(db);
    allow(db, name, caller, ScenarioAct::view);
    const auto s = load_scenario(db, name);
    const auto impact_answer = impact(caller, name, 8, Format::html);
    std::string body = fmt::format(
        "<h1>Scenario {0}</h1><p class=\"twins\">This scenario as <a href=\"/api/v1/scenarios/{1}\">JSON</a> · its "
        "impact as <a href=\"/api/v1/scenarios/{1}/impact\">JSON</a></p><div id=\"scenario\" data-name=\"{0}\" "
        "data-version=\"{2}\" data-personal=\"{3}\"></div><section id=\"impact\" class=\"tab\" hidden><h2>Impact</h2>"
        "<p>The current org and the scenario as planned (open roles and departures count), side by side.</p>",
        html_escape(name), url_encode(name), s.version, role_may(caller.role, Action::see_personal_fields) ? 1 : 0);
    ResponseBody()
        .add(page_top("Scenario " + name, "scenarios", caller))
        .add(body)
        .add(impact_answer->rendered, impact_answer)
        .add("</section>")
        .add(page_bottom())
        .send(request, response, "text/html; charset=utf-8");
}

} // namespace orgplan::cli::serve
