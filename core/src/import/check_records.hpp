// Check records: ids unique, references between segments, products, accounts, teams and goals resolve, new records
// complete, one currency.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "columns.hpp"
#include "id_index.hpp"
#include "incoming.hpp"
#include "orgplan/org.hpp"

namespace orgplan::importing {

/// Ids of the org's records as they will be after the import: incoming, stored and broken ones.
struct RecordIndexes {
    IdIndex segments, products, initiatives, accounts, teams;
    /// The ids an assignment to `kind` may name.
    const IdIndex& of(TargetKind kind) const;
};

/// Reports duplicate ids among incoming segments, products, initiatives, accounts, teams and goals, references that
/// resolve to nothing, and new records that lack a column every new one needs; returns the ids known. The indexes
/// view the ids of `in`, `stored` and in.broken_ids: they must outlive it, unchanged.
RecordIndexes check_records(const IncomingRecords& in, const Org& stored, Problems& problems);

/// Reports costs in a currency other than the org's (`org_currency`, empty when the org has none yet).
void check_currency(const IncomingRecords& in, const std::string& org_currency, Problems& problems);

/// Reports each incoming record whose id (`id_of(record)`) an earlier one of the same kind has; `what` names the kind.
template <typename T, typename IdOf>
void check_duplicates(const Incoming<T>& in, IdOf id_of, const std::string& what, Problems& problems) {
    std::unordered_map<std::string, std::size_t> first;
    first.reserve(in.items.size());
    for (std::size_t i = 0; i < in.items.size(); ++i) {
        auto [it, fresh] = first.emplace(id_of(in.items[i]), i);
        if (!fresh)
            problems.add(in.locs[i], "id",
                         "duplicate " + what + " id '" + it->first + "' (first at " +
                             problems.where(in.locs[it->second]) + "); ids must be unique");
    }
}

/// Reports the records of `kind` that create something without the columns no new record can do without (a name, a
/// goal's function...); an update of a stored record may leave them out. `is_stored(i)` says whether record i
/// updates a stored one.
template <typename T, typename IsStored>
void check_new_records(const std::string& kind, const Incoming<T>& in, IsStored is_stored, const std::string& what,
                       Problems& problems) {
    std::vector<std::pair<std::string_view, ColumnSet>> needed;
    for (const auto& spec : column_specs().at(kind))
        if (spec.need == Need::new_record) needed.emplace_back(spec.name, column_bit(kind, spec.name));
    for (std::size_t i = 0; i < in.items.size(); ++i) {
        for (const auto& [column, bit] : needed) {
            if ((in.present[i] & bit) || is_stored(i)) continue;
            problems.add(in.locs[i], std::string(column),
                         fmt::format("is missing: a new {} needs a {} (add the column, or import this {} with one "
                                     "first; an update of a stored {} may leave it out)",
                                     what, column, what, what));
        }
    }
}

/// check_new_records for records whose stored peers are `stored` (matched by id).
template <typename T, typename Stored>
void check_new_records(const std::string& kind, const Incoming<T>& in, const std::vector<Stored>& stored,
                       const std::string& what, Problems& problems) {
    std::unordered_set<std::string_view> ids;
    for (const auto& x : stored) ids.insert(x.id);
    check_new_records(kind, in, [&](std::size_t i) { return ids.count(in.items[i].id) != 0; }, what, problems);
}

} // namespace orgplan::importing
