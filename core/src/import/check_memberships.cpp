#include "check_memberships.hpp"

#include <algorithm>
#include <set>
#include <unordered_set>

#include <fmt/format.h>

namespace orgplan::importing {

namespace {

// Rows of person records that repeat an earlier record's id: their team column is part of the duplicate.
std::set<std::pair<std::uint32_t, long>> duplicate_person_rows(const IncomingRecords& in, const PeopleIndex& people) {
    std::set<std::pair<std::uint32_t, long>> rows;
    for (std::size_t i = 0; i < people.incoming; ++i)
        if (people.item_of(people.person_of_item[i]) != static_cast<long>(i))
            rows.insert({in.people.locs[i].source, in.people.locs[i].position});
    return rows;
}

// Each stored person's run in the stored memberships (sorted by person): where it starts and how long it is.
struct StoredRuns {
    std::vector<std::uint32_t> first, count;
    explicit StoredRuns(std::size_t people) : first(people, 0), count(people, 0) {}
    void add(long person, std::size_t k) {
        if (count[person]++ == 0) first[person] = static_cast<std::uint32_t>(k);
    }
    /// Person p's stored membership of `team`, or nullptr: a scan of their run, a team or two.
    const StoredMembership* find(const StoredPeople& stored, long p, std::string_view team) const {
        for (auto k = first[p]; k < first[p] + count[p]; ++k)
            if (stored.memberships[k].team_id == team) return &stored.memberships[k];
        return nullptr;
    }
};

// A membership given again without an allocation column keeps its stored allocation.
void keep_stored_allocations(Incoming<MembershipRow>& rows, const std::vector<PersonPlace>& member,
                             const StoredPeople& stored, const StoredRuns& runs) {
    for (std::size_t i = 0; i < rows.items.size(); ++i) {
        auto& m = rows.items[i];
        if (rows.present[i] || member[i] < 0) continue;
        if (const auto* was = runs.find(stored, member[i], m.team_id)) m.allocation = was->allocation;
    }
}

// Stored people whose incoming memberships are their stored ones exactly: as many, each a stored team with the
// same allocation (a team listed twice is refused as a problem). A monthly re-import of a million people, most in
// the teams they were in, deleted and wrote every membership again.
std::vector<bool> unchanged_memberships(const Incoming<MembershipRow>& rows, const std::vector<PersonPlace>& member,
                                        const PeopleIndex& people, const StoredPeople& stored, const StoredRuns& runs,
                                        const std::vector<std::uint32_t>& incoming) {
    std::vector<bool> unchanged(people.size(), false);
    for (std::size_t p = 0; p < people.size(); ++p)
        unchanged[p] = people.stored[p] && incoming[p] > 0 && incoming[p] == runs.count[p];
    for (std::size_t i = 0; i < rows.items.size(); ++i) {
        const long p = member[i];
        if (p < 0 || !unchanged[p]) continue;
        const auto* was = runs.find(stored, p, rows.items[i].team_id);
        if (!was || was->allocation != rows.items[i].allocation) unchanged[p] = false;
    }
    return unchanged;
}

} // namespace

MembershipFacts check_memberships(IncomingRecords& in, const PeopleIndex& people, const IdIndex& teams,
                                  const StoredPeople& stored, Problems& problems) {
    const auto duplicate_rows = duplicate_person_rows(in, people);
    const std::size_t n = in.memberships.items.size();
    MembershipFacts facts;
    std::vector<PersonPlace> member(n); // person index of each incoming membership, -1 when unknown
    facts.incoming.assign(people.size(), 0);
    for (std::size_t i = 0; i < n; ++i)
        if ((member[i] = people.find(in.memberships.items[i].person_id)) >= 0) ++facts.incoming[member[i]];

    facts.allocated.assign(people.size(), 0.0);
    facts.team_maker_fte.assign(teams.size(), 0.0);
    auto add_maker_fte = [&](long p, long t, double allocation) {
        if (p >= 0 && t >= 0 && people.family[p] == Family::maker) facts.team_maker_fte[t] += people.fte(p) * allocation;
    };
    StoredRuns runs(people.size());
    for (std::size_t k = 0; k < stored.memberships.size(); ++k) {
        const auto& m = stored.memberships[k];
        const auto p = people.find(m.person_id);
        if (p < 0) continue;
        runs.add(p, k);
        if (facts.replaced(p)) continue;
        facts.allocated[p] += m.allocation;
        add_maker_fte(p, teams.find(m.team_id), m.allocation);
    }
    keep_stored_allocations(in.memberships, member, stored, runs);
    facts.unchanged = unchanged_memberships(in.memberships, member, people, stored, runs, facts.incoming);
    // Only people with several incoming memberships can list a team twice; most have one.
    std::unordered_set<std::uint64_t> seen_pairs;
    for (std::size_t i = 0; i < n; ++i) {
        const auto& m = in.memberships.items[i];
        const auto loc = in.memberships.locs[i];
        if (!duplicate_rows.empty() && duplicate_rows.count({loc.source, loc.position})) continue;
        const long p = member[i];
        const long t = teams.find(m.team_id);
        if (p < 0) {
            problems.add(loc, "person", "unknown person '" + std::string(m.person_id) + "'; add them to the people file");
            continue;
        }
        add_maker_fte(p, t, m.allocation);
        if (t < 0)
            check_ref(teams, m.team_id, loc, "team", "team", problems);
        else if (facts.incoming[p] > 1 &&
                 !seen_pairs.insert(static_cast<std::uint64_t>(p) << 32 | static_cast<std::uint64_t>(t)).second)
            problems.add(loc, "team", fmt::format("'{}' is listed in team '{}' more than once; give one row with "
                                                  "the total allocation", m.person_id, m.team_id));
        const double total = facts.allocated[p] += m.allocation;
        if (total > 1.0 + kEpsilon && total - m.allocation <= 1.0 + kEpsilon)
            problems.add(loc, "allocation",
                         fmt::format("allocations of '{}' add up to {:.2f} here, more than 1.0; lower them "
                                     "so they sum to at most 1", m.person_id, total));
    }
    facts.person_of_row = std::move(member);
    return facts;
}

MakerTotals maker_totals(const PeopleIndex& people, const IdIndex& teams, const MembershipFacts& memberships) {
    MakerTotals makers;
    for (std::size_t t = 0; t < teams.size(); ++t)
        if (memberships.team_maker_fte[t] > 0) makers.team_fte.emplace_back(teams.id(t), memberships.team_maker_fte[t]);
    for (std::size_t p = 0; p < people.known; ++p)
        if (people.family[p] == Family::maker)
            makers.unallocated += people.fte(p) * std::max(0.0, 1.0 - memberships.allocated[p]);
    return makers;
}

} // namespace orgplan::importing
