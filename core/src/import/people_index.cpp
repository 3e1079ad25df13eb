#include "people_index.hpp"

#include <optional>

#include "check_records.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/storage/org_writer.hpp"

namespace orgplan::importing {

namespace {

// Adds a person and returns their index; `place`, where their FTE and manager are, goes onto `places` (the index's
// own list, see PeopleIndex::place_, which only index_people may hand in). A second incoming record with an id
// already seen is a duplicate (the first one stands); a stored person with an incoming id is that person.
std::uint32_t add_person(std::vector<PersonPlace>& places, PeopleIndex& x, std::string_view id, Family family,
                         PersonPlace place, bool is_stored, const IncomingRecords& in, Problems& problems) {
    const auto [index, fresh] = x.ids.add(id);
    if (!fresh) {
        if (is_stored) x.stored[index] = true;
        if (place >= 0)
            problems.add(in.people.locs[place], "id",
                         "duplicate person id '" + std::string(id) + "' (first at " +
                             problems.where(in.people.locs[x.item_of(index)]) + "); ids must be unique");
        return index;
    }
    x.family.push_back(family);
    places.push_back(place);
    x.stored.push_back(is_stored);
    return index;
}

// Gives the record of a stored person the stored values of the columns it lacks.
class StoredValues {
public:
    explicit StoredValues(const FamilyColumnIds& family_column_ids) : family_column_ids_(family_column_ids) {}

    void keep(PeopleIndex& x, std::uint32_t index, const StoredPerson& p, IncomingRecords& in) {
        const long item = x.item_of(index);
        if (item < 0) return;
        auto& record = in.people.items[item];
        auto& columns = in.people.present[item];
        if (!(columns & fte_bit_)) record.person.fte = p.fte;
        if (!(columns & manager_bit_)) record.person.manager_id = p.manager_id;
        // A family from title rules follows a new title; one from a family column stays.
        bool keep_family = !record.family_given && !(columns & title_bit_);
        if (!record.family_given && (columns & title_bit_)) {
            if (!from_column_) {
                from_column_ = family_column_ids_();
                from_column_views_.insert(from_column_->begin(), from_column_->end());
            }
            keep_family = from_column_views_.count(p.id) != 0;
        }
        if (keep_family) {
            x.family[index] = record.person.family = p.family;
            record.family_kept = true;
            columns &= ~family_bit_;
        } else {
            columns |= family_bit_;
        }
    }

private:
    const FamilyColumnIds& family_column_ids_;
    std::optional<std::unordered_set<std::string>> from_column_; // asked when first needed
    std::unordered_set<std::string_view> from_column_views_;     // views of it: stored ids are views too
    const ColumnSet fte_bit_ = column_bit("people", "fte"), manager_bit_ = column_bit("people", "manager"),
                    title_bit_ = column_bit("people", "title"), family_bit_ = column_bit("people", "family");
};

} // namespace

double PeopleIndex::fte(std::size_t p) const {
    const auto place = place_[p];
    if (place >= 0) return in_->people.items[place].person.fte;
    return place == kNoRow ? 0.0 : stored_rows_->people[-2 - place].fte;
}

std::string_view PeopleIndex::manager_ref(std::size_t p) const {
    const auto place = place_[p];
    if (place >= 0) return in_->people.items[place].person.manager_id;
    return place == kNoRow ? std::string_view() : std::string_view(stored_rows_->people[-2 - place].manager_id);
}

PeopleIndex index_people(IncomingRecords& in, const StoredPeople& stored, const FamilyColumnIds& family_column_ids,
                         Problems& problems) {
    PeopleIndex x;
    x.in_ = &in;
    x.stored_rows_ = &stored;
    x.incoming = in.people.items.size();
    x.ids.reserve(x.incoming + stored.people.size());
    x.person_of_item.resize(x.incoming);
    for (std::size_t i = 0; i < x.incoming; ++i)
        x.person_of_item[i] = add_person(x.place_, x, in.people.items[i].person.id, in.people.items[i].person.family,
                                         static_cast<PersonPlace>(i), false, in, problems);
    StoredValues stored_values(family_column_ids);
    for (std::size_t k = 0; k < stored.people.size(); ++k) {
        const auto& p = stored.people[k];
        const auto index = add_person(x.place_, x, p.id, p.family, -2 - static_cast<PersonPlace>(k), true, in, problems);
        stored_values.keep(x, index, p, in);
    }
    x.known = x.size();
    check_new_records("people", in.people, [&](std::size_t i) { return x.stored[x.person_of_item[i]]; }, "person",
                      problems);
    if (const auto broken = in.broken_ids.find("people"); broken != in.broken_ids.end())
        for (const auto& id : broken->second)
            add_person(x.place_, x, id, Family::other, PeopleIndex::kNoRow, false, in, problems);
    return x;
}

} // namespace orgplan::importing
