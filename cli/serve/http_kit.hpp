// What every route of the server shares: the caller of the request on this thread, refusals with their HTTP
// status, JSON answers, and the one way to register a state-changing route (so none skips the CSRF check).
#pragma once

#include <optional>
#include <string>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "served_org.hpp"
#include "orgplan/base/error.hpp"

namespace orgplan::cli::serve {

/// A refusal with the HTTP status that fits; the server turns it into a JSON error or a page. `details` go into
/// the JSON error beside the message (a 409's current version and what changed since).
struct HttpError : Error {
    HttpError(int status, const std::string& message, nlohmann::json details = nullptr)
        : Error(message), status(status), details(std::move(details)) {}
    int status;
    nlohmann::json details;
};

/// The authenticated caller of the request this thread serves (set before routing; empty for public routes).
std::optional<Caller>& current_caller();

/// The caller, or a 403 naming what their role lacks.
const Caller& require(Action action, const char* what);

bool is_api(const httplib::Request& request);
void send_json(httplib::Response& response, const nlohmann::json& body, int status = 200);
/// A JSON error for the API and JSON clients, else a small page saying it.
void send_error(const httplib::Request& request, httplib::Response& response, int status, const std::string& message,
                const nlohmann::json& details = nullptr);

/// The request body as a JSON object, or a 400 saying what to send (`example`); a body over the limit is a 413.
nlohmann::json json_body(const httplib::Request& request, const char* example);
/// The limit json_body() holds bodies to (the server's --max-body); set once at start.
void set_json_body_limit(std::size_t bytes);

/// Registers a state-changing route (POST, PATCH or DELETE). A cookie session must send its CSRF token back
/// (X-CSRF-Token header or csrf form field); bearer tokens carry no ambient authority and need none.
void on_change(httplib::Server& http, const std::string& method, const std::string& pattern,
               httplib::Server::Handler handler);

/// The value of If-Match without quotes or a weak prefix, or empty when the request has none.
std::string if_match(const httplib::Request& request);

} // namespace orgplan::cli::serve
