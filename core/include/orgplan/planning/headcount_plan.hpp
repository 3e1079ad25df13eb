// Quarter-by-quarter PM headcount and capacity planning, deterministic and Monte Carlo (docs/planning.md).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace orgplan {

/// Hire origins in plan order: seasoned senior, internal transfer, newcomer.
enum class HireKind { senior = 0, transfer = 1, newcomer = 2 };
inline constexpr std::size_t kHireKinds = 3;

struct HireProfile {
    double share = 0;       ///< of all hires, from the hiring mix
    int lead_quarters = 0;  ///< quarters from opening the role to the start date
    int ramp_quarters = 0;  ///< quarters counting as a fraction of a PM
    double yearly_cost = 0;
    bool novice = false;    ///< needs coaching (transfers and newcomers)
};

struct PlanInput {
    int quarters = 8;
    std::vector<double> team_makers;   ///< maker FTE per team today
    double unassigned_makers = 0;      ///< maker FTE in no team; in team_makers (last entry) only when asked
    std::vector<double> team_growth;   ///< quarterly growth per team (same size), e.g. 0.05
    /// Planned maker positions counted (plan --planned): (plan quarter it counts from, FTE: + open role, - departure).
    std::vector<std::pair<int, double>> planned_makers;
    double pm_fte = 0;                 ///< PM FTE today
    std::size_t pm_count = 0;          ///< PMs today (people), for the simulation
    double threshold = 10;
    double pm_attrition = 0.12;        ///< yearly
    double maker_attrition = 0.10;     ///< yearly; makers who leave are backfilled, shown as backfills
    double ramp_factor = 0.5;
    std::array<HireProfile, kHireKinds> hires{};
    double novice_hours = 1, senior_hours = 2;
    double coaching_capacity = 0;      ///< weekly hours of leaders and seniors today
    double coaching_demand = 0;        ///< weekly hours novices need today
};

struct QuarterPlan {
    int quarter = 0;
    double makers = 0;
    double maker_backfills = 0;
    double pm_headcount = 0;            ///< PM FTE on payroll, ramping or not
    double pm_effective = 0;            ///< ramping hires count ramp_factor
    double ratio = 0;                   ///< infinite while there is no effective PM
    std::array<double, kHireKinds> hires_opened{};
    double arrivals = 0;
    double pm_attrition = 0;
    double coaching_need = 0;
    double coaching_capacity = 0;
    double added_yearly_cost = 0;       ///< run-rate of everyone hired so far
};

/// Projects expected values: each quarter opens the whole PM roles needed so that, by the time a new hire is
/// ramped (the mix's average lead time plus ramp-up), PMs on payroll and in the pipeline hold the threshold for
/// the makers there will be then; roles are split by the mix, tracked cumulatively so small quarters round fairly.
std::vector<QuarterPlan> project_headcount(const PlanInput& input);

struct QuarterRisk {
    int quarter = 0;
    double within_target = 0; ///< share of trials whose org ratio is at or under the threshold
    double pm_p10 = 0, pm_p50 = 0, pm_p90 = 0;
    double ratio_p10 = 0, ratio_p50 = 0, ratio_p90 = 0;
};

/// Monte Carlo over `trials`: each PM leaves in a quarter with the quarterly share of yearly attrition, and each
/// hire starts after its lead time plus extra quarters drawn with `delay_probability` each (at most 4). Trials are
/// seeded from `seed` and their index, so the answer does not depend on `threads`.
std::vector<QuarterRisk> simulate_headcount(const PlanInput& input, int trials, std::uint64_t seed,
                                            double delay_probability, unsigned threads = 2);

} // namespace orgplan
