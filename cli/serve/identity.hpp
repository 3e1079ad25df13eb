// Who sent a request: a session cookie or a bearer token, checked against the users as they are now (a removed
// user or a changed role counts from the next request). Authentication only; what the caller may do is the
// authorizer's question (access/role.hpp).
#pragma once

#include <optional>
#include <string>

#include <httplib.h>

#include "served_org.hpp"
#include "sessions.hpp"

namespace orgplan::cli::serve {

constexpr const char* kSessionCookie = "orgplan_session";

/// The value of cookie `name` in the request, or empty.
std::string cookie_value(const httplib::Request& request, const std::string& name);

/// The caller of `request`, or nothing when it carries no valid session or token. `owner` is the OS user who
/// started the server (signed in by the start link, an admin of the whole org).
std::optional<Caller> identify(const httplib::Request& request, Sessions& sessions, ServedOrg& org,
                               const std::string& owner);

} // namespace orgplan::cli::serve
