#include "people_halves.hpp"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>

#include <SQLiteCpp/Database.h>

#include "people_rows.hpp"

namespace orgplan {
namespace {

constexpr std::size_t kRowsPerClaim = 4096;

std::size_t count_rows(Database& db, const std::string& table) {
    return static_cast<std::size_t>(db.sql().execAndGet("SELECT count(*) FROM " + table).getInt64());
}

// One end's people, as many as it claims: ascending from the smallest id, or descending from the largest.
void read_people_end(Database& db, bool descending, Claims& claims, std::vector<Person>& out) {
    RowQuery q(db, std::string("SELECT ") + kPersonColumns + " FROM person ORDER BY id" + (descending ? " DESC" : ""));
    TextPool shared; // one per end: a pool is filled by one thread
    for (auto n = claims.take(); n > 0; n = claims.take())
        for (std::size_t i = 0; i < n; ++i) {
            if (!q.step()) return; // fewer rows than counted cannot happen in one snapshot; stop rather than restart
            add_person(q, shared, out);
        }
}

// One end's memberships: going up, those of people below `boundary` (the lowest id the other end read); going down,
// those from it on. With no boundary (the end going down read nobody) the end going up reads them all.
void read_memberships_end(Database& db, bool descending, const std::optional<std::string>& boundary,
                          const TeamIds& teams, const std::vector<Person>& people, std::vector<Membership>& out) {
    if (descending && !boundary) return;
    const std::string where = !boundary ? "" : descending ? " WHERE person_id >= ?1" : " WHERE person_id < ?1";
    RowQuery q(db, "SELECT person_id, team_id, allocation FROM membership" + where +
                       (descending ? " ORDER BY person_id DESC, team_id DESC" : " ORDER BY person_id, team_id"));
    if (boundary) q.bind_text(1, *boundary);
    MembershipRows rows(people, descending, teams);
    while (q.step()) rows.add(q, out);
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
        people_count_ = count_rows(down_, "person");
        membership_count_ = count_rows(down_, "membership");
        // Room for all on both ends: the half an end does not fill is never touched, so it costs address space only.
        high_people_.reserve(people_count_);
        high_memberships_.reserve(membership_count_);
        claims_.open(people_count_);
        counted = true;
        counted_promise_.set_value();
        read_people_end(down_, true, claims_, high_people_);
        std::optional<std::string> lowest;
        if (!high_people_.empty()) lowest = std::string(high_people_.back().id);
        bounded = true;
        boundary_promise_.set_value(lowest);
        if (const TeamIds* teams = teams_.get()) // none: finish() never came
            read_memberships_end(down_, true, lowest, *teams, high_people_, high_memberships_);
    } catch (...) {
        failed_ = std::current_exception();
        if (!counted) counted_promise_.set_exception(failed_);
        if (!bounded) boundary_promise_.set_exception(failed_);
    }
}

void PeopleHalves::finish(const TeamIds& teams, std::vector<Person>& people, std::vector<Membership>& memberships) {
    finishing_ = true;
    teams_promise_.set_value(&teams);
    try {
        counted_.get(); // the helper's failure, if it failed before counting
        people.clear();
        memberships.clear();
        people.reserve(people_count_);
        memberships.reserve(membership_count_);
        read_people_end(up_, false, claims_, people);
        read_memberships_end(up_, false, boundary_.get(), teams, people, memberships);
    } catch (...) {
        claims_.close();
        helper_.join();
        throw;
    }
    helper_.join();
    if (failed_) std::rethrow_exception(failed_);
    // The high end read from the top down: reversed, it continues the low end's order.
    people.insert(people.end(), std::make_move_iterator(high_people_.rbegin()),
                  std::make_move_iterator(high_people_.rend()));
    memberships.insert(memberships.end(), std::make_move_iterator(high_memberships_.rbegin()),
                       std::make_move_iterator(high_memberships_.rend()));
}

} // namespace orgplan
