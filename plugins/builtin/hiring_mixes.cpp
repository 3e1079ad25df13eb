// Built-in hiring mixes: how a number of PM hires splits into seasoned seniors, internal transfers and
// newcomers, with cost, time to hire, ramp-up and mentoring load.
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "orgplan/hiring_mix.hpp"
#include "support.hpp"

namespace orgplan::builtin {
namespace {

// Splits `total` into parts proportional to `weights`; whole numbers when `total` is whole (largest remainder).
std::vector<double> apportion(double total, const std::vector<double>& weights) {
    double sum = 0;
    for (double w : weights) sum += w;
    std::vector<double> out(weights.size(), 0.0);
    if (sum <= 0) return out;
    if (std::abs(total - std::round(total)) > 1e-9) {
        for (std::size_t i = 0; i < weights.size(); ++i) out[i] = total * weights[i] / sum;
        return out;
    }
    std::vector<std::pair<double, std::size_t>> remainders;
    double given = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const double exact = total * weights[i] / sum;
        out[i] = std::floor(exact);
        given += out[i];
        remainders.push_back({exact - out[i], i});
    }
    std::stable_sort(remainders.begin(), remainders.end(), [](auto& a, auto& b) { return a.first > b.first; });
    for (std::size_t k = 0; given < std::round(total) - 1e-9; ++k, ++given) out[remainders[k].second] += 1;
    return out;
}

// Median yearly cost of the org's PMs, or 0 when salaries are unknown.
double median_pm_cost(const Org& org) {
    std::vector<double> costs;
    for (const auto& p : org.people)
        if (p.family == Family::pm && p.cost) costs.push_back(*p.cost);
    if (costs.empty()) return 0;
    std::sort(costs.begin(), costs.end());
    const auto n = costs.size();
    return n % 2 ? costs[n / 2] : (costs[n / 2 - 1] + costs[n / 2]) / 2;
}

template <int Senior, int Transfer, int Newcomer>
class Mix final : public sdk::HiringMix {
public:
    sdk::HiringPlan plan(const sdk::HiringRequest& r) const override {
        if (r.hires < 0) throw std::invalid_argument("the number of hires cannot be negative");
        const std::vector<double> weights = {param(r.params, "senior", Senior / 100.0),
                                             param(r.params, "transfer", Transfer / 100.0),
                                             param(r.params, "newcomer", Newcomer / 100.0)};
        for (double w : weights)
            if (w < 0) throw std::invalid_argument("mix shares cannot be negative");
        if (weights[0] + weights[1] + weights[2] <= 0) throw std::invalid_argument("mix shares add up to 0");
        const auto counts = apportion(r.hires, weights);
        const auto& s = r.settings;
        const double base = median_pm_cost(r.org);
        const double novice_hours = setting(s, "coaching.novice_hours", 1);
        const double senior_hours = setting(s, "coaching.senior_hours", 2);
        const struct {
            Origin origin;
            const char* key;
        } kinds[] = {{Origin::external_senior, "senior"},
                     {Origin::internal_transfer, "transfer"},
                     {Origin::newcomer, "newcomer"}};
        sdk::HiringPlan plan;
        for (std::size_t i = 0; i < 3; ++i) {
            sdk::HireGroup g;
            g.origin = kinds[i].origin;
            g.count = counts[i];
            const std::string key = kinds[i].key;
            const double relative = setting(s, "hire.cost_" + key, i == 0 ? 1.0 : i == 1 ? 0.8 : 0.6);
            g.unit_cost = base > 0 ? base * relative : relative;
            g.lead_quarters = setting(s, "hire.lead_" + key, i == 1 ? 0 : 1);
            g.ramp_quarters = setting(s, "hire.ramp_" + key, i == 0 ? 1 : i == 1 ? 2 : 3);
            // Transfers are novices as PMs whatever their years elsewhere; newcomers are novices by definition.
            g.coaching_need_hours = i == 0 ? 0 : novice_hours;
            g.coaching_give_hours = i == 0 ? senior_hours : 0;
            plan.total_cost += g.count * g.unit_cost;
            plan.coaching_need_hours += g.count * g.coaching_need_hours;
            plan.coaching_give_hours += g.count * g.coaching_give_hours;
            plan.groups.push_back(g);
        }
        plan.notes.push_back(base > 0 ? "costs are yearly, from the median PM cost in the org (" + fixed(base, 0) + ")"
                                      : "costs are relative: a seasoned senior is 1.0");
        return plan;
    }
};

} // namespace
} // namespace orgplan::builtin

using namespace orgplan;
using namespace orgplan::builtin;

ORGPLAN_PLUGIN_LIBRARY(
    sdk::hiring_mix<Mix<40, 40, 20>>("balanced", "1.0.0", "40% seasoned seniors, 40% internal transfers, 20% newcomers"),
    sdk::hiring_mix<Mix<80, 20, 0>>("senior-heavy", "1.0.0", "80% seasoned seniors, 20% internal transfers"),
    sdk::hiring_mix<Mix<20, 70, 10>>("internal-first", "1.0.0", "20% seniors, 70% internal transfers, 10% newcomers"),
    sdk::hiring_mix<Mix<20, 20, 60>>("growth", "1.0.0", "20% seniors, 20% transfers, 60% newcomers"))
