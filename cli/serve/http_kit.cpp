#include "http_kit.hpp"

#include <atomic>

#include <fmt/format.h>

#include "orgplan/access/secrets.hpp"
#include "orgplan/output/html_escape.hpp"

namespace orgplan::cli::serve {

std::optional<Caller>& current_caller() {
    thread_local std::optional<Caller> caller;
    return caller;
}

const Caller& require(Action action, const char* what) {
    const auto& caller = *current_caller();
    if (!role_may(caller.role, action))
        throw HttpError(403, fmt::format("{} ({}) may not {}", caller.name, to_string(caller.role), what));
    return caller;
}

bool is_api(const httplib::Request& request) { return request.path.rfind("/api/", 0) == 0; }

void send_json(httplib::Response& response, const nlohmann::json& body, int status) {
    response.status = status;
    response.set_content(body.dump(2) + "\n", "application/json; charset=utf-8");
}

void send_error(const httplib::Request& request, httplib::Response& response, int status, const std::string& message,
                const nlohmann::json& details) {
    if (is_api(request) || request.get_header_value("Accept").find("application/json") != std::string::npos) {
        nlohmann::json body{{"error", message}, {"status", status}};
        if (details.is_object()) body.update(details);
        send_json(response, body, status);
        return;
    }
    response.status = status;
    response.set_content("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>orgplan</title>"
                         "<link rel=\"stylesheet\" href=\"/static/app.css\"></head><body><main><h1>" +
                             std::to_string(status) + "</h1><p class=\"error\" role=\"alert\">" +
                             html_escape(message) + "</p><p><a href=\"/\">Back to the overview</a></p></main></body>"
                                                    "</html>\n",
                         "text/html; charset=utf-8");
}

namespace {
std::atomic<std::size_t> json_body_limit{1 << 20};
} // namespace

void set_json_body_limit(std::size_t bytes) { json_body_limit = bytes; }

nlohmann::json json_body(const httplib::Request& request, const char* example) {
    if (request.body.size() > json_body_limit) throw HttpError(413, "the request body is over the limit");
    auto body = request.body.empty() ? nlohmann::json::object() : nlohmann::json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object())
        throw HttpError(400, std::string("the body must be a JSON object, e.g. ") + example);
    return body;
}

void on_change(httplib::Server& http, const std::string& method, const std::string& pattern,
               httplib::Server::Handler handler) {
    auto checked = [handler](const httplib::Request& request, httplib::Response& response) {
        const auto& caller = current_caller();
        if (caller && caller->cookie) {
            auto token = request.get_header_value("X-CSRF-Token");
            if (token.empty()) token = request.get_param_value("csrf");
            if (!constant_time_equal(token, caller->csrf))
                throw HttpError(403, "this change needs the session's CSRF token (X-CSRF-Token header or csrf form "
                                     "field; GET /api/v1/session gives it)");
        }
        handler(request, response);
    };
    if (method == "POST")
        http.Post(pattern, checked);
    else if (method == "PATCH")
        http.Patch(pattern, checked);
    else if (method == "DELETE")
        http.Delete(pattern, checked);
    else
        throw Error("on_change: no such method " + method);
}

std::string if_match(const httplib::Request& request) {
    auto v = request.get_header_value("If-Match");
    if (v.rfind("W/", 0) == 0) v = v.substr(2);
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
    return v;
}

} // namespace orgplan::cli::serve
