// The server's HTML: one layout, and each page made from one answer (the same Output the JSON twin is made from).
// Every text from the data goes through html_escape; pages load only /static/app.css and /static/app.js.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "answer_routes.hpp"
#include "answers.hpp"
#include "served_org.hpp"

namespace orgplan::cli::serve {

using Query = std::multimap<std::string, std::string>;

/// `text` as one part of a URL: every byte but letters, digits and -_.~ percent-encoded.
std::string url_encode(const std::string& text);
/// The query string of `params` (already given to a route), with `format` added when not empty.
std::string query_string(const Query& params, const std::string& format = "");

/// A page's start (the menu, who is signed in with sign-out, up to its main part) and its end.
std::string page_top(const std::string& title, const std::string& active, const Caller& caller);
std::string page_bottom();
/// A whole page: page_top, `body`, page_bottom.
std::string layout(const std::string& title, const std::string& active, const std::string& body, const Caller& caller);
/// The sign-in form, with `message` above it when not empty.
std::string sign_in_page(const std::string& message);
/// A read command's page is answer_page_top, the answer's rendered fragment (when it has an answer), then
/// answer_page_bottom: its options as a form, links to its JSON, CSV and XLSX twins, the answer or its error.
std::string answer_page_top(const AnswerRoute& route, const std::vector<std::string>& words, const Query& params,
                            const Answer& answer);
std::string answer_page_bottom(const Answer& answer);
/// The overview's main part, the same for everyone reading the same view: the org's ratio, PM and maker FTE and
/// uncovered teams (ratios --by org), findings by severity and the first of them (diagnose), the data gaps (check)
/// and the trend.
std::string overview_body(const nlohmann::json& org, const nlohmann::json& diagnose, const nlohmann::json& check,
                          const Answer& trend);
/// The interactive org chart; its data comes from /api/v1/chart and /api/v1/people.
std::string chart_page(const Caller& caller, double threshold);

} // namespace orgplan::cli::serve
