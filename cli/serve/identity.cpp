#include "identity.hpp"

namespace orgplan::cli::serve {

std::string cookie_value(const httplib::Request& request, const std::string& name) {
    const auto header = request.get_header_value("Cookie");
    std::size_t at = 0;
    while (at < header.size()) {
        while (at < header.size() && (header[at] == ' ' || header[at] == ';')) ++at;
        const auto end = std::min(header.find(';', at), header.size());
        const auto pair = header.substr(at, end - at);
        const auto eq = pair.find('=');
        if (eq != std::string::npos && pair.substr(0, eq) == name) return pair.substr(eq + 1);
        at = end + 1;
    }
    return "";
}

std::optional<Caller> identify(const httplib::Request& request, Sessions& sessions, ServedOrg& org,
                               const std::string& owner) {
    const auto auth = request.get_header_value("Authorization");
    if (auth.rfind("Bearer ", 0) == 0) {
        const auto user = org.user_of_token(auth.substr(7));
        if (!user) return std::nullopt;
        return Caller{user->name, user->role, user->scope, false, "", ""};
    }
    const auto id = cookie_value(request, kSessionCookie);
    if (id.empty()) return std::nullopt;
    const auto session = sessions.find(id);
    if (!session) return std::nullopt;
    if (session->owner) return Caller{owner, Role::admin, "", true, session->csrf, session->id};
    const auto user = org.user(session->user); // as the user is now: removed, or given another role or scope
    if (!user) {
        sessions.end(id);
        return std::nullopt;
    }
    return Caller{user->name, user->role, user->scope, true, session->csrf, session->id};
}

} // namespace orgplan::cli::serve
