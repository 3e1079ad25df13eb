// Signed-in browsers: sessions held by the server (a cookie carries only a random id), their CSRF tokens, the
// one-time sign-in link printed at start, and the brake on repeated failed sign-ins.
#pragma once

#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace orgplan::cli::serve {

using Clock = std::chrono::steady_clock;

/// A signed-in browser.
struct Session {
    std::string id;   ///< the cookie's value: 256 random bits
    std::string csrf; ///< what every state-changing request of this session must send back
    std::string user; ///< a user of the org; for the owner, the OS user who started the server
    bool owner = false; ///< signed in through the start link: an admin who is not in the users table
    Clock::time_point expires;
};

/// Thread-safe.
class Sessions {
public:
    explicit Sessions(std::chrono::seconds lifetime) : lifetime_(lifetime) {}
    Session start(const std::string& user, bool owner);
    /// The live session with this id (an expired one is ended).
    std::optional<Session> find(const std::string& id);
    void end(const std::string& id);

    /// A token for the start link; it signs in once, within `valid`.
    std::string one_time_token(std::chrono::seconds valid);
    /// Whether `token` is the start link's token, still unused and in time; it is used up either way.
    bool redeem(const std::string& token);

private:
    std::mutex mutex_;
    std::chrono::seconds lifetime_;
    std::map<std::string, Session> sessions_;
    std::map<std::string, Clock::time_point> one_time_;
};

/// Five failed sign-ins for a name or from an address within a minute hold further tries for that name or address
/// until the minute has passed. Thread-safe.
class SignInBrake {
public:
    /// Seconds the caller must wait before trying `name` from `address` again; 0 when they may try now.
    long wait_seconds(const std::string& name, const std::string& address);
    void failed(const std::string& name, const std::string& address);

private:
    long wait_for(std::deque<Clock::time_point>& failures, Clock::time_point now);
    std::mutex mutex_;
    std::map<std::string, std::deque<Clock::time_point>> by_name_, by_address_;
};

} // namespace orgplan::cli::serve
