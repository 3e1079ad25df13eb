#include "people_rows.hpp"

#include <array>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>

#include "orgplan/model/enums.hpp"
#include "../model/text_pool.hpp"
#include "orgplan/storage/row_statement.hpp"

namespace orgplan {
namespace {

// The query's columns by what they hold.
constexpr std::array<int, 12> kTextColumns{0, 1, 2, 3, 4, 5, 7, 8, 9, 13, 14, 15};
constexpr std::array<int, 3> kOptionalColumns{6, 11, 12}; // pm_years, cost, coaching_hours
constexpr int kFte = 10;
constexpr std::size_t kRowsPerBatch = 8192;
constexpr std::size_t kBatchesAhead = 4;          // batches copied but not made into people yet, at most
constexpr std::size_t kPeopleForAHelper = 50000;  // below it, one thread does both halves

// Rows as SQLite gave them: every text column of every row back to back, and the numbers.
struct Batch {
    std::string text;
    std::vector<std::uint32_t> ends; // where each text column ends in `text`, kTextColumns.size() per row
    std::vector<double> numbers;     // the optional columns, then fte, per row
    std::vector<std::uint8_t> given; // a bit per optional column: not NULL
    std::size_t rows = 0;

    void clear() {
        text.clear();
        ends.clear();
        numbers.clear();
        given.clear();
        rows = 0;
    }
    void add(const RowQuery& q) {
        for (const int c : kTextColumns) {
            text += q.text(c);
            ends.push_back(static_cast<std::uint32_t>(text.size()));
        }
        std::uint8_t bits = 0;
        for (std::size_t k = 0; k < kOptionalColumns.size(); ++k) {
            const bool has = !q.is_null(kOptionalColumns[k]);
            bits |= static_cast<std::uint8_t>(has << k);
            numbers.push_back(has ? q.real(kOptionalColumns[k]) : 0.0);
        }
        numbers.push_back(q.real(kFte));
        given.push_back(bits);
        ++rows;
    }
};

// One person from its columns. The columns people share (titles, levels, managers, locations, units, cost centres,
// functions) come from the pool: a block per distinct text rather than per person.
void make_person(const std::array<std::string_view, kTextColumns.size()>& t,
                 const std::array<std::optional<double>, kOptionalColumns.size()>& optional, double fte,
                 TextPool& shared, Person& p) {
    p.id = t[0];
    p.name = t[1];
    p.email = t[2];
    p.title = shared.get(t[3]);
    p.family = parse_family(t[4]).value_or(Family::other);
    p.level = shared.get(t[5]);
    p.pm_years = optional[0];
    p.origin = parse_origin(t[6]).value_or(Origin::unknown);
    p.manager_id = shared.get(t[7]);
    p.location = shared.get(t[8]);
    p.fte = fte;
    p.cost = optional[1];
    p.coaching_hours = optional[2];
    p.unit = shared.get(t[9]);
    p.cost_center = shared.get(t[10]);
    p.function = shared.get(t[11]);
}

// Makes a batch's rows into people, in order.
void make_people(const Batch& b, TextPool& shared, std::vector<Person>& people) {
    std::size_t at = 0, cut = 0, number = 0;
    for (std::size_t r = 0; r < b.rows; ++r) {
        std::array<std::string_view, kTextColumns.size()> t;
        for (auto& view : t) {
            const auto end = b.ends[at++];
            view = std::string_view(b.text).substr(cut, end - cut);
            cut = end;
        }
        std::array<std::optional<double>, kOptionalColumns.size()> optional;
        for (std::size_t k = 0; k < optional.size(); ++k)
            if (b.given[r] >> k & 1u) optional[k] = b.numbers[number + k];
        make_person(t, optional, b.numbers[number + kOptionalColumns.size()], shared, people.emplace_back());
        number += kOptionalColumns.size() + 1;
    }
}

// Full batches on their way from the reading thread to the helper, and empty ones on their way back.
class Handover {
public:
    // Blocks while kBatchesAhead are waiting; false when the helper has stopped.
    bool put(Batch&& batch) {
        std::unique_lock<std::mutex> lock(mutex_);
        room_.wait(lock, [&] { return full_.size() < kBatchesAhead || stopped_; });
        if (stopped_) return false;
        full_.push_back(std::move(batch));
        ready_.notify_one();
        return true;
    }
    // The next batch, or nothing once the reader is done and all are taken.
    std::optional<Batch> take() {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait(lock, [&] { return !full_.empty() || done_; });
        if (full_.empty()) return std::nullopt;
        auto batch = std::move(full_.front());
        full_.pop_front();
        room_.notify_one();
        return batch;
    }
    void give_back(Batch&& batch) {
        batch.clear();
        const std::lock_guard<std::mutex> lock(mutex_);
        spare_.push_back(std::move(batch));
    }
    Batch spare() {
        const std::lock_guard<std::mutex> lock(mutex_);
        if (spare_.empty()) return {};
        auto batch = std::move(spare_.back());
        spare_.pop_back();
        return batch;
    }
    void done() {
        const std::lock_guard<std::mutex> lock(mutex_);
        done_ = true;
        ready_.notify_all();
    }
    void stop() {
        const std::lock_guard<std::mutex> lock(mutex_);
        stopped_ = true;
        room_.notify_all();
    }

private:
    std::mutex mutex_;
    std::condition_variable ready_, room_;
    std::deque<Batch> full_;
    std::vector<Batch> spare_;
    bool done_ = false, stopped_ = false;
};

} // namespace

const char* const kPersonColumns = "id, name, email, title, family, level, pm_years, origin, manager_id, location, fte, "
                                   "cost, coaching_hours, unit, cost_center, function";

void read_person(const RowQuery& q, TextPool& shared, Person& person) {
    std::array<std::string_view, kTextColumns.size()> t;
    for (std::size_t k = 0; k < t.size(); ++k) t[k] = q.text(kTextColumns[k]);
    std::array<std::optional<double>, kOptionalColumns.size()> optional;
    for (std::size_t k = 0; k < optional.size(); ++k)
        if (!q.is_null(kOptionalColumns[k])) optional[k] = q.real(kOptionalColumns[k]);
    make_person(t, optional, q.real(kFte), shared, person);
}

void read_people(Database& db, const std::string& sql, std::size_t expected, std::vector<Person>& people) {
    people.reserve(people.size() + expected);
    RowQuery q(db, sql);
    Batch batch;
    TextPool shared; // only the thread making people uses it
    if (expected < kPeopleForAHelper) {
        while (q.step()) read_person(q, shared, people.emplace_back());
        return;
    }
    Handover handover;
    std::exception_ptr failed; // what the helper threw; it stops taking batches then
    std::thread helper([&] {
        try {
            while (auto next = handover.take()) {
                make_people(*next, shared, people);
                handover.give_back(std::move(*next));
            }
        } catch (...) {
            failed = std::current_exception();
            handover.stop();
        }
    });
    try {
        bool open = true;
        while (open && q.step()) {
            batch.add(q);
            if (batch.rows == kRowsPerBatch) {
                open = handover.put(std::move(batch));
                batch = handover.spare();
            }
        }
        if (open && batch.rows) handover.put(std::move(batch));
    } catch (...) {
        handover.stop();
        handover.done();
        helper.join();
        throw;
    }
    handover.done();
    helper.join();
    if (failed) std::rethrow_exception(failed);
}

} // namespace orgplan
