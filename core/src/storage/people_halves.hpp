// The people of a snapshot and their memberships read in two halves at once, on two connections that read one
// commit: one thread from the smallest id up, the other from the largest down, until they meet. Stepping SQLite
// through a million rows of sixteen columns is most of a snapshot's load, and one connection steps on one thread.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <future>
#include <limits>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "orgplan/org.hpp"
#include "orgplan/storage/database.hpp"
#include "membership_rows.hpp"

namespace orgplan {

/// From this file size on load_org() reads people in halves. A second connection costs a millisecond or two to
/// open; the halves save a third of the load from some fifty thousand people on (8 MiB).
constexpr std::int64_t kFileBytesForHalves = std::int64_t{8} << 20;

/// The rows of a table neither end has claimed. Each end claims a block before reading it, so the two ends stop
/// where they meet, every row read once, with one atomic operation per block rather than per row.
class Claims {
public:
    /// `rows` to claim; nothing when closed before.
    void open(std::size_t rows);
    /// How many more rows the caller may read: up to a block, none once all are claimed (or closed, or not open).
    std::size_t take();
    /// Nothing more for anyone: one end failed, and the other need not read the rest.
    void close() { left_ = 0; }

private:
    static constexpr std::size_t kUnopened = std::numeric_limits<std::size_t>::max();
    std::atomic<std::size_t> left_{kUnopened};
};

/// Reads every person (ordered by id) and every membership (by person, then team), exactly as one connection
/// reading both tables in order would. `up` and `down` must read the same commit (see SnapshotTwin).
///
/// The helper starts at once on `down`: it counts and makes room for everyone, then reads people from the largest
/// id down into the back of the list while this thread reads what else it needs on `up` (the teams, whose ids the
/// memberships share); finish() then reads from the smallest id up into the front until the ends meet, and each end
/// its people's memberships. Nothing is moved or copied once read. Neither connection may be used by
/// anything else until finish() returns or the object is destroyed.
class PeopleHalves {
public:
    PeopleHalves(Database& up, Database& down);
    /// Stops the helper when finish() was not reached (an earlier read failed) and waits for it.
    ~PeopleHalves();
    PeopleHalves(const PeopleHalves&) = delete;
    PeopleHalves& operator=(const PeopleHalves&) = delete;

    /// Replaces the content of `people` and `memberships` with everything, memberships sharing their person's and
    /// their team's id. Once only. An error on either thread is thrown here, after both have stopped.
    void finish(const TeamIds& teams, std::vector<Person>& people, std::vector<Membership>& memberships);

private:
    void help();

    Database& up_;
    Database& down_;
    Claims claims_;
    std::promise<void> counted_promise_;
    std::promise<const TeamIds*> teams_promise_;                     // none: finish() never came
    std::promise<std::optional<std::string>> boundary_promise_;      // the lowest id read going down
    std::future<void> counted_;
    std::future<const TeamIds*> teams_;
    std::future<std::optional<std::string>> boundary_;
    std::vector<Person> people_;          // sized by the helper once counted_ is ready; filled from both ends
    std::vector<Membership> memberships_; // the same
    std::size_t down_people_ = 0, down_memberships_ = 0; // how many the helper read, once it has stopped
    std::exception_ptr failed_;                // the helper's
    bool finishing_ = false;
    std::thread helper_; // last: it starts once every member it uses is made
};

} // namespace orgplan
