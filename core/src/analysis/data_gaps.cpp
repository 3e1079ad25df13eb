#include "orgplan/analysis/data_gaps.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <stdexcept>
#include <unordered_set>

#include <fmt/format.h>

#include "orgplan/analysis/coaching.hpp"
#include "orgplan/model/enums.hpp"
#include "orgplan/model/membership_people.hpp"
#include "orgplan/analysis/shared_work.hpp"
#include "orgplan/analysis/ratios.hpp"

namespace orgplan {

const std::vector<GapKind>& gap_kinds() {
    // Most consequential first: check lists gaps in this order. family-column-vs-rules compares every title with
    // the rules, so only check and the report look for it.
    static const std::vector<GapKind> kinds = {
        {"pm-experience", "novice coaching, mentoring plan, hire and plan coaching load, novice-coaching findings",
         {"mentoring", "hire", "plan", "diagnose"}},
        {"no-manager", "spans and layers, ratios by leader, the org chart, mentoring (nearest leader)",
         {"mentoring", "diagnose"}},
        {"makers-no-team", "the org ratio; left out of hire and plan unless --include-unassigned", {"hire", "plan"}},
        {"teams-no-pm", "ratios (no PM), no-pm findings, the hires needed", {"hire", "plan", "diagnose", "align"}},
        {"pms-no-coverage", "ratios by team, product, segment and PM; the org ratio counts them",
         {"ratios", "align"}},
        {"leader-as-full-pm", "PM FTE and every ratio that counts it; leaders' coaching time",
         {"ratios", "hire", "plan", "mentoring", "diagnose"}},
        {"unmatched-titles", "maker and PM counts, so every ratio",
         {"ratios", "hire", "plan", "align", "diagnose", "portfolio"}},
        {"family-column-vs-rules", "maker and PM counts, so every ratio", {}},
        {"cost-estimated", "portfolio cost, hire and plan costs", {"portfolio", "hire", "plan"}},
        {"location-missing", "the mentoring plan (mentors in the same location are preferred)", {"mentoring"}},
    };
    return kinds;
}

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

const GapKind& kind_of(std::string_view id) {
    for (const auto& k : gap_kinds())
        if (k.id == id) return k;
    throw std::logic_error("unknown gap kind " + std::string(id));
}

void add_gap(std::vector<DataGap>& out, const Found& f, std::string_view id, std::string what, std::string fix) {
    if (f.count == 0) return;
    out.push_back({std::string(id), std::move(what), f.count, f.examples, std::string(kind_of(id).affects),
                   std::move(fix)});
}

std::string count_of(std::size_t n, const char* one, const char* many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}
std::string people(std::size_t n) { return count_of(n, "person", "people"); }
std::string pms(std::size_t n) { return count_of(n, "PM", "PMs"); }
std::string teams(std::size_t n) { return count_of(n, "team", "teams"); }

// What the gap finders read, with the coverage and each person's team allocation worked out once, when first asked.
class Inputs {
public:
    Inputs(const Org& org, const TitleRules* rules, const FamilySources& family_source,
           const MakerTotals* makers = nullptr)
        : org(org), rules(rules), family_source(family_source), makers(makers) {}
    const Org& org;
    const TitleRules* rules; // null: family columns are not compared with the rules
    const FamilySources& family_source;
    const MakerTotals* makers; // null: the org's own makers

    const Coverage& coverage() const {
        if (!coverage_) coverage_ = compute_coverage(org, org.assignments, makers);
        return *coverage_;
    }
    /// Share of each person's FTE (by index in org.people) that memberships give to teams.
    const std::vector<double>& allocated() const {
        if (!allocated_) {
            allocated_.emplace(org.people.size(), 0.0);
            const auto member = person_of_memberships(org);
            for (std::size_t k = 0; k < org.memberships.size(); ++k)
                if (member[k] >= 0) (*allocated_)[static_cast<std::size_t>(member[k])] += org.memberships[k].allocation;
        }
        return *allocated_;
    }

    const PeopleById& people() const {
        if (!people_) people_ = people_by_id(org);
        return *people_;
    }

private:
    mutable std::shared_ptr<const PeopleById> people_;
    mutable std::optional<Coverage> coverage_;
    mutable std::optional<std::vector<double>> allocated_;
};

// PM experience: a PM without pm_years is neither novice nor senior, so coaching answers leave them out.
void pm_experience(const Inputs& in, std::vector<DataGap>& out) {
    Found no_years;
    for (const auto& p : in.org.people)
        if (p.family == Family::pm && !experience_known(p)) no_years.add(p.id);
    add_gap(out, no_years, "pm-experience",
            fmt::format("{} without years of PM experience (pm_years): experience unknown, counted neither as "
                        "novices needing coaching nor as seniors who can mentor",
                        pms(no_years.count)),
            "add a pm_years column (years of product management) to the people file, or origin internal_transfer "
            "for PMs new to the role");
}

// The reporting tree: only the top has no manager; more roots are fragments.
void no_manager(const Inputs& in, std::vector<DataGap>& out) {
    const auto managers = in.people().manager_positions();
    std::vector<bool> has_reports(managers.size(), false);
    for (const auto m : managers)
        if (m >= 0) has_reports[static_cast<std::size_t>(m)] = true;
    Found roots;
    std::size_t heads = 0; // roots with direct reports
    for (std::size_t i = 0; i < managers.size(); ++i)
        if (managers[i] < 0) {
            roots.add(in.org.people[i].id);
            heads += has_reports[i];
        }
    if (roots.count <= 1) return;
    // One root with reports is taken for the top; every other root with reports heads a fragment.
    add_gap(out, roots, "no-manager",
            fmt::format("{} without a manager in the data, {} of them heading a separate part of the tree; "
                        "only the top of the org should have none",
                        people(roots.count), heads == 0 ? 0 : heads - 1),
            "fill the manager column (the manager's id or email) for them, or import the missing managers");
}

void makers_no_team(const Inputs& in, std::vector<DataGap>& out) {
    Found found;
    double unallocated = 0;
    const auto& allocated = in.allocated();
    for (std::size_t i = 0; i < in.org.people.size(); ++i) {
        const auto& p = in.org.people[i];
        if (p.family != Family::maker || allocated[i] >= 1 - kTiny) continue;
        found.add(p.id);
        unallocated += p.fte * (1 - allocated[i]);
    }
    add_gap(out, found, "makers-no-team",
            fmt::format("{} ({:.1f} maker FTE) in no team, or only partly in one",
                        count_of(found.count, "maker", "makers"), unallocated),
            "add their team (a team column, or a memberships file)");
}

// Teams without a PM and PMs covering nothing are often the same people, missing from the coverage file: each
// gap names the other's count.
std::size_t count_teams_no_pm(const Inputs& in, Found* found) {
    const auto& coverage = in.coverage();
    std::size_t n = 0;
    for (std::size_t t = 0; t < in.org.teams.size(); ++t)
        if (coverage.team_makers[t] > kTiny && coverage.team_pm[t] <= kTiny) {
            ++n;
            if (found) found->add(in.org.teams[t].id);
        }
    return n;
}

std::size_t count_pms_no_coverage(const Inputs& in, Found* found) {
    std::unordered_set<std::string_view> covering;
    for (const auto& a : in.org.assignments) covering.insert(a.pm_id);
    const auto& allocated = in.allocated();
    std::size_t n = 0;
    for (std::size_t i = 0; i < in.org.people.size(); ++i) {
        const auto& p = in.org.people[i];
        if (p.family == Family::pm && !covering.count(p.id) && allocated[i] <= kTiny) {
            ++n;
            if (found) found->add(p.id);
        }
    }
    return n;
}

void teams_no_pm(const Inputs& in, std::vector<DataGap>& out) {
    Found found;
    count_teams_no_pm(in, &found);
    if (found.count == 0) return;
    const auto idle = count_pms_no_coverage(in, nullptr);
    add_gap(out, found, "teams-no-pm",
            fmt::format("{} with makers and no PM time{}", teams(found.count),
                        idle ? fmt::format("; {} covering nothing may be the missing PMs", pms(idle)) : ""),
            "add the PMs who cover them to the assignments (coverage) file, or accept them as uncovered");
}

void pms_no_coverage(const Inputs& in, std::vector<DataGap>& out) {
    Found found;
    count_pms_no_coverage(in, &found);
    if (found.count == 0) return;
    const auto uncovered = count_teams_no_pm(in, nullptr);
    add_gap(out, found, "pms-no-coverage",
            fmt::format("{} with no assignment and no team: their time counts at org level only{}",
                        pms(found.count),
                        uncovered ? fmt::format(", while {} no PM", uncovered == 1 ? "1 team has"
                                                                                   : teams(uncovered) + " have")
                                  : ""),
            "add their rows to the assignments (coverage) file: pm, kind, target, share");
}

void leader_as_full_pm(const Inputs& in, std::vector<DataGap>& out) {
    Found found;
    std::unordered_map<std::string_view, double> share;
    for (const auto& a : in.org.assignments) share[a.pm_id] += a.share;
    for (const auto& p : in.org.people)
        if (p.family == Family::product_leader)
            if (auto it = share.find(p.id); it != share.end() && it->second >= 1 - kTiny) found.add(p.id);
    add_gap(out, found, "leader-as-full-pm",
            fmt::format("{} product {} with coverage rows counted as full-time PMs (shares summing to 1)",
                        found.count, found.count == 1 ? "leader" : "leaders"),
            "give their assignment rows the share of their week they act as PM, e.g. share 0.3");
}

void unmatched_titles(const Inputs& in, std::vector<DataGap>& out) {
    Found found;
    for (const auto& p : in.org.people)
        if (auto it = in.family_source.find(p.id); it != in.family_source.end() && it->second == "unmatched")
            found.add(p.id);
    add_gap(out, found, "unmatched-titles",
            fmt::format("{} whose title no rule matched, counted as 'other' (neither maker nor PM)", people(found.count)),
            "orgplan roles --unmatched lists the titles; add rules (--rules FILE) or a family column");
}

void family_column_vs_rules(const Inputs& in, std::vector<DataGap>& out) {
    if (!in.rules) return;
    Found found;
    std::set<std::string> titles;
    for (const auto& p : in.org.people) {
        const auto it = in.family_source.find(p.id);
        if (it == in.family_source.end() || it->second != "column" || p.title.empty()) continue;
        const auto& m = in.rules->classify(p.title);
        if (!m.matched || m.family == p.family) continue;
        found.add(p.id);
        if (titles.size() < 3)
            titles.insert(fmt::format("'{}' {} by the column, {} by the rules", p.title, to_string(p.family),
                                      to_string(m.family)));
    }
    std::string listed;
    for (const auto& t : titles) listed += (listed.empty() ? "" : "; ") + t;
    add_gap(out, found, "family-column-vs-rules",
            fmt::format("{} whose family column differs from what the title rules say ({}); the column wins",
                        people(found.count), listed),
            "check the family column for those titles, or drop it to let the rules decide");
}

void cost_estimated(const Inputs& in, std::vector<DataGap>& out) {
    Found found;
    for (const auto& p : in.org.people)
        if (!p.cost) found.add(p.id);
    add_gap(out, found, "cost-estimated",
            fmt::format("{} without a cost, estimated from the family defaults (cost.default_*)", people(found.count)),
            "add a cost column (yearly cost), or set cost.default_* to your averages");
}

void location_missing(const Inputs& in, std::vector<DataGap>& out) {
    Found found;
    for (const auto& p : in.org.people)
        if ((p.family == Family::pm || p.family == Family::product_leader) && p.location.empty()) found.add(p.id);
    add_gap(out, found, "location-missing",
            fmt::format("{} without a location",
                        count_of(found.count, "PM or product leader", "PMs and product leaders")),
            "add a location column");
}

using Finder = void (*)(const Inputs&, std::vector<DataGap>&);

// One finder per kind, in gap_kinds() order.
const std::vector<Finder>& finders() {
    static const std::vector<Finder> all = {pm_experience,     no_manager,       makers_no_team,
                                            teams_no_pm,       pms_no_coverage,  leader_as_full_pm,
                                            unmatched_titles,  family_column_vs_rules, cost_estimated,
                                            location_missing};
    return all;
}

} // namespace

std::vector<DataGap> find_data_gaps(const Org& org, const TitleRules& rules, const FamilySources& family_source) {
    const Inputs in(org, &rules, family_source);
    std::vector<DataGap> out;
    for (const auto& find : finders()) find(in, out);
    return out;
}

std::vector<DataGap> gaps_for_answer(std::string_view answer, const Org& org, const FamilySources& family_source,
                                     const MakerTotals* makers) {
    const Inputs in(org, nullptr, family_source, makers);
    std::vector<DataGap> out;
    for (std::size_t k = 0; k < gap_kinds().size(); ++k) {
        const auto& names = gap_kinds()[k].answers;
        if (std::find(names.begin(), names.end(), answer) != names.end()) finders()[k](in, out);
    }
    return out;
}

} // namespace orgplan
