#include "orgplan/analysis/ratio_filter.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "orgplan/base/error.hpp"
#include "orgplan/model/lookup.hpp"

namespace orgplan {
namespace {

constexpr const char* kNone = "(none)"; // the row id of teams without a product or segment, as compute_ratios gives

template <typename Items>
void require_known(const Items& items, const std::string& id, const char* option, const char* what) {
    if (id.empty() || id == kNone) return;
    if (!has_id(items, id))
        throw Error(std::string(option) + " '" + id + "': the org has no " + what + " with that id (orgplan ratios --by " +
                    what + " lists them)");
}

// Everyone reporting to `leader` at any depth.
std::unordered_set<std::string> below(const Org& org, const std::string& leader) {
    std::unordered_map<std::string, std::vector<const Text*>> reports;
    for (const auto& p : org.people) reports[p.manager_id].push_back(&p.id);
    std::unordered_set<std::string> out;
    std::vector<std::string> todo{leader};
    while (!todo.empty()) {
        const auto id = std::move(todo.back());
        todo.pop_back();
        for (const auto* r : reports[id])
            if (out.insert(*r).second) todo.push_back(*r);
    }
    return out;
}

} // namespace

void filter_ratio_rows(RatioReport& report, const Org& org, const RatioFilter& filter) {
    if (filter.empty()) return;
    const bool by_teams = !filter.segment.empty() || !filter.product.empty();
    if (by_teams && report.by != "team" && report.by != "product" && report.by != "segment")
        throw Error("--segment and --product go with --by team, product or segment (not " + report.by + ")");
    require_known(org.segments, filter.segment, "--segment", "segment");
    require_known(org.products, filter.product, "--product", "product");
    if (!filter.leader.empty()) {
        if (report.by != "team" && report.by != "pm")
            throw Error("--leader goes with --by team or pm (not " + report.by + ")");
        if (!has_id(org.people, filter.leader))
            throw Error("--leader '" + filter.leader + "': no person with that id (orgplan ratios --by leader lists "
                        "the leaders)");
    }
    if (!filter.status.empty()) {
        static const char* statuses[] = {"no_pm", "over", "no_makers", "ok", "empty"};
        if (std::none_of(std::begin(statuses), std::end(statuses), [&](const char* s) { return filter.status == s; }))
            throw Error("--status '" + filter.status + "': use no_pm, over, no_makers, ok or empty");
    }
    // The ids of the rows that cover a matching team, at the report's level.
    std::unordered_set<std::string> kept;
    if (by_teams) {
        const auto segments = effective_segments(org);
        for (std::size_t t = 0; t < org.teams.size(); ++t) {
            const auto& team = org.teams[t];
            const auto segment = segments[t].empty() ? kNone : segments[t];
            const std::string product = team.product_id.empty() ? std::string(kNone) : team.product_id.str();
            if (!filter.segment.empty() && segment != filter.segment) continue;
            if (!filter.product.empty() && product != filter.product) continue;
            kept.insert(report.by == "team" ? team.id.str() : report.by == "product" ? product : segment);
        }
    }
    std::unordered_set<std::string> under, led_teams;
    if (!filter.leader.empty()) {
        under = below(org, filter.leader);
        for (const auto& m : org.memberships)
            if (under.count(m.person_id)) led_teams.insert(m.team_id);
    }
    const auto led = [&](const RatioRow& row) {
        if (report.by == "pm") return under.count(row.id) > 0;
        if (row.pm_ids.empty()) return led_teams.count(row.id) > 0;
        return std::any_of(row.pm_ids.begin(), row.pm_ids.end(), [&](const std::string& pm) { return under.count(pm) > 0; });
    };
    auto& rows = report.rows;
    rows.erase(std::remove_if(rows.begin(), rows.end(),
                              [&](const RatioRow& row) {
                                  if (by_teams && !kept.count(row.id)) return true;
                                  if (!filter.leader.empty() && !led(row)) return true;
                                  return !filter.status.empty() && to_string(row.status) != filter.status;
                              }),
               rows.end());
}

} // namespace orgplan
