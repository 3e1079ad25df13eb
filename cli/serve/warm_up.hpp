// After any write (a CLI import, a setting changed), the answers people were reading are computed again before
// anyone asks, one at a time in the background: the first reader after an import of a large org gets the page at
// once instead of waiting the whole computation (seconds at a million people). At start, the overview is computed
// the same way.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace orgplan::cli::serve {

class WarmUp {
public:
    /// `version()` is asked every `period`; when it changed, what was read in the last `recent` is computed again,
    /// the most recently read first, at most `most` of them.
    WarmUp(std::function<long long()> version, std::chrono::milliseconds period, std::chrono::minutes recent,
           std::size_t most);
    /// Stops the thread, after the computation under way if any.
    ~WarmUp();
    WarmUp(const WarmUp&) = delete;
    WarmUp& operator=(const WarmUp&) = delete;

    /// `key` was just read; `again()` computes it again (the latest given for a key is kept; past 4 x `most` keys,
    /// the least recently read are forgotten). `again` runs on the warm-up thread; what it throws is ignored there
    /// (a failed answer is the reader's to see when they ask).
    void read(const std::string& key, std::function<void()> again);
    /// How many computations the warm-up has run (tests and benchmarks read it).
    std::size_t runs() const;
    /// How many computations of the current round are still to run (0 when idle).
    std::size_t pending() const;
    /// The database version whose round last finished (-1: none yet). A write during a round starts another.
    long long warmed_version() const;

private:
    void run();
    using Clock = std::chrono::steady_clock;
    struct Entry {
        std::function<void()> again;
        Clock::time_point last;
    };
    std::function<long long()> version_;
    std::chrono::milliseconds period_;
    std::chrono::minutes recent_;
    std::size_t most_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::map<std::string, Entry> read_;
    bool stop_ = false;
    std::size_t runs_ = 0, pending_ = 0;
    long long warmed_version_ = -1;
    std::thread thread_; // last: started when everything above is ready
};

} // namespace orgplan::cli::serve
