// Answers of the read commands for the server: the CLI's own command run in this process on the caller's
// database, its Output captured (never printed), kept per database version until anything is written.
#pragma once

#include <condition_variable>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "answer_routes.hpp"
#include "response_body.hpp"

namespace orgplan::cli::serve {

/// What a command answered: its Output, or the error the CLI would have printed and the HTTP status that fits.
struct Answer {
    int status = 200;
    std::optional<Output> output;
    std::string error;
    std::string messages; ///< what the command said beside its answer (plugin warnings)
    /// The answer as its format's writer writes it (JSON, CSV, XLSX), or for html the page's fragment: rendered
    /// and compressed once, so a warm request only sends bytes.
    SharedText rendered;
};

/// Thread-safe.
class Answers {
public:
    /// At most `parallel` commands compute at once; the rendered answers kept take at most `max_bytes`.
    Answers(unsigned parallel, std::size_t max_bytes);
    /// The answer of `route` with `args` on `db`, as it is for `format` (tables read by people name people; JSON,
    /// CSV and XLSX keep ids). Computed once per version, database, format and arguments.
    /// Without `costs`, every sum of money is taken out (redact.hpp).
    std::shared_ptr<const Answer> get(const AnswerRoute& route, const Args& args, Format format, const std::string& db,
                                      bool costs, long long version);
    /// What `make()` gives for `key` (a whole page made of answers), kept and dropped with the answers of `version`.
    std::shared_ptr<const Answer> made(const std::string& key, long long version,
                                       const std::function<std::shared_ptr<Answer>()>& make);

    /// What the cache holds now, and how many answers were computed since the start.
    struct Stats {
        std::size_t kept = 0, kept_bytes = 0, computed = 0;
        long long version = -1;
    };
    Stats stats();

private:
    std::shared_ptr<Answer> compute(const AnswerRoute& route, const Args& args, Format format,
                                          const std::string& db, bool costs);
    std::mutex mutex_;
    long long version_ = -1;
    void evict_beyond_limits(const std::string& keep);
    std::map<std::string, std::shared_future<std::shared_ptr<const Answer>>> cache_;
    // Of the answers computed (not those under way): their size and when they were last read. Past the limits the
    // least recently read go first; the one just computed stays.
    struct Kept {
        std::size_t bytes = 0;
        unsigned long long read = 0;
    };
    std::map<std::string, Kept> kept_;
    unsigned long long reads_ = 0;
    std::size_t computed_ = 0;
    std::size_t kept_bytes_ = 0, max_bytes_;
    // At most `parallel` commands compute at once: more would only share the cores and multiply the memory.
    std::condition_variable slot_free_;
    unsigned running_ = 0, parallel_;
};

} // namespace orgplan::cli::serve
