// Coaching supply and demand: who is a novice, who can mentor, and each product leader's balance.
#pragma once

#include "orgplan/org.hpp"
#include "orgplan/diagnostic.hpp"
#include "orgplan/model/settings.hpp"

namespace orgplan {

/// Whether the data says enough to call a PM novice or not: their years of PM experience, or an internal transfer
/// (a novice whatever the years). Unknown experience is not a value: such a PM is neither novice nor senior.
bool experience_known(const Person& pm);
/// A PM is a novice under coaching.novice_years of PM experience, or when they came as an internal transfer.
bool is_novice(const Person& pm, const Settings& settings);
/// A PM can mentor when not a novice and with at least coaching.senior_years of PM experience (known).
bool is_senior(const Person& pm, const Settings& settings);

/// Groups novices and seniors under their nearest product leader (walking up the manager chain).
sdk::Coaching coaching_groups(const Org& org, const Settings& settings);
/// Both sides of mentoring: the groups, and the senior PMs with no product leader above them (a flat org), who
/// can still mentor outside any group. One walk of the reporting lines for both.
struct CoachingSides {
    sdk::Coaching groups;
    std::vector<std::string> leaderless_seniors; ///< in people order
};
CoachingSides coaching_sides(const Org& org, const Settings& settings);

struct CoachingBalance {
    double capacity = 0; ///< weekly hours leaders and seniors can give
    double demand = 0;   ///< weekly hours novices need
    double spare() const { return capacity > demand ? capacity - demand : 0; }
};
CoachingBalance coaching_balance(const sdk::Coaching& coaching);
/// The whole org's balance: the groups' plus the hours of seniors with no leader above them.
CoachingBalance coaching_balance(const Org& org, const Settings& settings);

} // namespace orgplan
