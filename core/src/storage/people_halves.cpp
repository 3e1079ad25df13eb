#include "people_halves.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <future>
#include <iterator>
#include <optional>
#include <string>
#include <thread>

#include <SQLiteCpp/Database.h>

#include "people_rows.hpp"

namespace orgplan {
namespace {

constexpr std::size_t kRowsPerClaim = 4096;

// The rows of a table neither end has claimed. Each end claims a block before reading it, so the two ends stop
// where they meet, every row read once, with one atomic operation per block rather than per row.
class Claims {
public:
    explicit Claims(std::size_t rows) : left_(rows) {}
    /// How many more rows the caller may read: up to kRowsPerClaim, none once all are claimed (or closed).
    std::size_t take() {
        auto left = left_.load();
        while (left > 0 && !left_.compare_exchange_weak(left, left - std::min(left, kRowsPerClaim))) {
        }
        return std::min(left, kRowsPerClaim);
    }
    /// Nothing more for anyone: one end failed, and the other need not read the rest.
    void close() { left_ = 0; }

private:
    std::atomic<std::size_t> left_;
};

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

void read_people_halves(Database& up, Database& down, const TeamIds& teams, std::vector<Person>& people,
                        std::vector<Membership>& memberships) {
    const auto people_count = count_rows(up, "person"), membership_count = count_rows(up, "membership");
    people.clear();
    memberships.clear();
    // Room for all on both ends: the half an end does not fill is never touched, so it costs address space only.
    std::vector<Person> high_people;
    std::vector<Membership> high_memberships;
    people.reserve(people_count);
    high_people.reserve(people_count);
    memberships.reserve(membership_count);
    high_memberships.reserve(membership_count);

    Claims claims(people_count);
    std::promise<std::optional<std::string>> boundary_found;
    auto boundary = boundary_found.get_future();
    std::exception_ptr failed; // the helper's
    std::thread helper([&] {
        try {
            read_people_end(down, true, claims, high_people);
            std::optional<std::string> lowest;
            if (!high_people.empty()) lowest = std::string(high_people.back().id);
            boundary_found.set_value(lowest);
            read_memberships_end(down, true, lowest, teams, high_people, high_memberships);
        } catch (...) {
            failed = std::current_exception();
            try {
                boundary_found.set_exception(failed);
            } catch (const std::future_error&) { // the boundary was given already
            }
        }
    });
    try {
        read_people_end(up, false, claims, people);
        read_memberships_end(up, false, boundary.get(), teams, people, memberships);
    } catch (...) {
        claims.close();
        helper.join();
        throw;
    }
    helper.join();
    if (failed) std::rethrow_exception(failed);
    // The high end read from the top down: reversed, it continues the low end's order.
    people.insert(people.end(), std::make_move_iterator(high_people.rbegin()),
                  std::make_move_iterator(high_people.rend()));
    memberships.insert(memberships.end(), std::make_move_iterator(high_memberships.rbegin()),
                       std::make_move_iterator(high_memberships.rend()));
}

} // namespace orgplan
