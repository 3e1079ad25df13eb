// Helpers shared by the built-in plugins (linked into each library; not part of the SDK).
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "orgplan/principle.hpp"

namespace orgplan::builtin {

/// A setting with a fallback when the host did not send it.
double setting(const sdk::Settings& s, const std::string& key, double fallback);
/// A numeric --param in [low, high] (shares and weights by default); throws std::invalid_argument naming the
/// parameter and its range when it is not a finite number in it.
double param(const sdk::Params& p, const std::string& key, double fallback, double low = 0, double high = 1);

/// Each team's segment: its own, else its product's.
std::vector<std::string> team_segments(const Org& org);

/// Something PMs are aligned to: a team, product, segment, initiative or account, with the teams it covers.
struct Unit {
    TargetKind kind = TargetKind::team;
    std::string id;
    double makers = 0;
    std::vector<std::size_t> teams;
};

/// Units for every product with teams; teams without a product become team units.
std::vector<Unit> product_units(const Org& org, const sdk::Coverage& c);
/// Units for every segment with teams; teams without a segment become team units.
std::vector<Unit> segment_units(const Org& org, const sdk::Coverage& c);
/// One unit per team with makers; `keep` filters teams (nullptr keeps all).
std::vector<Unit> team_units(const Org& org, const sdk::Coverage& c, bool (*keep)(const Team&) = nullptr);

/// A PM available for assignment, with how much of their time is still free.
struct PmSlot {
    std::string id;
    double fte = 1;
    double pm_years = 0; ///< -1 when unknown, so those PMs come after everyone whose experience is known
    double free_share = 1;
};
/// The org's PMs, most experienced first, those of unknown experience last.
std::vector<PmSlot> pm_slots(const Org& org);

/// Fills units with PM time so no unit exceeds the target ratio when headcount allows. PMs first stay on the
/// unit they mostly cover today (continuity), then the freest PM takes the largest uncovered unit. When PMs
/// are too few for the threshold, every unit is filled to the same, higher ratio and the rationale says so.
void fill_units(const std::vector<Unit>& units, std::vector<PmSlot>& pms, const sdk::Coverage& current,
                double threshold, sdk::Proposal& out, const std::string& unit_word);

/// Gives each PM in `pms` an even share of `units` (kind from the units) with the PM's free time.
void spread_evenly(const std::vector<Unit>& units, std::vector<PmSlot>& pms, sdk::Proposal& out);

std::string fixed(double v, int decimals = 1);

/// The names of the people whose ids are keys of `names` (one pass over the org; ids not found keep their value).
/// Diagnostics name a handful of people: indexing a million of them for that would cost more than the check.
void fill_names(const Org& org, std::unordered_map<std::string, std::string>& names);

} // namespace orgplan::builtin
