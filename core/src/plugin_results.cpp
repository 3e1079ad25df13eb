#include "orgplan/plugin_results.hpp"

#include <cmath>
#include <set>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include "orgplan/enums.hpp"
#include "orgplan/error.hpp"

namespace orgplan {
namespace {

constexpr int kTargetKinds = 5;

bool valid_kind(TargetKind kind) {
    const auto k = static_cast<int>(kind);
    return k >= 0 && k < kTargetKinds;
}

// Collects problems and throws them together, the first few listed.
class Problems {
public:
    explicit Problems(std::string source) : source_(std::move(source)) {}
    void add(std::string problem) { list_.push_back(std::move(problem)); }
    void raise_any(const std::string& what) const {
        if (list_.empty()) return;
        std::string message = source_ + " returned " + what + ":";
        for (std::size_t i = 0; i < list_.size() && i < 5; ++i) message += "\n  " + list_[i];
        if (list_.size() > 5) message += fmt::format("\n  ... and {} more", list_.size() - 5);
        throw Error(message);
    }

private:
    std::string source_;
    std::vector<std::string> list_;
};

bool finite_non_negative(double v) { return std::isfinite(v) && v >= 0; }

} // namespace

void validate_assignments(const Org& org, const std::vector<Assignment>& assignments, const std::string& source) {
    std::unordered_map<std::string, Family> family;
    for (const auto& p : org.people) family.emplace(p.id, p.family);
    std::set<std::string> ids[kTargetKinds];
    for (const auto& t : org.teams) ids[static_cast<int>(TargetKind::team)].insert(t.id);
    for (const auto& p : org.products) ids[static_cast<int>(TargetKind::product)].insert(p.id);
    for (const auto& s : org.segments) ids[static_cast<int>(TargetKind::segment)].insert(s.id);
    for (const auto& i : org.initiatives) ids[static_cast<int>(TargetKind::initiative)].insert(i.id);
    for (const auto& a : org.accounts) ids[static_cast<int>(TargetKind::account)].insert(a.id);
    Problems problems(source);
    std::unordered_map<std::string, double> total;
    std::set<std::tuple<std::string, int, std::string>> seen;
    for (const auto& a : assignments) {
        auto f = family.find(a.pm_id);
        if (f == family.end() || f->second != Family::pm) problems.add("'" + a.pm_id + "' is not a PM of this org");
        if (!valid_kind(a.kind)) {
            problems.add(fmt::format("target kind {} of '{}' is not one of team, product, segment, initiative, account",
                                     static_cast<int>(a.kind), a.pm_id));
            continue;
        }
        if (!ids[static_cast<int>(a.kind)].count(a.target_id))
            problems.add("unknown " + std::string(to_string(a.kind)) + " '" + a.target_id + "'");
        if (!(std::isfinite(a.share) && a.share > 0 && a.share <= 1))
            problems.add(fmt::format("share {} of '{}' is not greater than 0 and at most 1", a.share, a.pm_id));
        if (!seen.emplace(a.pm_id, static_cast<int>(a.kind), a.target_id).second)
            problems.add(fmt::format("'{}' is assigned to {} '{}' more than once", a.pm_id, to_string(a.kind),
                                     a.target_id));
        total[a.pm_id] += a.share;
    }
    for (const auto& [pm, share] : total)
        if (share > 1 + 1e-6) problems.add(fmt::format("shares of '{}' add up to {}", pm, share));
    problems.raise_any("invalid assignments");
}

void validate_hiring_plan(const sdk::HiringPlan& plan, const std::string& source) {
    Problems problems(source);
    for (std::size_t i = 0; i < plan.groups.size(); ++i) {
        const auto& g = plan.groups[i];
        const auto origin = static_cast<int>(g.origin);
        if (origin <= static_cast<int>(Origin::unknown) || origin > static_cast<int>(Origin::newcomer))
            problems.add(fmt::format("group {}: origin {} is not external_senior, internal_transfer or newcomer", i + 1,
                                     origin));
        for (const auto& [name, value] : {std::pair<const char*, double>{"count", g.count},
                                          {"unit_cost", g.unit_cost},
                                          {"coaching_need_hours", g.coaching_need_hours},
                                          {"coaching_give_hours", g.coaching_give_hours}})
            if (!finite_non_negative(value))
                problems.add(fmt::format("group {}: {} is {}, not a number of at least 0", i + 1, name, value));
        for (const auto& [name, value] : {std::pair<const char*, double>{"lead_quarters", g.lead_quarters},
                                          {"ramp_quarters", g.ramp_quarters}})
            if (!(std::isfinite(value) && value >= 0 && value <= 40))
                problems.add(fmt::format("group {}: {} is {}, not a number of quarters from 0 to 40", i + 1, name,
                                         value));
    }
    for (const auto& [name, value] : {std::pair<const char*, double>{"total_cost", plan.total_cost},
                                      {"coaching_need_hours", plan.coaching_need_hours},
                                      {"coaching_give_hours", plan.coaching_give_hours}})
        if (!finite_non_negative(value)) problems.add(fmt::format("{} is {}, not a number of at least 0", name, value));
    problems.raise_any("an invalid hiring plan");
}

void validate_findings(const std::vector<sdk::Finding>& findings, const std::string& source) {
    Problems problems(source);
    for (std::size_t i = 0; i < findings.size(); ++i) {
        const auto severity = static_cast<std::uint32_t>(findings[i].severity);
        if (severity > static_cast<std::uint32_t>(sdk::Severity::error))
            problems.add(fmt::format("finding {}: severity {} is not info, warning or error", i + 1, severity));
        if (findings[i].check.empty()) problems.add(fmt::format("finding {}: no check name", i + 1));
    }
    problems.raise_any("invalid findings");
}

} // namespace orgplan
