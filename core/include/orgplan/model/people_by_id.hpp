// The people of an org by id: one index, built once per answer (analysis/shared_work hands it to every analysis
// of the answer), for everything that follows ids (managers, PMs of assignments, requesters). A million people are
// a million lookups each way, so the index is open-addressed over places in the people list, with no copy of a
// string and no allocation per person.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "orgplan/org.hpp"

namespace orgplan {

class PeopleById {
public:
    /// Indexes `people`, which must outlive the index and not change while it is used. An id given twice keeps its
    /// first person.
    explicit PeopleById(const std::vector<Person>& people);
    ~PeopleById();
    PeopleById(PeopleById&&) noexcept;
    PeopleById& operator=(PeopleById&&) noexcept;

    /// The person of that id, or nullptr.
    const Person* find(std::string_view id) const;
    /// Their position in the people list, or -1.
    long position(std::string_view id) const;
    bool has(std::string_view id) const { return position(id) >= 0; }
    /// Their name, or `otherwise` for an id not in the org (empty; answers that list people give the id).
    std::string_view name_of(std::string_view id, std::string_view otherwise = {}) const {
        const auto* person = find(id);
        return person ? std::string_view(person->name) : otherwise;
    }
    /// Each person's manager as a position in the list, -1 for none or one not in the org.
    std::vector<std::int32_t> manager_positions() const;
    /// Calls `visit(person)` for `id`'s person and then each manager above, nearest first, until `visit` returns
    /// false, the chain leaves the org, or it comes back to someone it passed (a cycle in the data must not loop).
    template <typename Visit>
    void walk_up(std::string_view id, Visit visit) const {
        std::vector<const Person*> passed; // reporting chains are short: a list beats a set
        for (const Person* at = find(id); at; at = find(at->manager_id)) {
            for (const auto* seen : passed)
                if (seen == at) return;
            passed.push_back(at);
            if (!visit(*at)) return;
        }
    }

private:
    struct Table;
    const std::vector<Person>* people_;
    std::unique_ptr<Table> table_;
};

} // namespace orgplan
