// Who coaches whom: an optimal assignment of novice PMs to leaders and senior mentors (docs/mentoring.md).
#pragma once

#include <string>
#include <vector>

#include "orgplan/storage/database.hpp"

#include "orgplan/org.hpp"
#include "orgplan/model/settings.hpp"

namespace orgplan {

struct Pairing {
    std::string mentor_id;
    std::string novice_id;
    double hours = 0;
    int cost = 0;                 ///< 0 best .. 10 worst (see pairing_cost)
    std::vector<std::string> why; ///< what the two share: product, segment, location, leader
};

struct MentorLoad {
    std::string mentor_id;
    bool leader = false;
    double capacity_hours = 0;
    double used_hours = 0;
};

struct MentoringPlan {
    std::vector<Pairing> pairings;       ///< sorted by mentor, then novice
    std::vector<MentorLoad> mentors;     ///< every possible mentor, busiest first
    std::vector<std::string> uncovered;  ///< novices left without coaching
    std::vector<std::string> experience_unknown; ///< PMs without pm_years: neither matched as novices nor as mentors
    std::size_t novices = 0;
    long total_cost = 0;
    double novice_hours = 1;
    std::string recommendation;
};

/// A pair's cost: 10, less 4 when mentor and novice share a product, 2 a segment, 3 a location, and 1 when the
/// mentor is the novice's nearest product leader or works under the same one. The base is at most 255 (the flow keeps
/// a pair's cost in a byte).
struct PairingCosts {
    int base = 10, product = 4, segment = 2, location = 3, leader = 1;
};

/// Assigns every novice (under coaching.novice_years of PM experience, or an internal transfer) one mentor with
/// minimum total cost, covering as many novices as capacity allows (min-cost max-flow). Mentors are product
/// leaders (coaching.leader_hours or their coaching_hours) and senior PMs (coaching.senior_hours). Each novice
/// weighs its `candidates` best-matching mentors exactly and any other mentor at the base cost, which keeps
/// large orgs fast; with fewer mentors than that the result is exactly optimal.
MentoringPlan plan_mentoring(const Org& org, const Settings& settings, std::size_t candidates = 48,
                             const PairingCosts& costs = {});

} // namespace orgplan
