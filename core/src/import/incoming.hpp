// The records an import has read, typed but not yet checked against each other or the database.
#pragma once

#include <cstddef>
#include <iterator>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "orgplan/org.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/storage/org_writer.hpp"
#include "problems.hpp"

namespace orgplan::importing {

/// Shares and allocations are sums of decimals: "at most 1" allows this much rounding.
constexpr double kEpsilon = 1e-9;

/// Records of one kind with where each came from and which columns it had.
template <typename T>
struct Incoming {
    std::vector<T> items;
    std::vector<Loc> locs;
    /// The columns each record had, as bits over updatable_columns(kind); for memberships and assignments, bit 0
    /// says whether the allocation or share was given.
    std::vector<ColumnSet> present;
    void reserve_more(std::size_t n) {
        items.reserve(items.size() + n);
        locs.reserve(locs.size() + n);
        present.reserve(present.size() + n);
    }
    void add(T item, Loc loc, ColumnSet columns = kAllColumns) {
        items.push_back(std::move(item));
        locs.push_back(loc);
        present.push_back(columns);
    }
    /// Lets go of where each record came from (the checks are done with it).
    void release_locations() { std::vector<Loc>().swap(locs); }
    /// Moves `more`'s records after these, letting go of each of its columns once moved (a million records).
    void append(Incoming&& more) {
        items.insert(items.end(), std::make_move_iterator(more.items.begin()), std::make_move_iterator(more.items.end()));
        std::vector<T>().swap(more.items);
        locs.insert(locs.end(), more.locs.begin(), more.locs.end());
        std::vector<Loc>().swap(more.locs);
        present.insert(present.end(), more.present.begin(), more.present.end());
        std::vector<ColumnSet>().swap(more.present);
    }
};

/// A person's record: views into the file's text, and how their family was decided. Until the checks resolve it,
/// `person.manager_id` is the manager as the file gave them, by id or email. How the family was decided is kept as
/// its two parts beside the flags (136 bytes a person, not 144 with a FamilyOrigin's padding: a million records).
struct PersonIn {
    PersonRow person;
    const std::string* rule = nullptr; ///< see FamilyOrigin::rule
    FamilyOrigin::Source source = FamilyOrigin::Source::column;
    bool family_given = false;    ///< a family cell with text: it wins over title rules
    bool family_kept = false;     ///< a stored person's family stands (no family, and no title or a family column)

    FamilyOrigin how() const { return {source, rule}; }
    void decided_by(FamilyOrigin how) {
        source = how.source;
        rule = how.rule;
    }
};

struct InterruptIn {
    std::string id; ///< the file's id, empty when it has none
    Interrupt interrupt;
};

struct SeatIn {
    std::string task_force, topic;
    TaskForceSeat seat;
};

/// Everything the files of one import hold. People and memberships view the files' text: the sources they were
/// read from must outlive them (ReadFiles keeps both).
struct IncomingRecords {
    Incoming<Segment> segments;
    Incoming<Product> products;
    Incoming<Initiative> initiatives;
    Incoming<Account> accounts;
    Incoming<Team> teams;
    Incoming<PersonIn> people;
    Incoming<Goal> goals;
    Incoming<MembershipRow> memberships;
    Incoming<Assignment> assignments;
    Incoming<InterruptIn> interrupts;
    Incoming<SeatIn> seats;
    /// Ids of records that failed to parse, by kind: they exist in the file, so references to them are not
    /// reported a second time as unknown.
    std::map<std::string, std::vector<std::string>> broken_ids;
    /// People whose family column says otherwise than the title rules would (the column wins), and one example.
    std::size_t family_unlike_rules = 0;
    std::string family_unlike_example;
    /// The currency of the costs (a currency column), and where it was first given.
    std::string currency;
    Loc currency_loc;
};

/// After the checks: every kind's record locations go (16 bytes a record, 32 MB for a million people with teams).
inline void release_locations(IncomingRecords& in) {
    in.segments.release_locations();
    in.products.release_locations();
    in.initiatives.release_locations();
    in.accounts.release_locations();
    in.teams.release_locations();
    in.people.release_locations();
    in.goals.release_locations();
    in.memberships.release_locations();
    in.assignments.release_locations();
    in.interrupts.release_locations();
    in.seats.release_locations();
}

} // namespace orgplan::importing
