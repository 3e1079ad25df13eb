#include "orgplan/planning/headcount_plan.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <thread>

#include "orgplan/planning/random_draws.hpp"

namespace orgplan {
namespace {

double quarterly(double yearly) { return 1.0 - std::pow(1.0 - std::clamp(yearly, 0.0, 1.0), 0.25); }

// Quarters from opening a role to a fully ramped PM, averaged over the mix: roles are opened for the makers
// there will be then, not for today's.
int horizon(const PlanInput& in) {
    double h = 0;
    for (const auto& k : in.hires) h += k.share * (k.lead_quarters + k.ramp_quarters);
    return static_cast<int>(std::lround(h));
}

// Maker FTE per quarter, far enough ahead for the hiring horizon.
std::vector<double> makers_by_quarter(const PlanInput& in) {
    const int last = in.quarters + horizon(in);
    std::vector<double> out(last + 1, 0.0);
    for (std::size_t t = 0; t < in.team_makers.size(); ++t) {
        const double g = t < in.team_growth.size() ? in.team_growth[t] : 0.0;
        double m = in.team_makers[t];
        for (int q = 0; q <= last; ++q) {
            out[q] += m;
            m *= 1.0 + g;
        }
    }
    for (const auto& [from, fte] : in.planned_makers)
        for (int q = std::max(from, 0); q <= last; ++q) out[q] = std::max(0.0, out[q] + fte);
    return out;
}

// Whole hires per origin this quarter so that cumulative hires follow the mix shares.
std::array<double, kHireKinds> split(double total_before, double total_after, const PlanInput& in) {
    std::array<double, kHireKinds> out{};
    double given = 0;
    for (std::size_t k = 0; k < kHireKinds; ++k) {
        out[k] = std::floor(total_after * in.hires[k].share + 1e-9) - std::floor(total_before * in.hires[k].share + 1e-9);
        given += out[k];
    }
    // Rounding leftovers go to the origins furthest behind their share.
    for (double left = (total_after - total_before) - given; left > 0.5; left -= 1) {
        std::size_t best = 0;
        double behind = -1e9;
        for (std::size_t k = 0; k < kHireKinds; ++k) {
            const double gap = total_after * in.hires[k].share - (std::floor(total_before * in.hires[k].share + 1e-9) + out[k]);
            if (in.hires[k].share > 0 && gap > behind) {
                behind = gap;
                best = k;
            }
        }
        out[best] += 1;
    }
    return out;
}

// A hire starts at most this many quarters late.
constexpr int kMostDelay = 4;

} // namespace

std::vector<QuarterPlan> project_headcount(const PlanInput& in) {
    const auto makers = makers_by_quarter(in);
    const int ahead = horizon(in);
    const double pm_leave = quarterly(in.pm_attrition), maker_leave = quarterly(in.maker_attrition);
    // Expected values: existing PMs decay by attrition; each cohort of hires decays from its start.
    double existing = in.pm_fte;
    struct Cohort {
        int opened, start;
        HireKind kind;
        double count;
    };
    std::vector<Cohort> cohorts;
    double hired_total = 0, novices = 0, seniors_added = 0, cost = 0;
    std::vector<QuarterPlan> out;
    for (int q = 1; q <= in.quarters; ++q) {
        QuarterPlan row;
        row.quarter = q;
        row.makers = makers[q];
        row.maker_backfills = makers[q - 1] * maker_leave;
        row.pm_attrition = existing * pm_leave;
        existing -= row.pm_attrition;
        for (auto& c : cohorts)
            if (q > c.start) {
                const double leaving = c.count * pm_leave;
                row.pm_attrition += leaving;
                c.count -= leaving;
            }
        // Open roles so that PMs on payroll or already hired reach the threshold when the new ones start.
        double pipeline = existing;
        for (const auto& c : cohorts) pipeline += c.count;
        const double need = std::max(0.0, std::ceil(makers[q + ahead] / in.threshold - pipeline - 1e-9));
        row.hires_opened = split(hired_total, hired_total + need, in);
        hired_total += need;
        for (std::size_t k = 0; k < kHireKinds; ++k)
            if (row.hires_opened[k] > 0)
                cohorts.push_back({q, q + in.hires[k].lead_quarters, static_cast<HireKind>(k), row.hires_opened[k]});
        row.pm_headcount = existing;
        row.pm_effective = existing;
        for (const auto& c : cohorts) {
            if (q < c.start) continue;
            const auto& profile = in.hires[static_cast<std::size_t>(c.kind)];
            row.pm_headcount += c.count;
            row.pm_effective += c.count * (q - c.start < profile.ramp_quarters ? in.ramp_factor : 1.0);
            if (q == c.start) {
                row.arrivals += c.count;
                cost += c.count * profile.yearly_cost;
                (profile.novice ? novices : seniors_added) += c.count;
            }
        }
        row.ratio = row.pm_effective > 0 ? row.makers / row.pm_effective : std::numeric_limits<double>::infinity();
        row.coaching_need = in.coaching_demand + novices * in.novice_hours;
        row.coaching_capacity = in.coaching_capacity + seniors_added * in.senior_hours;
        row.added_yearly_cost = cost;
        out.push_back(row);
    }
    return out;
}

namespace {

double quantile(std::vector<double>& v, double p) {
    if (v.empty()) return 0;
    const auto k = static_cast<std::size_t>(std::floor(p * (v.size() - 1) + 0.5));
    std::nth_element(v.begin(), v.begin() + static_cast<long>(k), v.end());
    return v[k];
}

// Hires travel in cohorts (same start quarter and kind, so the same ramp): a trial draws how many of a cohort
// leave, not each hire, and costs the same for ten PMs as for a hundred thousand.
struct Cohort {
    int start;
    HireKind kind;
    std::uint64_t count;
};

// What every trial shares, and where each writes: quarter q's trials sit at (q - 1) * trials + trial.
struct Trials {
    const PlanInput& in;
    int count;
    std::uint64_t seed;
    double delay_probability;
    std::vector<double> makers;
    int ahead;
    double pm_leave, fte_per_pm;
    std::vector<double> pms, ratios;
};

// Each hire starts up to kMostDelay quarters late, one more quarter with chance delay_probability.
void open_roles(SplitMix& rng, const Trials& t, int q, const std::array<double, kHireKinds>& opened,
                std::vector<Cohort>& cohorts) {
    for (std::size_t k = 0; k < kHireKinds; ++k) {
        auto left = static_cast<std::uint64_t>(std::max(0.0, opened[k]));
        for (int delay = 0; delay <= kMostDelay && left > 0; ++delay) {
            const auto on_time = delay == kMostDelay ? left : binomial(rng, left, 1 - t.delay_probability);
            if (on_time) cohorts.push_back({q + t.in.hires[k].lead_quarters + delay, static_cast<HireKind>(k), on_time});
            left -= on_time;
        }
    }
}

void run_trial(Trials& t, int trial, std::vector<Cohort>& cohorts) {
    const auto& in = t.in;
    SplitMix rng{t.seed ^ (0xD1B54A32D192ED03ULL * static_cast<std::uint64_t>(trial + 1))};
    cohorts.clear();
    std::uint64_t existing = in.pm_count;
    double hired_total = 0;
    for (int q = 1; q <= in.quarters; ++q) {
        existing -= binomial(rng, existing, t.pm_leave);
        double pipeline = static_cast<double>(existing) * t.fte_per_pm;
        for (auto& c : cohorts) {
            if (q > c.start) c.count -= binomial(rng, c.count, t.pm_leave);
            pipeline += static_cast<double>(c.count);
        }
        const double need = std::max(0.0, std::ceil(t.makers[q + t.ahead] / in.threshold - pipeline - 1e-9));
        open_roles(rng, t, q, split(hired_total, hired_total + need, in), cohorts);
        hired_total += need;
        double headcount = static_cast<double>(existing) * t.fte_per_pm, eff = headcount;
        for (const auto& c : cohorts) {
            if (q < c.start) continue;
            const auto n = static_cast<double>(c.count);
            headcount += n;
            eff += n * (q - c.start < in.hires[static_cast<std::size_t>(c.kind)].ramp_quarters ? in.ramp_factor : 1.0);
        }
        const auto at = static_cast<std::size_t>(q - 1) * t.count + trial;
        t.pms[at] = headcount;
        t.ratios[at] = eff > 0 ? t.makers[q] / eff : std::numeric_limits<double>::infinity();
    }
}

QuarterRisk quarter_risk(const Trials& t, int q) {
    const auto begin = static_cast<std::size_t>(q - 1) * t.count;
    std::vector<double> p(t.pms.begin() + begin, t.pms.begin() + begin + t.count);
    std::vector<double> r(t.ratios.begin() + begin, t.ratios.begin() + begin + t.count);
    QuarterRisk row;
    row.quarter = q;
    const double threshold = t.in.threshold;
    row.within_target =
        t.count ? static_cast<double>(std::count_if(r.begin(), r.end(), [&](double x) { return x <= threshold + 1e-9; })) /
                      t.count
                : 0;
    row.pm_p10 = quantile(p, 0.1);
    row.pm_p50 = quantile(p, 0.5);
    row.pm_p90 = quantile(p, 0.9);
    row.ratio_p10 = quantile(r, 0.1);
    row.ratio_p50 = quantile(r, 0.5);
    row.ratio_p90 = quantile(r, 0.9);
    return row;
}

} // namespace

std::vector<QuarterRisk> simulate_headcount(const PlanInput& in, int trials, std::uint64_t seed,
                                            double delay_probability, unsigned threads) {
    Trials t{in, trials, seed, delay_probability, makers_by_quarter(in), horizon(in), quarterly(in.pm_attrition),
             in.pm_count ? in.pm_fte / in.pm_count : 1.0, {}, {}};
    t.pms.resize(static_cast<std::size_t>(in.quarters) * trials);
    t.ratios.resize(t.pms.size());
    threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(std::max(1, trials))));
    std::vector<std::thread> pool;
    for (unsigned k = 0; k < threads; ++k) {
        const auto first = static_cast<int>(trials * k / threads), last = static_cast<int>(trials * (k + 1) / threads);
        pool.emplace_back([&t, first, last] {
            std::vector<Cohort> cohorts;
            for (int trial = first; trial < last; ++trial) run_trial(t, trial, cohorts);
        });
    }
    for (auto& thread : pool) thread.join();

    std::vector<QuarterRisk> out;
    for (int q = 1; q <= in.quarters; ++q) out.push_back(quarter_risk(t, q));
    return out;
}

} // namespace orgplan
