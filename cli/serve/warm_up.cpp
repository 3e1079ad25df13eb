#include "warm_up.hpp"

#include <algorithm>
#include <vector>

namespace orgplan::cli::serve {

WarmUp::WarmUp(std::function<long long()> version, std::chrono::milliseconds period, std::chrono::minutes recent,
               std::size_t most)
    : version_(std::move(version)), period_(period), recent_(recent), most_(most), thread_([this] { run(); }) {}

WarmUp::~WarmUp() {
    {
        const std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void WarmUp::read(const std::string& key, std::function<void()> again) {
    const std::lock_guard lock(mutex_);
    read_[key] = {std::move(again), Clock::now()};
    // Many different questions in an hour are remembered only as far as a round could use them.
    while (read_.size() > 4 * most_) {
        const auto oldest = std::min_element(read_.begin(), read_.end(), [](const auto& a, const auto& b) {
            return a.second.last < b.second.last;
        });
        read_.erase(oldest);
    }
}

std::size_t WarmUp::runs() const {
    const std::lock_guard lock(mutex_);
    return runs_;
}

std::size_t WarmUp::pending() const {
    const std::lock_guard lock(mutex_);
    return pending_;
}

long long WarmUp::warmed_version() const {
    const std::lock_guard lock(mutex_);
    return warmed_version_;
}

void WarmUp::run() {
    long long warmed = -1; // the version whose answers were last computed here; -1: none yet (compute at start)
    std::unique_lock lock(mutex_);
    // The first tick comes a period after the start, when the server has said what to compute at start.
    while (!wake_.wait_for(lock, period_, [this] { return stop_; })) {
        lock.unlock();
        long long now = warmed;
        try {
            now = version_();
        } catch (...) { // the database is briefly unreadable: try at the next tick
        }
        lock.lock();
        if (now != warmed && !stop_) {
            warmed = now;
            // What was read lately, most recent first; older entries are forgotten.
            const auto since = Clock::now() - recent_;
            std::vector<std::pair<Clock::time_point, std::function<void()>>> todo;
            for (auto it = read_.begin(); it != read_.end();) {
                if (it->second.last < since) {
                    it = read_.erase(it);
                    continue;
                }
                todo.emplace_back(it->second.last, it->second.again);
                ++it;
            }
            std::sort(todo.begin(), todo.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
            if (todo.size() > most_) todo.resize(most_);
            pending_ = todo.size();
            for (auto& [when, again] : todo) {
                if (stop_) break;
                lock.unlock();
                try {
                    again();
                } catch (...) { // a failed answer is the reader's to see, when they ask
                }
                lock.lock();
                ++runs_;
                --pending_;
            }
            pending_ = 0;
            if (!stop_) warmed_version_ = now;
        }
    }
}

} // namespace orgplan::cli::serve
