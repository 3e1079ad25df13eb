#include "people_halves.hpp"

#include <algorithm>
#include <optional>
#include <string>

#include <SQLiteCpp/Database.h>

#include "orgplan/base/error.hpp"
#include "people_rows.hpp"

namespace orgplan {
namespace {

constexpr std::size_t kRowsPerClaim = 4096;

std::size_t count_rows(Database& db, const std::string& table) {
    return static_cast<std::size_t>(db.sql().execAndGet("SELECT count(*) FROM " + table).getInt64());
}

// Where an end puts what it reads, in a list sized for both ends: going up from the front, going down from the
// back, so that the two meet without either moving what the other wrote, and nothing is copied afterwards.
template <typename T>
class EndSlots {
public:
    EndSlots(std::vector<T>& all, bool descending) : all_(all), descending_(descending) {}
    T& next() {
        if (filled_ == all_.size()) throw Error("the org changed while it was read: more rows than counted");
        ++filled_;
        return all_[descending_ ? all_.size() - filled_ : filled_ - 1];
    }
    std::size_t filled() const { return filled_; }
    /// The first of the filled slots in the list's order (the last one filled, going down).
    const T* first() const { return all_.data() + (descending_ ? all_.size() - filled_ : 0); }

private:
    std::vector<T>& all_;
    bool descending_;
    std::size_t filled_ = 0;
};

// One end's people, as many as it claims: ascending from the smallest id, or descending from the largest.
void read_people_end(Database& db, bool descending, Claims& claims, EndSlots<Person>& out) {
    RowQuery q(db, std::string("SELECT ") + kPersonColumns + " FROM person ORDER BY id" + (descending ? " DESC" : ""));
    TextPool shared; // one per end: a pool is filled by one thread
    for (auto n = claims.take(); n > 0; n = claims.take())
        for (std::size_t i = 0; i < n; ++i) {
            if (!q.step()) return; // fewer rows than counted cannot happen in one snapshot; stop rather than restart
            read_person(q, shared, out.next());
        }
}

// One end's memberships: going up, those of people below `boundary` (the lowest id the other end read); going down,
// those from it on. With no boundary (the end going down read nobody) the end going up reads them all.
void read_memberships_end(Database& db, bool descending, const std::optional<std::string>& boundary,
                          const TeamIds& teams, const EndSlots<Person>& people, EndSlots<Membership>& out) {
    if (descending && !boundary) return;
    const std::string where = !boundary ? "" : descending ? " WHERE person_id >= ?1" : " WHERE person_id < ?1";
    RowQuery q(db, "SELECT person_id, team_id, allocation FROM membership" + where +
                       (descending ? " ORDER BY person_id DESC, team_id DESC" : " ORDER BY person_id, team_id"));
    if (boundary) q.bind_text(1, *boundary);
    MembershipRows rows(people.first(), people.filled(), descending, teams);
    while (q.step()) out.next() = rows.read(q);
}

} // namespace

void Claims::open(std::size_t rows) {
    auto unopened = kUnopened;
    left_.compare_exchange_strong(unopened, rows); // closed first: stays closed
}

std::size_t Claims::take() {
    auto left = left_.load();
    while (left > 0 && left != kUnopened && !left_.compare_exchange_weak(left, left - std::min(left, kRowsPerClaim))) {
    }
    return left == kUnopened ? 0 : std::min(left, kRowsPerClaim);
}

PeopleHalves::PeopleHalves(Database& up, Database& down)
    : up_(up), down_(down), counted_(counted_promise_.get_future()), teams_(teams_promise_.get_future()),
      boundary_(boundary_promise_.get_future()), helper_([this] { help(); }) {}

PeopleHalves::~PeopleHalves() {
    if (!helper_.joinable()) return;
    claims_.close();
    if (!finishing_) teams_promise_.set_value(nullptr);
    helper_.join();
}

void PeopleHalves::help() {
    bool counted = false, bounded = false;
    try {
        const auto people_count = count_rows(down_, "person");
        // Made here, while the other thread reads the teams; each end then fills its own slots.
        people_.resize(people_count);
        memberships_.resize(count_rows(down_, "membership"));
        claims_.open(people_count);
        counted = true;
        counted_promise_.set_value();
        EndSlots<Person> mine(people_, true);
        read_people_end(down_, true, claims_, mine);
        std::optional<std::string> lowest;
        if (mine.filled()) lowest = std::string(mine.first()->id);
        down_people_ = mine.filled();
        bounded = true;
        boundary_promise_.set_value(lowest);
        if (const TeamIds* teams = teams_.get()) { // none: finish() never came
            EndSlots<Membership> theirs(memberships_, true);
            read_memberships_end(down_, true, lowest, *teams, mine, theirs);
            down_memberships_ = theirs.filled();
        }
    } catch (...) {
        failed_ = std::current_exception();
        if (!counted) counted_promise_.set_exception(failed_);
        if (!bounded) boundary_promise_.set_exception(failed_);
    }
}

void PeopleHalves::finish(const TeamIds& teams, std::vector<Person>& people, std::vector<Membership>& memberships) {
    finishing_ = true;
    teams_promise_.set_value(&teams);
    std::size_t up_people = 0, up_memberships = 0;
    try {
        counted_.get(); // the helper's failure, if it failed before counting
        EndSlots<Person> mine(people_, false);
        read_people_end(up_, false, claims_, mine);
        EndSlots<Membership> theirs(memberships_, false);
        read_memberships_end(up_, false, boundary_.get(), teams, mine, theirs);
        up_people = mine.filled();
        up_memberships = theirs.filled();
    } catch (...) {
        claims_.close();
        helper_.join();
        throw;
    }
    helper_.join();
    if (failed_) std::rethrow_exception(failed_);
    if (up_people + down_people_ != people_.size() || up_memberships + down_memberships_ != memberships_.size())
        throw Error("the org changed while it was read: fewer rows than counted");
    people = std::move(people_);
    memberships = std::move(memberships_);
}

} // namespace orgplan
