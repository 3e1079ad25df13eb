#include "orgplan/analysis/alignment.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "orgplan/model/enums.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/analysis/ratios.hpp"

namespace orgplan {

ProposalMetrics evaluate(const Org& org, const std::vector<Assignment>& assignments, double threshold,
                         double max_spread) {
    return evaluate(CoverageBasis(org), org, assignments, threshold, max_spread);
}

ProposalMetrics evaluate(const CoverageBasis& basis, const Org& org, const std::vector<Assignment>& assignments,
                         double threshold, double max_spread) {
    ProposalMetrics m;
    std::vector<std::size_t> teams_per_pm;
    const auto c = basis.cover(assignments, &teams_per_pm);
    std::vector<double> ratios;
    const auto& segment_of = basis.segments();
    std::set<std::string> covered_segments;
    for (std::size_t t = 0; t < org.teams.size(); ++t) {
        const double makers = c.team_makers[t], pm = c.team_pm[t];
        if (makers <= 1e-12) continue;
        ++m.teams;
        m.pm_fte_needed += std::max(0.0, makers / threshold - pm);
        if (pm <= 1e-12) {
            ++m.uncovered_teams;
            continue;
        }
        ratios.push_back(makers / pm);
        if (!segment_of[t].empty()) covered_segments.insert(segment_of[t]);
    }
    std::set<std::string> covered_accounts, covered_initiatives;
    for (const auto& a : assignments) {
        if (a.kind == TargetKind::segment) covered_segments.insert(a.target_id);
        if (a.kind == TargetKind::account) covered_accounts.insert(a.target_id);
        if (a.kind == TargetKind::initiative) covered_initiatives.insert(a.target_id);
    }
    m.segments = org.segments.size();
    m.segments_covered = covered_segments.size();
    m.accounts = org.accounts.size();
    m.accounts_covered = covered_accounts.size();
    m.initiatives = org.initiatives.size();
    m.initiatives_covered = covered_initiatives.size();
    for (const auto n : teams_per_pm)
        if (n > max_spread) ++m.thin_pms;
    if (!ratios.empty()) {
        std::sort(ratios.begin(), ratios.end());
        m.max_ratio = ratios.back();
        const auto n = ratios.size();
        m.median_ratio = n % 2 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
    }
    std::size_t pms = 0;
    for (const auto& p : org.people) pms += p.family == Family::pm;
    const double teams = std::max<std::size_t>(1, m.teams);
    const double pm_fte = std::max(1.0, c.pm_fte_total);
    const double median_penalty = m.median_ratio ? std::min(1.0, std::max(0.0, *m.median_ratio / threshold - 1)) : 1.0;
    m.score = 100.0 * (1.0 - 0.40 * m.uncovered_teams / teams - 0.30 * std::min(1.0, m.pm_fte_needed / pm_fte) -
                       0.15 * static_cast<double>(m.thin_pms) / std::max<std::size_t>(1, pms) - 0.15 * median_penalty);
    return m;
}

} // namespace orgplan
