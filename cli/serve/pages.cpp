#include "pages.hpp"

#include <cctype>

#include <fmt/format.h>

#include "orgplan/output/html_escape.hpp"

namespace orgplan::cli::serve {
std::string url_encode(const std::string& text) {
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') out += static_cast<char>(c);
        else out += fmt::format("%{:02X}", c);
    }
    return out;
}

namespace {

std::string menu(const std::string& active, const Caller& caller) {
    std::string out = "<nav class=\"menu\">";
    const auto item = [&](const std::string& href, const std::string& name, const std::string& id) {
        out += fmt::format("<a href=\"{}\"{}>{}</a>", href, id == active ? " aria-current=\"page\"" : "",
                           html_escape(name));
    };
    item("/", "Overview", "overview");
    item("/chart", "Org chart", "chart");
    for (const auto& r : answer_routes()) item("/" + r.command, r.title, r.command);
    item("/scenarios", "Scenarios", "scenarios");
    if (role_may(caller.role, Action::edit_org)) item("/import", "Import", "import");
    return out + "</nav>";
}

std::string option_form(const AnswerRoute& route, const std::vector<std::string>& words, const Query& params) {
    if (route.options.empty() && route.flags.empty()) return "";
    std::string out = fmt::format("<form class=\"options\" method=\"get\" action=\"/{}{}\">", route.command,
                                  words.empty() ? "" : "/" + url_encode(words[0]));
    for (const auto& o : route.options) {
        const auto it = params.find(o);
        out += fmt::format("<label>{0} <input name=\"{0}\" value=\"{1}\" size=\"10\"></label>", html_escape(o),
                           it == params.end() ? "" : html_escape(it->second));
    }
    for (const auto& f : route.flags)
        out += fmt::format("<label><input type=\"checkbox\" name=\"{0}\" value=\"true\"{1}> {0}</label>",
                           html_escape(f), params.count(f) ? " checked" : "");
    return out + "<button type=\"submit\">Answer</button></form>";
}

std::string card(const std::string& big, const std::string& small, const std::string& cls = "") {
    return fmt::format("<div class=\"card {}\"><div class=\"big\">{}</div><div class=\"small\">{}</div></div>", cls,
                       html_escape(big), html_escape(small));
}

std::string number_text(const nlohmann::json& value, const char* spec) {
    return value.is_number() ? fmt::format(spec, value.get<double>()) : "-";
}

} // namespace

std::string query_string(const Query& params, const std::string& format) {
    std::string out;
    for (const auto& [name, value] : params) {
        if (name == "format") continue;
        out += (out.empty() ? "?" : "&") + url_encode(name) + "=" + url_encode(value);
    }
    if (!format.empty()) out += (out.empty() ? "?" : "&") + std::string("format=") + format;
    return out;
}

std::string page_top(const std::string& title, const std::string& active, const Caller& caller) {
    const auto who = caller.name + " (" + std::string(to_string(caller.role)) +
                     (caller.scope.empty() ? "" : ", the org under " + caller.scope) + ")";
    const auto sign_out =
        caller.cookie ? fmt::format("<form method=\"post\" action=\"/logout\" class=\"signout\"><input type=\"hidden\" "
                                    "name=\"csrf\" value=\"{}\"><button type=\"submit\">Sign out</button></form>",
                                    html_escape(caller.csrf))
                      : "";
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
           "content=\"width=device-width, initial-scale=1\"><title>" +
           html_escape(title) + " · orgplan</title><link rel=\"stylesheet\" href=\"/static/app.css\"></head><body>"
           "<header class=\"top\"><a class=\"brand\" href=\"/\">orgplan</a>" + menu(active, caller) +
           "<span class=\"who\">" + html_escape(who) + "</span>" + sign_out + "</header><main>\n";
}

std::string page_bottom() {
    return "\n</main><script src=\"/static/app.js\"></script><script src=\"/static/plan.js\"></script></body></html>\n";
}

std::string layout(const std::string& title, const std::string& active, const std::string& body, const Caller& caller) {
    return page_top(title, active, caller) + body + page_bottom();
}

std::string sign_in_page(const std::string& message) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
           "content=\"width=device-width, initial-scale=1\"><title>Sign in · orgplan</title><link rel=\"stylesheet\" "
           "href=\"/static/app.css\"></head><body><main class=\"signin\"><h1>orgplan</h1>" +
           (message.empty() ? "" : "<p class=\"error\" role=\"alert\">" + html_escape(message) + "</p>") +
           "<form method=\"post\" action=\"/login\"><label>Name <input name=\"name\" autocomplete=\"username\" "
           "required autofocus></label><label>Password <input type=\"password\" name=\"password\" "
           "autocomplete=\"current-password\" required></label><button type=\"submit\">Sign in</button></form>"
           "</main></body></html>\n";
}

std::string answer_page_top(const AnswerRoute& route, const std::vector<std::string>& words, const Query& params,
                            const Answer& answer) {
    std::string path = "/api/v1/" + route.command;
    for (const auto& w : words) path += "/" + url_encode(w);
    std::string body = "<h1>" + html_escape(answer.output ? answer.output->title : route.title) + "</h1>";
    body += option_form(route, words, params);
    body += fmt::format("<p class=\"twins\">This answer as <a href=\"{0}{1}\">JSON</a> · <a href=\"{0}{2}\" "
                        "download>CSV</a> · <a href=\"{0}{3}\" download>XLSX</a></p>",
                        path, html_escape(query_string(params)), html_escape(query_string(params, "csv")),
                        html_escape(query_string(params, "xlsx")));
    if (!answer.output) return body + "<p class=\"error\" role=\"alert\">" + html_escape(answer.error) + "</p>";
    return body + "<div class=\"answer\" data-command=\"" + html_escape(route.command) + "\">";
}

std::string answer_page_bottom(const Answer& answer) { return answer.output ? "</div>" : ""; }

std::string overview_body(const nlohmann::json& org, const nlohmann::json& diagnose, const nlohmann::json& check,
                          const Answer& trend) {
    std::string body = "<h1>Overview</h1><div class=\"cards\">";
    if (org.is_object() && org.contains("org")) {
        const auto& o = org["org"];
        body += card(number_text(o["ratio"], "{:.1f}:1"), "makers per PM (org)", "status-" + o.value("status", ""));
        body += card(number_text(o["maker_fte"], "{:.1f}"), "maker FTE");
        body += card(number_text(o["pm_fte"], "{:.2f}"), "PM FTE");
        body += card(std::to_string(org.value("teams_without_pm", nlohmann::json::array()).size()), "teams with no PM");
    }
    if (check.is_object()) body += card(std::to_string(check.value("gap_count", 0)), "data gaps (see Data gaps)");
    body += "</div>";
    if (diagnose.is_object() && diagnose.contains("rows")) {
        const auto& counts = diagnose.value("counts", nlohmann::json::object());
        body += fmt::format("<h2>Findings</h2><p><a href=\"/diagnose\">{} errors, {} warnings, {} notes</a></p>",
                            counts.value("error", 0), counts.value("warning", 0), counts.value("info", 0));
        std::size_t shown = 0;
        for (const auto& f : diagnose["rows"]) {
            if (shown++ == 8) break;
            body += fmt::format("<div class=\"finding {}\"><strong>{}</strong> {} <div class=\"evidence\">{}</div>"
                                "<div class=\"todo\">{}</div></div>",
                                html_escape(f.value("severity", "")), html_escape(f.value("check", "")),
                                html_escape(f.value("subject", "")), html_escape(f.value("evidence", "")),
                                html_escape(f.value("recommendation", "")));
        }
    }
    body += "<h2>Trend</h2>";
    body += trend.output ? trend.rendered.text : "<p>" + html_escape(trend.error) + "</p>";
    return body;
}

std::string chart_page(const Caller& caller, double threshold) {
    const std::string body = fmt::format(
        "<h1>Org chart</h1><div class=\"chart-tools\"><label>Find a person <input id=\"chart-search\" type=\"search\" "
        "autocomplete=\"off\" placeholder=\"name or id\"></label><label>Colour by <select id=\"chart-colour\">"
        "<option value=\"family\">family</option><option value=\"ratio\">ratio</option><option "
        "value=\"origin\">origin</option></select></label><a href=\"/api/v1/chart?depth=2\">JSON</a></div>"
        "<ul id=\"chart-results\" class=\"results\"></ul><nav id=\"chart-path\" class=\"breadcrumbs\" "
        "aria-label=\"path\"></nav><div id=\"chart-legend\" class=\"legend\"></div>"
        "<div id=\"chart\" class=\"tree\" data-threshold=\"{}\"></div>",
        threshold);
    return layout("Org chart", "chart", body, caller);
}

} // namespace orgplan::cli::serve
