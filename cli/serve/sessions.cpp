#include "sessions.hpp"

#include "orgplan/access/secrets.hpp"

namespace orgplan::cli::serve {
namespace {

constexpr std::size_t kFailuresAllowed = 5;
constexpr auto kWindow = std::chrono::seconds(60);

} // namespace

Session Sessions::start(const std::string& user, bool owner) {
    Session s{random_hex(32), random_hex(32), user, owner, Clock::now() + lifetime_};
    const std::lock_guard lock(mutex_);
    sessions_[s.id] = s;
    return s;
}

std::optional<Session> Sessions::find(const std::string& id) {
    const std::lock_guard lock(mutex_);
    const auto it = sessions_.find(id);
    if (it == sessions_.end()) return std::nullopt;
    if (it->second.expires <= Clock::now()) {
        sessions_.erase(it);
        return std::nullopt;
    }
    return it->second;
}

void Sessions::end(const std::string& id) {
    const std::lock_guard lock(mutex_);
    sessions_.erase(id);
}

std::string Sessions::one_time_token(std::chrono::seconds valid) {
    auto token = random_hex(32);
    const std::lock_guard lock(mutex_);
    one_time_[token] = Clock::now() + valid;
    return token;
}

bool Sessions::redeem(const std::string& token) {
    const std::lock_guard lock(mutex_);
    for (const auto& [known, until] : one_time_) {
        if (!constant_time_equal(known, token)) continue;
        const bool in_time = until > Clock::now();
        one_time_.erase(known);
        return in_time;
    }
    return false;
}

long SignInBrake::wait_for(std::deque<Clock::time_point>& failures, Clock::time_point now) {
    while (!failures.empty() && failures.front() + kWindow <= now) failures.pop_front();
    if (failures.size() < kFailuresAllowed) return 0;
    return std::chrono::duration_cast<std::chrono::seconds>(failures.front() + kWindow - now).count() + 1;
}

long SignInBrake::wait_seconds(const std::string& name, const std::string& address) {
    const std::lock_guard lock(mutex_);
    const auto now = Clock::now();
    return std::max(wait_for(by_name_[name], now), wait_for(by_address_[address], now));
}

void SignInBrake::failed(const std::string& name, const std::string& address) {
    const std::lock_guard lock(mutex_);
    const auto now = Clock::now();
    // Names tried are unbounded (anyone can send any); forget the ones whose minute has passed.
    if (by_name_.size() > 10000 || by_address_.size() > 10000)
        for (auto* map : {&by_name_, &by_address_})
            for (auto it = map->begin(); it != map->end();)
                it = wait_for(it->second, now) == 0 && it->second.empty() ? map->erase(it) : std::next(it);
    by_name_[name].push_back(now);
    by_address_[address].push_back(now);
}

} // namespace orgplan::cli::serve
