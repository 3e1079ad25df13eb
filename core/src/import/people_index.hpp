// Index people: incoming and stored people in one dense index, with the facts every later check reads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "id_index.hpp"
#include "incoming.hpp"
#include "orgplan/model/stored_people.hpp"

namespace orgplan::importing {

/// A person's place in a PeopleIndex, or -1 for none: four bytes, in lists of a million entries.
using PersonPlace = std::int32_t;

/// Ids of stored people whose family came from a family column: a new title alone does not reclassify them.
using FamilyColumnIds = std::function<std::unordered_set<std::string>()>;

/// People as the org will hold them after the import. Indexes run over incoming records first (they override
/// stored people), then stored people no record names, then ids of records that failed to parse; every vector
/// is over that index. A person's FTE and manager are read where they are kept (their record, or their stored row)
/// rather than copied: 16 bytes a person fewer while the checks run.
struct PeopleIndex {
    IdIndex ids;
    std::size_t incoming = 0; ///< incoming records, good or duplicate
    std::size_t known = 0;    ///< people with a record or a stored row; above it, broken records' ids only
    std::vector<Family> family;
    std::vector<bool> stored;  ///< in the database already: only their rows are updated, old memberships cleared
    std::vector<std::uint32_t> person_of_item; ///< incoming record -> person

    std::size_t size() const { return ids.size(); }
    std::string_view id_of(std::size_t p) const { return ids.id(p); }
    long find(std::string_view id) const { return ids.find(id); }
    /// A person with a record or a stored row (not only a broken record's id).
    bool is_known(long p) const { return p >= 0 && static_cast<std::size_t>(p) < known; }
    /// The incoming record behind a person (the first, for a duplicate id), or -1 for none.
    long item_of(std::size_t p) const { return place_[p] >= 0 ? place_[p] : -1; }
    /// A person's FTE as the write leaves it (0 for a broken record's id).
    double fte(std::size_t p) const;
    /// A person's manager as their record gave it (an id or an email) or as stored; empty for none.
    std::string_view manager_ref(std::size_t p) const;

private:
    friend PeopleIndex index_people(IncomingRecords&, const StoredPeople&, const FamilyColumnIds&, Problems&);
    static constexpr PersonPlace kNoRow = -1;
    // Per person: the incoming record (>= 0), a stored row k with no record (-2 - k), or kNoRow.
    std::vector<PersonPlace> place_;
    const IncomingRecords* in_ = nullptr;
    const StoredPeople* stored_rows_ = nullptr;
};

/// Indexes the incoming and `stored` people, reporting duplicate ids and new people without a name. A stored person
/// updated by a record without some columns keeps the stored values: the record in `in` takes its FTE, manager and
/// family (unless its title changed and the family came from rules; `family_column_ids` is asked only then), so that
/// the checks and the write see the person as the write leaves them. The index views ids, FTEs and managers in `in`
/// and `stored`, which must outlive it.
PeopleIndex index_people(IncomingRecords& in, const StoredPeople& stored, const FamilyColumnIds& family_column_ids,
                         Problems& problems);

} // namespace orgplan::importing
