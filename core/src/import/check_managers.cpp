#include "check_managers.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <deque>
#include <optional>
#include <string_view>

#include "orgplan/base/text.hpp"
#include "../base/view_map.hpp"

namespace orgplan::importing {

namespace {

// Emails compared without case, as keys of one open-addressed table: a view of the email itself when it is
// lower-case already (most are), else of a lower-cased copy kept here. A million people's emails make no node and,
// mostly, no string each. The emails viewed must outlive the map.
template <typename T>
class EmailMap {
public:
    explicit EmailMap(std::size_t expected) { map_.reserve(expected); }
    /// The value of `email` and whether it is new; a known email keeps its first value.
    std::pair<T, bool> emplace(std::string_view email, T value) {
        const auto [at, fresh] = map_.emplace(key(email), value);
        return {at->second, fresh};
    }
    const T* find(std::string_view email) const {
        const auto it = is_lower(email) ? map_.find(email) : map_.find(text::lower(email));
        return it == map_.end() ? nullptr : &it->second;
    }

private:
    static bool is_lower(std::string_view s) {
        return std::none_of(s.begin(), s.end(), [](unsigned char c) { return std::tolower(c) != c; });
    }
    std::string_view key(std::string_view email) {
        return is_lower(email) ? email : copies_.emplace_back(text::lower(email));
    }
    ViewMap<T> map_;
    std::deque<std::string> copies_; // a deque: the copies stay where they are as it grows
};

// Emails name one person each: managers may be given by email.
void check_emails(const IncomingRecords& in, const PeopleIndex& people, Problems& problems) {
    EmailMap<std::size_t> incoming_email(people.incoming); // email -> first incoming record
    for (std::size_t i = 0; i < people.incoming; ++i) {
        const auto& email = in.people.items[i].person.email;
        if (email.empty()) continue;
        const auto [first, fresh] = incoming_email.emplace(email, i);
        if (!fresh && people.person_of_item[first] != people.person_of_item[i])
            problems.add(in.people.locs[i], "email",
                         "the same email as '" + std::string(in.people.items[first].person.id) + "' (" +
                             problems.where(in.people.locs[first]) + "); emails must be unique");
    }
}

// People by email, built when some manager reference is not an id.
class EmailIndex {
public:
    EmailIndex(const IncomingRecords& in, const PeopleIndex& people, const Org& stored)
        : in_(in), people_(people), stored_(stored) {}

    long find(std::string_view ref) {
        if (!by_email_) {
            by_email_.emplace(in_.people.items.size() + stored_.people.size());
            for (const auto& x : in_.people.items)
                if (!x.person.email.empty()) by_email_->emplace(x.person.email, people_.find(x.person.id));
            for (const auto& p : stored_.people)
                if (!p.email.empty()) by_email_->emplace(p.email, people_.find(p.id));
        }
        const auto* at = by_email_->find(ref);
        return at ? static_cast<long>(*at) : -1;
    }

private:
    const IncomingRecords& in_;
    const PeopleIndex& people_;
    const Org& stored_;
    std::optional<EmailMap<long>> by_email_;
};

} // namespace

std::vector<long> check_managers(IncomingRecords& in, const PeopleIndex& people, const Org& stored,
                                 Problems& problems) {
    check_emails(in, people, problems);
    EmailIndex emails(in, people, stored);
    std::vector<long> manager(people.size(), -1);
    for (std::size_t i = 0; i < people.known; ++i) {
        const auto ref = people.manager_ref[i];
        if (ref.empty()) continue;
        const long item = people.item_of[i];
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
            in.people.items[item].person.manager_id = people.id_of[m];
        }
    }
    return manager;
}

// Walks up from each incoming person; 1 = on the current path, 2 = reaches the top.
void check_cycles(const IncomingRecords& in, const PeopleIndex& people, const std::vector<long>& manager,
                  Problems& problems) {
    std::vector<std::uint8_t> state(people.size(), 0);
    std::vector<std::size_t> path;
    for (std::size_t start = 0; start < people.known; ++start) {
        if (people.item_of[start] < 0) continue;
        path.clear();
        long at = static_cast<long>(start);
        while (at >= 0 && state[at] == 0) {
            state[at] = 1;
            path.push_back(static_cast<std::size_t>(at));
            at = manager[at];
        }
        if (at >= 0 && state[at] == 1) {
            std::string cycle(people.id_of[at]);
            for (auto it = std::find(path.begin(), path.end(), static_cast<std::size_t>(at)) + 1; it != path.end(); ++it)
                cycle += " -> " + std::string(people.id_of[*it]);
            cycle += " -> " + std::string(people.id_of[at]);
            const auto where = in.people.locs[people.item_of[at] >= 0 ? people.item_of[at] : people.item_of[start]];
            problems.add(where, "manager", "reporting cycle " + cycle + "; someone in it must report elsewhere");
        }
        for (auto id : path) state[id] = 2;
    }
}

} // namespace orgplan::importing
