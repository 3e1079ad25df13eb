#include "orgplan/analysis/ratios.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "orgplan/base/error.hpp"
#include "orgplan/base/text.hpp"
#include "ratio_rows.hpp"

namespace orgplan {

using ratio_rows::Inputs;
using ratio_rows::kTiny;

std::string_view to_string(RatioStatus s) {
    switch (s) {
    case RatioStatus::no_pm: return "no_pm";
    case RatioStatus::over: return "over";
    case RatioStatus::no_makers: return "no_makers";
    case RatioStatus::ok: return "ok";
    case RatioStatus::empty: return "empty";
    }
    return "?";
}

RatioStatus classify_ratio(double makers, double pms, double threshold) {
    if (pms <= kTiny) return makers > kTiny ? RatioStatus::no_pm : RatioStatus::empty;
    if (makers <= kTiny) return RatioStatus::no_makers; // a ratio of 0 is not "ok": the PM time serves no maker
    return makers / pms > threshold + 1e-9 ? RatioStatus::over : RatioStatus::ok;
}

std::optional<double> RatioReport::org_ratio() const {
    if (org_pms <= kTiny) return std::nullopt;
    return org_makers / org_pms;
}

namespace ratio_rows {

void finish(const Inputs& in, RatioReport& report, RatioRow row) {
    row.status = classify_ratio(row.makers, row.pms, in.threshold);
    if (row.pms > kTiny) row.ratio = row.makers / row.pms;
    report.rows.push_back(std::move(row));
}

std::unordered_map<std::string, PmLoad> pm_loads(const Coverage& c) {
    std::unordered_map<std::string, PmLoad> load;
    for (const auto& [pm, teams] : c.pm_team)
        for (const auto& [t, fte] : teams) {
            if (fte <= kTiny) continue;
            auto& l = load[pm];
            l.makers += c.team_makers[t] * fte / c.team_pm[t];
            l.fte += fte;
            ++l.teams;
        }
    return load;
}

} // namespace ratio_rows

namespace {

// The org-wide totals: both sides count the whole org, every PM's FTE wherever assigned over every maker's FTE, in
// a team or not.
void add_totals(const Coverage& c, RatioReport& r) {
    for (double m : c.team_makers) r.org_makers += m;
    r.org_makers += c.unallocated_makers;
    r.org_pms = c.pm_fte_total;
    for (const auto& [pm, fte] : c.pm_org_level) r.org_level_pm += fte;
    r.unassigned_pm = c.pm_unassigned;
    r.unallocated_makers = c.unallocated_makers;
    r.leader_pm = c.leader_pm_fte;
}

// The PMs covering each team, each PM once per team, in id order; PMs spread over more than max_spread teams are
// listed thin, and teams with makers and no PM are listed too.
std::vector<std::vector<const std::string*>> pms_of_teams(const Org& org, const Coverage& c, double max_spread,
                                                          RatioReport& r) {
    std::vector<std::vector<const std::string*>> team_pms(org.teams.size());
    for (const auto& [pm, teams] : c.pm_team) {
        std::size_t covered = 0;
        for (const auto& [t, fte] : teams)
            if (fte > kTiny) {
                team_pms[t].push_back(&pm);
                ++covered;
            }
        if (covered > max_spread) r.thin_pms.emplace_back(pm, covered);
    }
    for (auto& pms : team_pms)
        std::sort(pms.begin(), pms.end(), [](const std::string* a, const std::string* b) { return *a < *b; });
    std::sort(r.thin_pms.begin(), r.thin_pms.end(),
              [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    for (std::size_t t = 0; t < org.teams.size(); ++t)
        if (c.team_makers[t] > kTiny && c.team_pm[t] <= kTiny) r.teams_without_pm.push_back(org.teams[t].id);
    return team_pms;
}

// Worst first: by status (no PM, over, no makers, ok, empty), then the higher ratio (rows without one: more makers;
// rows without makers: more PM FTE), then id. Keys of 32 bytes are sorted rather than rows: a team report sorts a
// hundred thousand.
struct WorstFirst {
    int status;
    double weight; // the ratio, or the makers of rows without one
    std::uint64_t id_prefix;
    std::size_t index; // of the row (or the team) the key is of

    static WorstFirst of(RatioStatus status, double makers, double pms, std::string_view id, std::size_t index) {
        const bool by_makers = status == RatioStatus::no_pm || status == RatioStatus::empty;
        const double weight = by_makers ? makers : status == RatioStatus::no_makers ? pms : makers / pms;
        return {static_cast<int>(status), weight, text::sort_prefix(id), index};
    }
    // The order of keys, given each index's whole id for prefixes that tie.
    template <typename IdOf>
    static auto order(IdOf id_of) {
        return [id_of](const WorstFirst& a, const WorstFirst& b) {
            if (a.status != b.status) return a.status < b.status;
            if (a.weight != b.weight) return a.weight > b.weight;
            if (a.id_prefix != b.id_prefix) return a.id_prefix < b.id_prefix;
            return id_of(a.index) < id_of(b.index);
        };
    }
};

// Team rows are made in worst-first order: moving a hundred thousand finished rows into order took longer than
// sorting their keys (sort_worst_first then finds them in order).
void team_rows(const Inputs& in, RatioReport& r) {
    const auto& c = in.coverage;
    const auto& teams = in.org.teams;
    std::vector<WorstFirst> keys(teams.size());
    for (std::size_t t = 0; t < teams.size(); ++t)
        keys[t] = WorstFirst::of(classify_ratio(c.team_makers[t], c.team_pm[t], in.threshold), c.team_makers[t],
                                 c.team_pm[t], teams[t].id, t);
    std::sort(keys.begin(), keys.end(), WorstFirst::order([&](std::size_t t) { return teams[t].id.view(); }));
    r.rows.reserve(teams.size());
    for (const auto& key : keys) {
        const auto t = key.index;
        RatioRow row;
        row.id = teams[t].id;
        row.name = teams[t].name;
        row.makers = c.team_makers[t];
        row.pms = c.team_pm[t];
        row.spread = 1;
        row.pm_ids.reserve(in.team_pms[t].size());
        for (const auto* pm : in.team_pms[t]) row.pm_ids.push_back(*pm);
        finish(in, r, std::move(row));
    }
}

// Teams grouped under a key (a product or a segment, "(none)" for teams without one) and summed.
void grouped_rows(const Inputs& in, const std::vector<std::string>& key_of_team,
                  const std::map<std::string, std::string>& names, RatioReport& r) {
    std::map<std::string, RatioRow> groups;
    std::map<std::string, std::set<std::string>> pms;
    for (std::size_t t = 0; t < in.org.teams.size(); ++t) {
        const auto& key = key_of_team[t];
        auto& g = groups[key];
        g.id = key.empty() ? "(none)" : key;
        auto n = names.find(key);
        g.name = n != names.end() ? n->second : (key.empty() ? "teams without one" : key);
        g.makers += in.coverage.team_makers[t];
        g.pms += in.coverage.team_pm[t];
        ++g.spread;
        for (const auto* pm : in.team_pms[t]) pms[key].insert(*pm);
    }
    for (auto& [key, g] : groups) {
        g.pm_ids.assign(pms[key].begin(), pms[key].end());
        finish(in, r, std::move(g));
    }
}

void product_rows(const Inputs& in, RatioReport& r) {
    std::map<std::string, std::string> names;
    for (const auto& p : in.org.products) names[p.id] = p.name;
    std::vector<std::string> keys;
    for (const auto& t : in.org.teams) keys.push_back(t.product_id);
    grouped_rows(in, keys, names, r);
}

void segment_rows(const Inputs& in, RatioReport& r) {
    std::map<std::string, std::string> names;
    for (const auto& s : in.org.segments) names[s.id] = s.name;
    grouped_rows(in, effective_segments(in.org), names, r);
}

// One row per PM, and per product leader covering teams as a player-coach.
void pm_rows(const Inputs& in, RatioReport& r) {
    auto load = ratio_rows::pm_loads(in.coverage);
    for (const auto& p : in.org.people) {
        const bool player_coach = p.family == Family::product_leader && load.count(p.id);
        if (p.family != Family::pm && !player_coach) continue;
        const auto& l = load[p.id];
        RatioRow row;
        row.id = p.id;
        row.name = p.name;
        row.makers = l.makers;
        row.pms = l.fte;
        row.spread = l.teams;
        row.leader = player_coach;
        finish(in, r, std::move(row));
    }
}

void org_row(const Inputs& in, RatioReport& r) {
    RatioRow row;
    row.id = "org";
    row.name = "whole org";
    row.makers = r.org_makers;
    row.pms = r.org_pms;
    row.spread = in.org.teams.size();
    finish(in, r, std::move(row));
}

using LevelRows = void (*)(const Inputs&, RatioReport&);
const std::map<std::string, LevelRows>& levels() {
    static const std::map<std::string, LevelRows> table = {
        {"team", team_rows}, {"product", product_rows}, {"segment", segment_rows},
        {"pm", pm_rows},     {"leader", ratio_rows::leader_rows}, {"org", org_row}};
    return table;
}

// The rows of level `by`; throws, naming the levels, for any other word.
LevelRows level_rows(const std::string& by) {
    const auto level = levels().find(by);
    if (level == levels().end()) throw Error("--by '" + by + "': use team, product, segment, pm, leader or org");
    return level->second;
}

// Rows into worst-first order (WorstFirst), moved along the cycles of the permutation, without a second vector of
// rows; rows already in order (team rows) stay where they are.
void sort_worst_first(std::vector<RatioRow>& rows) {
    std::vector<WorstFirst> keys(rows.size());
    for (std::size_t i = 0; i < keys.size(); ++i)
        keys[i] = WorstFirst::of(rows[i].status, rows[i].makers, rows[i].pms, rows[i].id, i);
    const auto order = WorstFirst::order([&](std::size_t i) -> std::string_view { return rows[i].id; });
    if (std::is_sorted(keys.begin(), keys.end(), order)) return;
    std::sort(keys.begin(), keys.end(), order);
    std::vector<bool> placed(keys.size(), false);
    for (std::size_t start = 0; start < keys.size(); ++start) {
        if (placed[start]) continue;
        RatioRow held = std::move(rows[start]);
        std::size_t at = start;
        while (keys[at].index != start) {
            rows[at] = std::move(rows[keys[at].index]);
            placed[at] = true;
            at = keys[at].index;
        }
        rows[at] = std::move(held);
        placed[at] = true;
    }
}

} // namespace

RatioReport compute_ratios(const Org& org, const std::string& by, double threshold, double max_spread,
                           const std::vector<Assignment>* assignments, const MakerTotals* makers) {
    level_rows(by); // a word that is no level is refused before any work
    return compute_ratios(org, compute_coverage(org, assignments ? *assignments : org.assignments, makers), by,
                          threshold, max_spread);
}

RatioReport compute_ratios(const Org& org, const Coverage& c, const std::string& by, double threshold,
                           double max_spread) {
    const auto rows_of_level = level_rows(by);
    RatioReport r;
    r.by = by;
    r.threshold = threshold;
    r.max_spread = max_spread;
    add_totals(c, r);
    const Inputs in{org, c, pms_of_teams(org, c, max_spread, r), threshold};
    rows_of_level(in, r);
    sort_worst_first(r.rows);
    return r;
}

} // namespace orgplan
