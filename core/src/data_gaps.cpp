#include "orgplan/data_gaps.hpp"

#include <algorithm>
#include <set>
#include <unordered_set>

#include <fmt/format.h>

#include "orgplan/enums.hpp"
#include "orgplan/ratios.hpp"

namespace orgplan {
namespace {

constexpr double kTiny = 1e-9;
constexpr std::size_t kExamples = 5;

// Collects the ids of one gap, keeping the first few as examples.
struct Found {
    std::size_t count = 0;
    std::vector<std::string> examples;
    void add(const std::string& id) {
        if (++count <= kExamples) examples.push_back(id);
    }
};

void add_gap(std::vector<DataGap>& out, const Found& f, std::string id, std::string what, std::string affects,
             std::string fix) {
    if (f.count == 0) return;
    out.push_back({std::move(id), std::move(what), f.count, f.examples, std::move(affects), std::move(fix)});
}

std::string count_of(std::size_t n, const char* one, const char* many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}
std::string people(std::size_t n) { return count_of(n, "person", "people"); }
std::string pms(std::size_t n) { return count_of(n, "PM", "PMs"); }
std::string teams(std::size_t n) { return count_of(n, "team", "teams"); }

} // namespace

std::vector<DataGap> find_data_gaps(const Org& org, const TitleRules& rules,
                                    const std::unordered_map<std::string, std::string>& family_source) {
    std::vector<DataGap> out;
    std::unordered_set<std::string> ids;
    for (const auto& p : org.people) ids.insert(p.id);

    // PM experience: 0 years is what a missing pm_years column stores, and every such PM counts as a novice.
    Found no_years;
    for (const auto& p : org.people)
        if (p.family == Family::pm && p.pm_years <= kTiny) no_years.add(p.id);
    add_gap(out, no_years, "pm-experience",
            fmt::format("{} with 0 years of PM experience, counted as novices needing coaching (a missing pm_years "
                        "column stores 0)",
                        pms(no_years.count)),
            "novice coaching, mentoring plan, hire and plan coaching load, novice-coaching findings",
            "add a pm_years column (years of product management) to the people file; 0 only for PMs new to the role");

    // The reporting tree: only the top has no manager; more roots are fragments.
    Found no_manager;
    std::unordered_map<std::string, std::size_t> directs;
    for (const auto& p : org.people)
        if (!p.manager_id.empty()) ++directs[p.manager_id];
    std::vector<std::size_t> heads; // direct reports of each root that has any
    for (const auto& p : org.people)
        if (p.manager_id.empty() || !ids.count(p.manager_id)) {
            no_manager.add(p.id);
            if (auto it = directs.find(p.id); it != directs.end()) heads.push_back(it->second);
        }
    // The root with most direct reports is taken for the top; every other root with reports heads a fragment.
    const std::size_t fragments = heads.empty() ? 0 : heads.size() - 1;
    if (no_manager.count > 1)
        add_gap(out, no_manager, "no-manager",
                fmt::format("{} without a manager in the data, {} of them heading a separate part of the tree; "
                            "only the top of the org should have none",
                            people(no_manager.count), fragments),
                "spans and layers, ratios by leader, the org chart, mentoring (nearest leader)",
                "fill the manager column (the manager's id or email) for them, or import the missing managers");

    // Coverage: makers in no team, teams without a PM, PMs covering nothing (often the same people, missing from
    // the coverage file), product leaders counted as full-time PMs.
    const auto coverage = compute_coverage(org, org.assignments);
    std::vector<double> allocated(org.people.size(), 0);
    {
        std::unordered_map<std::string, std::size_t> index;
        for (std::size_t i = 0; i < org.people.size(); ++i) index.emplace(org.people[i].id, i);
        for (const auto& m : org.memberships)
            if (auto it = index.find(m.person_id); it != index.end()) allocated[it->second] += m.allocation;
    }
    Found makers_no_team;
    double unallocated = 0;
    for (std::size_t i = 0; i < org.people.size(); ++i) {
        const auto& p = org.people[i];
        if (p.family != Family::maker || allocated[i] >= 1 - kTiny) continue;
        makers_no_team.add(p.id);
        unallocated += p.fte * (1 - allocated[i]);
    }
    add_gap(out, makers_no_team, "makers-no-team",
            fmt::format("{} ({:.1f} maker FTE) in no team, or only partly in one",
                        count_of(makers_no_team.count, "maker", "makers"), unallocated),
            "the org ratio; left out of hire and plan unless --include-unassigned",
            "add their team (a team column, or a memberships file)");
    Found teams_no_pm, pms_no_coverage;
    for (std::size_t t = 0; t < org.teams.size(); ++t)
        if (coverage.team_makers[t] > kTiny && coverage.team_pm[t] <= kTiny) teams_no_pm.add(org.teams[t].id);
    std::unordered_set<std::string> covering;
    for (const auto& a : org.assignments) covering.insert(a.pm_id);
    for (std::size_t i = 0; i < org.people.size(); ++i) {
        const auto& p = org.people[i];
        if (p.family == Family::pm && !covering.count(p.id) && allocated[i] <= kTiny) pms_no_coverage.add(p.id);
    }
    const auto side_by_side = teams_no_pm.count && pms_no_coverage.count
                                  ? fmt::format("; {} covering nothing may be the missing PMs", pms(pms_no_coverage.count))
                                  : std::string();
    add_gap(out, teams_no_pm, "teams-no-pm",
            fmt::format("{} with makers and no PM time{}", teams(teams_no_pm.count), side_by_side),
            "ratios (no PM), no-pm findings, the hires needed",
            "add the PMs who cover them to the assignments (coverage) file, or accept them as uncovered");
    add_gap(out, pms_no_coverage, "pms-no-coverage",
            fmt::format("{} with no assignment and no team: their time counts at org level only{}",
                        pms(pms_no_coverage.count),
                        teams_no_pm.count ? fmt::format(", while {} no PM", teams_no_pm.count == 1 ? "1 team has"
                                                                                    : teams(teams_no_pm.count) + " have")
                                          : ""),
            "ratios by team, product, segment and PM; the org ratio counts them",
            "add their rows to the assignments (coverage) file: pm, kind, target, share");
    Found leaders_full;
    {
        std::unordered_map<std::string, double> share;
        for (const auto& a : org.assignments) share[a.pm_id] += a.share;
        for (const auto& p : org.people)
            if (p.family == Family::product_leader)
                if (auto it = share.find(p.id); it != share.end() && it->second >= 1 - kTiny) leaders_full.add(p.id);
    }
    add_gap(out, leaders_full, "leader-as-full-pm",
            fmt::format("{} product {} with coverage rows counted as full-time PMs (shares summing to 1)",
                        leaders_full.count, leaders_full.count == 1 ? "leader" : "leaders"),
            "PM FTE and every ratio that counts it; leaders' coaching time",
            "give their assignment rows the share of their week they act as PM, e.g. share 0.3");

    // Role families: titles no rule matched, and family columns the rules disagree with.
    Found unmatched, unlike_rules;
    std::set<std::string> unlike_titles;
    for (const auto& p : org.people) {
        const auto it = family_source.find(p.id);
        const auto source = it == family_source.end() ? std::string() : it->second;
        if (source == "unmatched") unmatched.add(p.id);
        if (source == "column" && !p.title.empty()) {
            const auto& m = rules.classify(p.title);
            if (m.matched && m.family != p.family) {
                unlike_rules.add(p.id);
                if (unlike_titles.size() < 3)
                    unlike_titles.insert(fmt::format("'{}' {} by the column, {} by the rules", p.title,
                                                     to_string(p.family), to_string(m.family)));
            }
        }
    }
    add_gap(out, unmatched, "unmatched-titles",
            fmt::format("{} whose title no rule matched, counted as 'other' (neither maker nor PM)",
                        people(unmatched.count)),
            "maker and PM counts, so every ratio", "orgplan roles --unmatched lists the titles; add rules (--rules "
                                                   "FILE) or a family column");
    {
        std::string titles;
        for (const auto& t : unlike_titles) titles += (titles.empty() ? "" : "; ") + t;
        add_gap(out, unlike_rules, "family-column-vs-rules",
                fmt::format("{} whose family column differs from what the title rules say ({}); the column wins",
                            people(unlike_rules.count), titles),
                "maker and PM counts, so every ratio",
                "check the family column for those titles, or drop it to let the rules decide");
    }

    // Costs and locations.
    Found no_cost, pm_no_location;
    for (const auto& p : org.people) {
        if (!p.cost) no_cost.add(p.id);
        if ((p.family == Family::pm || p.family == Family::product_leader) && p.location.empty())
            pm_no_location.add(p.id);
    }
    add_gap(out, no_cost, "cost-estimated",
            fmt::format("{} without a cost, estimated from the family defaults (cost.default_*)", people(no_cost.count)),
            "portfolio cost, hire and plan costs", "add a cost column (yearly cost), or set cost.default_* to your "
                                                   "averages");
    add_gap(out, pm_no_location, "location-missing",
            fmt::format("{} without a location", count_of(pm_no_location.count, "PM or product leader",
                                                          "PMs and product leaders")),
            "the mentoring plan (mentors in the same location are preferred)", "add a location column");
    return out;
}

} // namespace orgplan
