#include "check_managers.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <string_view>

#include "orgplan/base/text.hpp"
#include "../base/place_table.hpp"

namespace orgplan::importing {

namespace {

// Places of entries (incoming records, stored people) by their email, compared without case, in one table of
// places: a million people's emails make no node and no string each (an email with capitals is lowered only to be
// hashed). `email_at(place)` gives the email at a place; the entries must outlive the table.
template <typename EmailAt>
class EmailPlaces {
public:
    EmailPlaces(std::size_t expected, EmailAt email_at) : email_at_(std::move(email_at)) { places_.reserve(expected); }
    /// The first place with `email`, and whether it is `place`.
    std::pair<std::uint32_t, bool> insert(std::string_view email, std::uint32_t place) {
        return places_.insert(hash(email), place, same_as(email));
    }
    /// The first place with `email`, or -1.
    long find(std::string_view email) const { return places_.find(hash(email), same_as(email)); }

private:
    static bool is_lower(std::string_view s) {
        return std::none_of(s.begin(), s.end(), [](unsigned char c) { return std::tolower(c) != c; });
    }
    static std::uint32_t hash(std::string_view email) {
        return is_lower(email) ? PlaceTable::hash_of(email) : PlaceTable::hash_of(text::lower(email));
    }
    auto same_as(std::string_view email) const {
        return [this, email](std::uint32_t place) {
            const auto other = email_at_(place);
            return other.size() == email.size() &&
                   std::equal(other.begin(), other.end(), email.begin(), [](unsigned char a, unsigned char b) {
                       return std::tolower(a) == std::tolower(b);
                   });
        };
    }
    EmailAt email_at_;
    PlaceTable places_;
};

// Emails name one person each: managers may be given by email.
void check_emails(const IncomingRecords& in, const PeopleIndex& people, Problems& problems) {
    const auto& items = in.people.items;
    EmailPlaces incoming_email(people.incoming,
                               [&](std::uint32_t i) -> std::string_view { return items[i].person.email; });
    for (std::size_t i = 0; i < people.incoming; ++i) {
        const auto& email = items[i].person.email;
        if (email.empty()) continue;
        const auto [first, fresh] = incoming_email.insert(email, static_cast<std::uint32_t>(i));
        if (!fresh && people.person_of_item[first] != people.person_of_item[i])
            problems.add(in.people.locs[i], "email",
                         "the same email as '" + std::string(items[first].person.id) + "' (" +
                             problems.where(in.people.locs[first]) + "); emails must be unique");
    }
}

// People by email, built when some manager reference is not an id: places run over the incoming records, then the
// stored people.
class EmailIndex {
public:
    EmailIndex(const IncomingRecords& in, const PeopleIndex& people, const StoredPeople& stored)
        : in_(in), people_(people), stored_(stored) {}

    long find(std::string_view ref) {
        const auto incoming = in_.people.items.size();
        if (!by_email_) {
            by_email_.emplace(incoming + stored_.people.size(), EmailAt{in_, stored_});
            for (std::size_t i = 0; i < incoming; ++i)
                if (const auto& email = in_.people.items[i].person.email; !email.empty())
                    by_email_->insert(email, static_cast<std::uint32_t>(i));
            for (std::size_t i = 0; i < stored_.people.size(); ++i)
                if (const auto email = stored_.people[i].email; !email.empty())
                    by_email_->insert(email, static_cast<std::uint32_t>(incoming + i));
        }
        const auto at = by_email_->find(ref);
        if (at < 0) return -1;
        const auto place = static_cast<std::size_t>(at);
        return people_.find(place < incoming ? in_.people.items[place].person.id : stored_.people[place - incoming].id);
    }

private:
    struct EmailAt {
        const IncomingRecords& in;
        const StoredPeople& stored;
        std::string_view operator()(std::uint32_t place) const {
            const auto incoming = in.people.items.size();
            return place < incoming ? in.people.items[place].person.email : stored.people[place - incoming].email;
        }
    };
    const IncomingRecords& in_;
    const PeopleIndex& people_;
    const StoredPeople& stored_;
    std::optional<EmailPlaces<EmailAt>> by_email_;
};

} // namespace

std::vector<PersonPlace> check_managers(IncomingRecords& in, const PeopleIndex& people, const StoredPeople& stored,
                                        Problems& problems) {
    check_emails(in, people, problems);
    EmailIndex emails(in, people, stored);
    std::vector<PersonPlace> manager(people.size(), -1);
    for (std::size_t i = 0; i < people.known; ++i) {
        const auto ref = people.manager_ref(i);
        if (ref.empty()) continue;
        const long item = people.item_of(i);
        long m = people.find(ref);
        if (m < 0 && item >= 0) m = emails.find(ref);
        manager[i] = m;
        if (item < 0) continue; // stored rows were valid when written
        const auto loc = in.people.locs[item];
        if (m < 0) {
            problems.add(loc, "manager",
                         "unknown manager " + quoted_reference(ref) +
                             "; give the manager's id or email as it appears in the people file");
        } else if (static_cast<std::size_t>(m) == i) {
            problems.add(loc, "manager", quoted_reference(ref) + " is this person; a person cannot manage themselves");
            manager[i] = -1;
        } else {
            in.people.items[item].person.manager_id = people.id_of(m);
        }
    }
    return manager;
}

// Walks up from each incoming person; 1 = on the current path, 2 = reaches the top.
void check_cycles(const IncomingRecords& in, const PeopleIndex& people, const std::vector<PersonPlace>& manager,
                  Problems& problems) {
    std::vector<std::uint8_t> state(people.size(), 0);
    std::vector<std::size_t> path;
    for (std::size_t start = 0; start < people.known; ++start) {
        if (people.item_of(start) < 0) continue;
        path.clear();
        long at = static_cast<long>(start);
        while (at >= 0 && state[at] == 0) {
            state[at] = 1;
            path.push_back(static_cast<std::size_t>(at));
            at = manager[at];
        }
        if (at >= 0 && state[at] == 1) {
            std::string cycle(people.id_of(at));
            for (auto it = std::find(path.begin(), path.end(), static_cast<std::size_t>(at)) + 1; it != path.end(); ++it)
                cycle += " -> " + std::string(people.id_of(*it));
            cycle += " -> " + std::string(people.id_of(at));
            const auto where = in.people.locs[people.item_of(at) >= 0 ? people.item_of(at) : people.item_of(start)];
            problems.add(where, "manager", "reporting cycle " + cycle + "; someone in it must report elsewhere");
        }
        for (auto id : path) state[id] = 2;
    }
}

} // namespace orgplan::importing
