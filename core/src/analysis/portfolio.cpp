#include "orgplan/analysis/portfolio.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "orgplan/model/enums.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/analysis/ratios.hpp"

namespace orgplan {
namespace {

// A person's yearly cost at full FTE: their own, else the default of their family (and then it is an estimate).
struct CostOf {
    const Settings& settings;
    std::pair<double, bool> operator()(const Person& p) const {
        if (p.cost) return {*p.cost, false};
        return {settings.get("cost.default_" + std::string(to_string(p.family))), true};
    }
};

std::string key_of(const Product* p, const std::string& by) {
    if (!p) return "";
    if (by == "segment") return p->segment_id;
    if (by == "status") return std::string(to_string(p->status));
    return p->id;
}

} // namespace

Portfolio compute_portfolio(const Org& org, const Settings& settings, const std::string& by) {
    if (by != "product" && by != "segment" && by != "status")
        throw Error("--by '" + by + "': use product, segment or status");
    std::unordered_map<std::string, const Product*> products;
    for (const auto& p : org.products) products.emplace(p.id, &p);
    std::unordered_map<std::string, const Person*> people;
    for (const auto& p : org.people) people.emplace(p.id, &p);
    const auto product_of_team = [&](std::size_t t) -> const Product* {
        auto it = products.find(org.teams[t].product_id);
        return it == products.end() ? nullptr : it->second;
    };
    std::unordered_map<std::string, std::size_t> team_index;
    for (std::size_t t = 0; t < org.teams.size(); ++t) team_index.emplace(org.teams[t].id, t);

    std::map<std::string, PortfolioRow> rows;
    const auto row_for = [&](const Product* p) -> PortfolioRow& {
        const auto key = key_of(p, by);
        auto& row = rows[key];
        if (row.id.empty()) {
            row.id = key.empty() ? "(none)" : key;
            row.name = key.empty() ? "teams without a product" : key;
            if (p && by == "product") {
                row.name = p->name;
                row.status = std::string(to_string(p->status));
                row.segment = p->segment_id;
            }
        }
        return row;
    };
    const CostOf cost_of{settings};
    const auto coverage = compute_coverage(org, org.assignments);
    for (std::size_t t = 0; t < org.teams.size(); ++t) {
        auto& row = row_for(product_of_team(t));
        ++row.teams;
        row.maker_fte += coverage.team_makers[t];
        row.pm_fte += coverage.team_pm[t];
    }
    // People's cost where they work: members by allocation, PMs by the FTE their assignments bring each team.
    for (const auto& m : org.memberships) {
        const auto person = people.find(m.person_id);
        const auto team = team_index.find(m.team_id);
        if (person == people.end() || team == team_index.end()) continue;
        if (person->second->family == Family::pm) continue; // counted through coverage below
        const auto [cost, estimated] = cost_of(*person->second);
        auto& row = row_for(product_of_team(team->second));
        const double c = cost * person->second->fte * m.allocation;
        row.cost += c;
        if (estimated) row.estimated_cost += c;
    }
    for (const auto& [pm, parts] : coverage.pm_team) {
        const auto person = people.find(pm);
        if (person == people.end()) continue;
        const auto [cost, estimated] = cost_of(*person->second);
        for (const auto& [t, fte] : parts) {
            auto& row = row_for(product_of_team(t));
            row.cost += cost * fte;
            if (estimated) row.estimated_cost += cost * fte;
        }
    }
    for (const auto& g : org.goals)
        for (const auto& id : g.product_ids) {
            auto it = products.find(id);
            if (it == products.end()) continue;
            auto& row = row_for(it->second);
            ++row.goals;
            row.outcome_goals += g.metric_kind == MetricKind::outcome || g.metric_kind == MetricKind::revenue;
            row.output_goals += g.metric_kind == MetricKind::output || g.metric_kind == MetricKind::activity;
        }
    if (by == "product")
        for (auto& [key, row] : rows) {
            auto it = products.find(key);
            if (it == products.end() || it->second->segment_id.empty()) continue;
            for (const auto& a : org.accounts)
                if (a.segment_id == it->second->segment_id) row.accounts.push_back(a.id);
        }
    Portfolio out;
    for (auto& [key, row] : rows) {
        if (row.pm_fte > 1e-12) row.ratio = row.maker_fte / row.pm_fte;
        out.total_cost += row.cost;
        out.estimated_cost += row.estimated_cost;
        out.rows.push_back(std::move(row));
    }
    for (auto& row : out.rows) row.cost_share = out.total_cost > 0 ? row.cost / out.total_cost : 0;
    std::stable_sort(out.rows.begin(), out.rows.end(),
                     [](const PortfolioRow& a, const PortfolioRow& b) { return a.cost > b.cost; });
    // What winding-down products take, whatever the grouping.
    for (std::size_t t = 0; t < org.teams.size(); ++t)
        if (const auto* p = product_of_team(t); p && p->status != ProductStatus::active)
            out.winding_down_makers += coverage.team_makers[t];
    if (by == "status") {
        for (const auto& row : out.rows)
            if (row.id != "active" && row.id != "(none)") out.winding_down_cost += row.cost;
    } else {
        const auto again = compute_portfolio(org, settings, "status");
        out.winding_down_cost = again.winding_down_cost;
    }
    return out;
}

Org without_products_makers(const Org& org, const std::vector<std::string>& products) {
    std::set<std::string> retired(products.begin(), products.end());
    for (const auto& id : retired)
        if (std::none_of(org.products.begin(), org.products.end(), [&](const Product& p) { return p.id == id; }))
            throw Error("--what-if-retire: no product '" + id + "'");
    std::set<std::string> teams;
    for (const auto& t : org.teams)
        if (retired.count(t.product_id)) teams.insert(t.id);
    std::unordered_map<std::string, Family> family;
    for (const auto& p : org.people) family.emplace(p.id, p.family);
    Org out = org;
    // Released makers leave the org's books: their memberships there and, with no team left, the person.
    std::map<std::string, double> released;
    auto& ms = out.memberships;
    ms.erase(std::remove_if(ms.begin(), ms.end(),
                            [&](const Membership& m) {
                                if (!teams.count(m.team_id) || family[m.person_id] != Family::maker) return false;
                                released[m.person_id] += m.allocation;
                                return true;
                            }),
             ms.end());
    auto& people = out.people;
    people.erase(std::remove_if(people.begin(), people.end(),
                                [&](const Person& p) {
                                    auto it = released.find(p.id);
                                    return it != released.end() && it->second >= 1 - 1e-9;
                                }),
                 people.end());
    // A maker partly released keeps the rest of their time: less FTE, the same FTE in their other teams.
    for (auto& p : people)
        if (auto it = released.find(p.id); it != released.end()) {
            const double kept = 1 - it->second;
            p.fte *= kept;
            for (auto& m : ms)
                if (m.person_id == p.id) m.allocation = std::min(1.0, m.allocation / kept);
        }
    return out;
}

} // namespace orgplan
