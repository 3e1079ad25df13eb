#include "answers.hpp"

#include "answer_fragment.hpp"
#include "once_per_key.hpp"
#include "redact.hpp"

#include <sstream>


#include "orgplan/base/text.hpp"

namespace orgplan::cli::serve {
namespace {

constexpr std::size_t kMaxCached = 512;

std::string render(const Output& output, Format format) {
    std::ostringstream out;
    output_writer(format)->write(output, out);
    return out.str();
}

std::string format_word(Format format) {
    switch (format) {
    case Format::json: return "json";
    case Format::csv: return "csv";
    case Format::xlsx: return "xlsx";
    case Format::md: return "md";
    case Format::html: return "html";
    default: return "table";
    }
}

} // namespace

Answers::Answers(unsigned parallel, std::size_t max_bytes) : max_bytes_(max_bytes), parallel_(parallel ? parallel : 1) {}

std::shared_ptr<Answer> Answers::compute(const AnswerRoute& route, const Args& args, Format format,
                                         const std::string& db, bool costs) {
    auto answer = std::make_shared<Answer>();
    Args full = args;
    full.insert(full.end(), {"--db", db, "--format", format_word(format)});
    AnswerCapture capture;
    {
        std::unique_lock lock(mutex_);
        slot_free_.wait(lock, [this] { return running_ < parallel_; });
        ++running_;
    }
    try {
        const CaptureAnswers capturing(capture);
        route.run(full);
    } catch (const UsageError& e) {
        answer->status = 400;
        answer->error = e.what();
    } catch (const Error& e) {
        answer->status = 422;
        answer->error = e.what();
    } catch (const std::exception& e) {
        const bool engine = describe_database_failure(e, "").has_value();
        answer->status = engine ? 503 : 500;
        answer->error = engine ? std::string("the org database could not be read: ") + e.what() : e.what();
    }
    {
        const std::lock_guard lock(mutex_);
        --running_;
        ++computed_;
    }
    slot_free_.notify_one();
    answer->messages = std::move(capture.messages);
    if (answer->status == 200) {
        if (capture.output) {
            answer->output = std::move(capture.output);
            if (!costs) remove_costs(*answer->output);
            answer->rendered = shared_text(format == Format::html ? answer_fragment(route.command, *answer->output)
                                                                  : render(*answer->output, format));
        }
        else answer->status = 500, answer->error = route.command + " gave no answer";
    }
    return answer;
}

std::shared_ptr<const Answer> Answers::get(const AnswerRoute& route, const Args& args, Format format,
                                           const std::string& db, bool costs, long long version) {
    const auto key = db + (costs ? "\n$" : "\n-") + format_word(format) + "\n" + route.command + "\n" + text::join(args, "\n");
    return made(key, version, [&] { return compute(route, args, format, db, costs); }); // errors of the command are answers
}

std::shared_ptr<const Answer> Answers::made(const std::string& key, long long version,
                                            const std::function<std::shared_ptr<Answer>()>& make) {
    return once_per_key(
        mutex_, cache_, key,
        [&] {
            if (version != version_) { // anything written makes every answer old
                cache_.clear();
                kept_.clear();
                kept_bytes_ = 0;
                version_ = version;
            }
            if (const auto it = kept_.find(key); it != kept_.end()) it->second.read = ++reads_;
        },
        [&] {
            auto computed = make();
            const std::lock_guard lock(mutex_);
            if (version_ == version && cache_.count(key)) {
                // The Output is held too, about as large as its rendering.
                const auto bytes = 2 * computed->rendered.text.size() + computed->rendered.deflated.data.size();
                kept_[key] = {bytes, ++reads_};
                kept_bytes_ += bytes;
                evict_beyond_limits(key);
            }
            return std::shared_ptr<const Answer>(std::move(computed));
        });
}

Answers::Stats Answers::stats() {
    const std::lock_guard lock(mutex_);
    return {kept_.size(), kept_bytes_, computed_, version_};
}

void Answers::evict_beyond_limits(const std::string& keep) {
    while (kept_bytes_ > max_bytes_ || cache_.size() > kMaxCached) {
        auto oldest = kept_.end();
        for (auto it = kept_.begin(); it != kept_.end(); ++it)
            if (it->first != keep && (oldest == kept_.end() || it->second.read < oldest->second.read)) oldest = it;
        if (oldest == kept_.end()) return; // only the answer just computed, or ones under way
        kept_bytes_ -= oldest->second.bytes;
        cache_.erase(oldest->first); // a request holding it keeps its copy
        kept_.erase(oldest);
    }
}

} // namespace orgplan::cli::serve

