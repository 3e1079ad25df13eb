// Computing a value once per key while every other request asking for it waits for the same result: the first
// request computes it outside the lock; a failure is handed to those waiting and forgotten, so the next request
// tries again.
#pragma once

#include <future>
#include <map>
#include <mutex>
#include <string>

namespace orgplan::cli::serve {

/// The value of `key` in `futures` (guarded by `mutex`), made by `make()` when nobody has. `under_lock()` runs
/// first with the lock held (to drop what has gone stale).
template <typename T, typename UnderLock, typename Make>
T once_per_key(std::mutex& mutex, std::map<std::string, std::shared_future<T>>& futures, const std::string& key,
               UnderLock under_lock, Make make) {
    std::promise<T> promise;
    std::shared_future<T> value;
    bool mine = false;
    {
        const std::lock_guard lock(mutex);
        under_lock();
        auto it = futures.find(key);
        if (it == futures.end()) {
            it = futures.emplace(key, promise.get_future().share()).first;
            mine = true;
        }
        value = it->second;
    }
    if (mine) {
        try {
            promise.set_value(make());
        } catch (...) {
            promise.set_exception(std::current_exception());
            const std::lock_guard lock(mutex);
            futures.erase(key);
        }
    }
    return value.get();
}

} // namespace orgplan::cli::serve
