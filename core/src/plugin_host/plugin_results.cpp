#include "orgplan/plugin_host/plugin_results.hpp"
#include "orgplan/model/targets.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string_view>

#include <fmt/format.h>

#include "orgplan/model/enums.hpp"
#include "orgplan/base/error.hpp"
#include "../base/view_map.hpp"

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
    // Ids are numbered through views into the org, and each row packed into one number: a role split proposes
    // hundreds of thousands of rows, and a set of copied keys per row was a fifth of align --compare. Only PMs are
    // indexed: anyone else is "not a PM" whether or not they are in the org, and PMs are a tenth of it.
    ViewMap<std::uint64_t> pms;
    for (const auto& p : org.people)
        if (p.family == Family::pm) pms.emplace(p.id, pms.size());
    ViewMap<std::uint64_t> ids[kTargetKinds];
    for (int k = 0; k < kTargetKinds; ++k) {
        auto& of_kind = ids[k];
        for_each_target(org, static_cast<TargetKind>(k), [&](std::string_view id) { of_kind.emplace(id, of_kind.size()); });
    }
    Problems problems(source);
    ViewMap<double> total;
    std::vector<std::string_view> pm_order; // shares are reported in the order PMs first appear
    std::vector<std::pair<std::uint64_t, std::size_t>> keys; // (PM, kind, target) packed, row
    keys.reserve(assignments.size());
    for (std::size_t i = 0; i < assignments.size(); ++i) {
        const auto& a = assignments[i];
        const auto person = pms.find(a.pm_id);
        const bool pm = person != pms.end();
        if (!pm) problems.add("'" + a.pm_id + "' is not a PM of this org");
        if (!valid_kind(a.kind)) {
            problems.add(fmt::format("target kind {} of '{}' is not one of team, product, segment, initiative, account",
                                     static_cast<int>(a.kind), a.pm_id));
            continue;
        }
        const auto& of_kind = ids[static_cast<int>(a.kind)];
        auto target = of_kind.find(a.target_id);
        if (target == of_kind.end())
            problems.add("unknown " + std::string(to_string(a.kind)) + " '" + a.target_id + "'");
        if (!(std::isfinite(a.share) && a.share > 0 && a.share <= 1))
            problems.add(fmt::format("share {} of '{}' is not greater than 0 and at most 1", a.share, a.pm_id));
        if (pm && target != of_kind.end())
            keys.emplace_back((person->second << 35) | (static_cast<std::uint64_t>(a.kind) << 32) |
                                  target->second,
                              i);
        const auto [it, fresh] = total.emplace(a.pm_id, 0.0);
        if (fresh) pm_order.push_back(a.pm_id);
        it.value() += a.share;
    }
    std::sort(keys.begin(), keys.end());
    for (std::size_t k = 1; k < keys.size(); ++k)
        if (keys[k].first == keys[k - 1].first) {
            const auto& a = assignments[keys[k].second];
            problems.add(fmt::format("'{}' is assigned to {} '{}' more than once", a.pm_id, to_string(a.kind),
                                     a.target_id));
        }
    for (const auto pm : pm_order)
        if (const double share = total.at(pm); share > 1 + 1e-6)
            problems.add(fmt::format("shares of '{}' add up to {}", pm, share));
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
