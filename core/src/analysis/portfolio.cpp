#include "orgplan/analysis/portfolio.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <vector>

#include "orgplan/model/enums.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/analysis/ratios.hpp"
#include "orgplan/model/membership_people.hpp"
#include "orgplan/model/people_by_id.hpp"

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

// The portfolio's rows by product, segment or status, filled in turn: teams, people's cost, goals, accounts.
class PortfolioRows {
public:
    PortfolioRows(const Org& org, std::string by) : org_(org), by_(std::move(by)), people_(org.people) {
        for (const auto& p : org.products) products_.emplace(p.id, &p);
        for (std::size_t t = 0; t < org.teams.size(); ++t) team_index_.emplace(org.teams[t].id, t);
    }

    const Product* product_of_team(std::size_t t) const {
        auto it = products_.find(org_.teams[t].product_id);
        return it == products_.end() ? nullptr : it->second;
    }

    void add_teams(const Coverage& coverage) {
        for (std::size_t t = 0; t < org_.teams.size(); ++t) {
            const auto* product = product_of_team(t);
            auto& row = row_for(product);
            ++row.teams;
            row.maker_fte += coverage.team_makers[t];
            row.pm_fte += coverage.team_pm[t];
            team_row_.push_back(&row);
            team_status_cost_.push_back(&status_cost_[key_of(product, "status")]);
        }
    }

    // People's cost where they work: members by allocation, PMs by the FTE their assignments bring each team.
    void add_costs(const Coverage& coverage, const CostOf& cost_of) {
        const auto member = person_of_memberships(org_);
        for (std::size_t k = 0; k < org_.memberships.size(); ++k) {
            const auto& m = org_.memberships[k];
            const auto team = team_index_.find(m.team_id);
            if (member[k] < 0 || team == team_index_.end()) continue;
            const auto& person = org_.people[static_cast<std::size_t>(member[k])];
            if (person.family == Family::pm) continue; // counted through coverage below
            const auto [cost, estimated] = cost_of(person);
            add_cost(team->second, cost * person.fte * m.allocation, estimated);
        }
        for (const auto& [pm, parts] : coverage.pm_team) {
            const auto* person = people_.find(pm);
            if (!person) continue;
            const auto [cost, estimated] = cost_of(*person);
            for (const auto& [t, fte] : parts) add_cost(t, cost * fte, estimated);
        }
    }

    // What the people of products that are not active cost: the rows by status other than active and none, summed
    // as the status grouping sums them (most costly first), so every grouping states the same figure.
    double winding_down_cost() const {
        std::vector<std::pair<std::string, double>> by_status;
        for (const auto& [status, cost] : status_cost_) by_status.emplace_back(status, cost);
        std::stable_sort(by_status.begin(), by_status.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
        double sum = 0;
        for (const auto& [status, cost] : by_status)
            if (!status.empty() && status != "active") sum += cost;
        return sum;
    }

    void add_goals() {
        for (const auto& g : org_.goals)
            for (const auto& id : g.product_ids) {
                auto it = products_.find(id);
                if (it == products_.end()) continue;
                auto& row = row_for(it->second);
                ++row.goals;
                row.outcome_goals += g.metric_kind == MetricKind::outcome || g.metric_kind == MetricKind::revenue;
                row.output_goals += g.metric_kind == MetricKind::output || g.metric_kind == MetricKind::activity;
            }
    }

    // By product, the key accounts of each product's segment.
    void add_accounts() {
        if (by_ != "product") return;
        for (auto& [key, row] : rows_) {
            auto it = products_.find(key);
            if (it == products_.end() || it->second->segment_id.empty()) continue;
            for (const auto& a : org_.accounts)
                if (a.segment_id == it->second->segment_id) row.accounts.push_back(a.id);
        }
    }

    // The rows with their ratios and cost shares, most costly first.
    Portfolio take() {
        Portfolio out;
        for (auto& [key, row] : rows_) {
            if (row.pm_fte > 1e-12) row.ratio = row.maker_fte / row.pm_fte;
            out.total_cost += row.cost;
            out.estimated_cost += row.estimated_cost;
            out.rows.push_back(std::move(row));
        }
        for (auto& row : out.rows) row.cost_share = out.total_cost > 0 ? row.cost / out.total_cost : 0;
        std::stable_sort(out.rows.begin(), out.rows.end(),
                         [](const PortfolioRow& a, const PortfolioRow& b) { return a.cost > b.cost; });
        return out;
    }

private:
    // Adds to the row of team `t` and to its product's status (add_teams found both).
    void add_cost(std::size_t t, double cost, bool estimated) {
        auto& row = *team_row_[t];
        row.cost += cost;
        if (estimated) row.estimated_cost += cost;
        *team_status_cost_[t] += cost;
    }

    PortfolioRow& row_for(const Product* p) {
        const auto key = key_of(p, by_);
        auto& row = rows_[key];
        if (row.id.empty()) {
            row.id = key.empty() ? "(none)" : key;
            row.name = key.empty() ? "teams without a product" : key;
            if (p && by_ == "product") {
                row.name = p->name;
                row.status = std::string(to_string(p->status));
                row.segment = p->segment_id;
            }
        }
        return row;
    }

    const Org& org_;
    std::string by_;
    std::unordered_map<std::string, const Product*> products_;
    PeopleById people_;
    std::unordered_map<std::string, std::size_t> team_index_;
    std::map<std::string, PortfolioRow> rows_;
    /// Cost by product status ("" for teams without a product), keyed like the status grouping's rows so the sums
    /// run in the same order: every grouping states the same winding-down figure, to the cent.
    std::map<std::string, double> status_cost_;
    std::vector<PortfolioRow*> team_row_;     ///< by team position: its row (map nodes stay where they are)
    std::vector<double*> team_status_cost_;   ///< by team position: its entry of status_cost_
};

} // namespace

Portfolio compute_portfolio(const Org& org, const Settings& settings, const std::string& by) {
    if (by != "product" && by != "segment" && by != "status")
        throw Error("--by '" + by + "': use product, segment or status");
    const auto coverage = compute_coverage(org, org.assignments);
    PortfolioRows rows(org, by);
    rows.add_teams(coverage);
    rows.add_costs(coverage, CostOf{settings});
    rows.add_goals();
    rows.add_accounts();
    auto out = rows.take();
    // What winding-down products take, whatever the grouping.
    for (std::size_t t = 0; t < org.teams.size(); ++t)
        if (const auto* p = rows.product_of_team(t); p && p->status != ProductStatus::active)
            out.winding_down_makers += coverage.team_makers[t];
    out.winding_down_cost = rows.winding_down_cost();
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
