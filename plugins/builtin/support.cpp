#include "support.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <queue>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>
#include <string_view>

namespace orgplan::builtin {

double setting(const sdk::Settings& s, const std::string& key, double fallback) {
    auto it = s.find(key);
    return it == s.end() ? fallback : it->second;
}

double param(const sdk::Params& p, const std::string& key, double fallback, double low, double high) {
    auto it = p.find(key);
    if (it == p.end()) return fallback;
    const auto& text = it->second;
    double v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    // from_chars reads "nan" and "inf": a share or weight must be a finite number in its range.
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v) || v < low || v > high)
        throw std::invalid_argument("parameter '" + key + "' must be a number from " + fixed(low, 2) + " to " +
                                    fixed(high, 2) + ", got '" + text + "'");
    return v;
}

std::string fixed(double v, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
    return buffer;
}

std::vector<std::string> team_segments(const Org& org) {
    std::unordered_map<std::string, std::string> product_segment;
    for (const auto& p : org.products) product_segment[p.id] = p.segment_id;
    std::vector<std::string> out;
    for (const auto& t : org.teams)
        out.push_back(!t.segment_id.empty() || t.product_id.empty() ? t.segment_id.str() : product_segment[t.product_id]);
    return out;
}

namespace {

std::vector<Unit> grouped_units(const Org& org, const sdk::Coverage& c, const std::vector<std::string>& key_of_team,
                                TargetKind kind) {
    std::map<std::string, Unit> groups;
    std::vector<Unit> singles;
    for (std::size_t t = 0; t < org.teams.size(); ++t) {
        const double makers = c.team_maker_fte[t];
        if (key_of_team[t].empty()) {
            if (makers > 0) singles.push_back({TargetKind::team, org.teams[t].id, makers, {t}});
            continue;
        }
        auto& u = groups[key_of_team[t]];
        u.kind = kind;
        u.id = key_of_team[t];
        u.makers += makers;
        u.teams.push_back(t);
    }
    std::vector<Unit> out;
    for (auto& [id, u] : groups)
        if (u.makers > 0) out.push_back(std::move(u));
    out.insert(out.end(), singles.begin(), singles.end());
    return out;
}

} // namespace

std::vector<Unit> product_units(const Org& org, const sdk::Coverage& c) {
    std::vector<std::string> keys;
    for (const auto& t : org.teams) keys.push_back(t.product_id);
    return grouped_units(org, c, keys, TargetKind::product);
}

std::vector<Unit> segment_units(const Org& org, const sdk::Coverage& c) {
    return grouped_units(org, c, team_segments(org), TargetKind::segment);
}

std::vector<Unit> team_units(const Org& org, const sdk::Coverage& c, bool (*keep)(const Team&)) {
    std::vector<Unit> out;
    for (std::size_t t = 0; t < org.teams.size(); ++t)
        if (c.team_maker_fte[t] > 0 && (!keep || keep(org.teams[t])))
            out.push_back({TargetKind::team, org.teams[t].id, c.team_maker_fte[t], {t}});
    return out;
}

std::vector<PmSlot> pm_slots(const Org& org) {
    std::vector<PmSlot> out;
    for (const auto& p : org.people)
        if (p.family == Family::pm) out.push_back({p.id, p.fte, p.pm_years.value_or(-1.0), 1.0});
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.pm_years > b.pm_years; });
    return out;
}

namespace {

constexpr double kMinShare = 0.05; // slivers below 5% of a PM only add context switching

// The proposal's assignments of the PMs being placed, by PM and target, so that a PM given more of a unit adds to one
// row in constant time (a scan per row made large orgs quadratic). Other PMs' rows cannot be hit, so they are not
// indexed: a role split's earlier groups can hold hundreds of thousands.
class AssignmentIndex {
public:
    AssignmentIndex(const sdk::Proposal& out, const std::vector<PmSlot>& pms) {
        std::unordered_set<std::string_view> placing;
        for (const auto& pm : pms) placing.insert(pm.id);
        for (std::size_t i = 0; i < out.assignments.size(); ++i) {
            const auto& a = out.assignments[i];
            if (placing.count(a.pm_id)) at_.emplace(key(a.pm_id, a.kind, a.target_id), i);
        }
    }
    void add(sdk::Proposal& out, const std::string& pm, const Unit& u, double share) {
        const auto [it, fresh] = at_.emplace(key(pm, u.kind, u.id), out.assignments.size());
        if (fresh)
            out.assignments.push_back({pm, u.kind, u.id, share});
        else
            out.assignments[it->second].share = std::min(1.0, out.assignments[it->second].share + share);
    }

private:
    static std::string key(const std::string& pm, TargetKind kind, const std::string& id) {
        return pm + '\0' + std::to_string(static_cast<int>(kind)) + '\0' + id;
    }
    std::unordered_map<std::string, std::size_t> at_;
};

double round_down(double share) { return std::floor(share * 1000.0) / 1000.0; }

} // namespace

void fill_units(const std::vector<Unit>& units_in, std::vector<PmSlot>& pms, const sdk::Coverage& current,
                double threshold, sdk::Proposal& out, const std::string& unit_word) {
    if (units_in.empty()) return;
    std::vector<Unit> units = units_in;
    std::stable_sort(units.begin(), units.end(), [](const Unit& a, const Unit& b) { return a.makers > b.makers; });
    double makers = 0, capacity_fte = 0;
    for (const auto& u : units) makers += u.makers;
    for (const auto& p : pms) capacity_fte += p.fte * p.free_share;
    if (capacity_fte <= 0) {
        for (const auto& u : units)
            out.unfilled.push_back(unit_word + " " + u.id + ": " + fixed(u.makers) + " makers and no PM time left");
        return;
    }
    // Makers one PM FTE covers: the threshold, or the even spread when there are too few PMs for it.
    const double ratio = std::max(threshold, makers / capacity_fte);
    if (ratio > threshold + 1e-9)
        out.rationale.push_back("too few PMs for " + fixed(threshold, 0) + ":1 across " + std::to_string(units.size()) +
                                " " + unit_word + "s: every PM covers " + fixed(ratio) + " makers per FTE; " +
                                fixed(makers / threshold - capacity_fte) + " more PM FTE would reach the target");

    std::vector<double> remaining;
    for (const auto& u : units) remaining.push_back(u.makers);
    std::unordered_map<std::size_t, std::size_t> unit_of_team;
    for (std::size_t i = 0; i < units.size(); ++i)
        for (auto t : units[i].teams) unit_of_team[t] = i;

    AssignmentIndex index(out, pms);
    auto give = [&](PmSlot& pm, std::size_t u) {
        const double can = pm.fte * pm.free_share * ratio;
        const double makers_given = std::min(remaining[u], can);
        double share = round_down(makers_given / (pm.fte * ratio));
        // No slivers: the last bit of a unit is covered with the smallest share worth proposing, when the PM has it.
        if (share < kMinShare) {
            if (makers_given < remaining[u] - 1e-9 || pm.free_share < kMinShare) return false;
            share = kMinShare;
        }
        share = std::min(share, pm.free_share);
        if (share <= 0) return false;
        index.add(out, pm.id, units[u], share);
        pm.free_share = std::max(0.0, pm.free_share - share);
        remaining[u] = std::max(0.0, remaining[u] - share * pm.fte * ratio);
        return true;
    };

    // Continuity: a PM first stays with the unit holding most of their current coverage.
    std::unordered_map<std::string, std::map<std::size_t, double>> home_weight;
    for (const auto& part : current.parts)
        if (auto it = unit_of_team.find(part.team); it != unit_of_team.end()) home_weight[part.pm_id][it->second] += part.fte;
    for (auto& pm : pms) {
        auto it = home_weight.find(pm.id);
        if (it == home_weight.end() || pm.free_share <= 0) continue;
        const auto home = std::max_element(it->second.begin(), it->second.end(),
                                           [](const auto& a, const auto& b) { return a.second < b.second; })->first;
        if (remaining[home] > 1e-6 && give(pm, home))
            out.rationale.push_back(pm.id + " stays on " + unit_word + " " + units[home].id);
    }
    // Then the freest PM takes the largest uncovered unit: the PM with the most free FTE, the first one on a tie. A
    // heap of (free FTE, position) keeps that choice in log time; each PM has one entry, refreshed when taken
    // (scanning every PM for every step made a thousand PMs over ten thousand teams take seconds).
    const auto free_fte = [](const PmSlot& p) { return p.fte * p.free_share; };
    const auto freer = [](const std::pair<double, std::size_t>& a, const std::pair<double, std::size_t>& b) {
        return a.first != b.first ? a.first < b.first : a.second > b.second;
    };
    std::priority_queue<std::pair<double, std::size_t>, std::vector<std::pair<double, std::size_t>>, decltype(freer)>
        freest(freer);
    for (std::size_t i = 0; i < pms.size(); ++i) freest.emplace(free_fte(pms[i]), i);
    for (std::size_t u = 0; u < units.size(); ++u) {
        while (remaining[u] > 0.25 && !freest.empty()) {
            const auto index = freest.top().second;
            auto& best = pms[index];
            if (best.free_share * best.fte <= 1e-6) break;
            const bool given = give(best, u);
            freest.pop();
            freest.emplace(free_fte(best), index);
            if (!given) break;
        }
        if (remaining[u] > 0.25)
            out.unfilled.push_back(unit_word + " " + units[u].id + ": " + fixed(remaining[u]) +
                                   " makers beyond what the PMs can cover at " + fixed(ratio) + ":1");
    }
}

void spread_evenly(const std::vector<Unit>& units, std::vector<PmSlot>& pms, sdk::Proposal& out) {
    if (units.empty()) return;
    std::size_t next = 0; // where the next PM starts, so that PMs spread over fewer units than all still cover all
    for (auto& pm : pms) {
        // As many units as get at least the smallest share worth proposing: no slivers.
        const auto n = std::min(units.size(), static_cast<std::size_t>(pm.free_share / kMinShare + 1e-9));
        if (n == 0) continue;
        const double share = round_down(pm.free_share / n);
        if (share < kMinShare) continue;
        // Each PM is in one role group and each unit comes once: the pairs are new, so no search for a stored one
        // (a search per pair made 1,000 PMs over 400 products take minutes).
        for (std::size_t k = 0; k < n; ++k) {
            const auto& u = units[(next + k) % units.size()];
            out.assignments.push_back({pm.id, u.kind, u.id, share});
        }
        next = (next + n) % units.size();
        pm.free_share = std::max(0.0, pm.free_share - share * n);
    }
}

void fill_names(const Org& org, std::unordered_map<std::string, std::string>& names) {
    if (names.empty()) return;
    for (const auto& p : org.people)
        if (auto it = names.find(p.id); it != names.end()) it->second = p.name;
}

} // namespace orgplan::builtin
