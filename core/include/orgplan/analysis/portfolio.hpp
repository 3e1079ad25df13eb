// Where people and money go across the product portfolio (docs/portfolio.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "orgplan/org.hpp"
#include "orgplan/model/settings.hpp"

namespace orgplan {

struct PortfolioRow {
    std::string id, name;         ///< product (or segment, or status) id and name; "(none)": teams without one
    std::string status, segment;  ///< product rows only
    std::size_t teams = 0;
    double maker_fte = 0, pm_fte = 0;
    std::optional<double> ratio;  ///< makers per PM FTE; empty without PM time
    double cost = 0;              ///< yearly people cost: Σ cost × FTE × allocation (PMs: × their share there)
    double estimated_cost = 0;    ///< the part of `cost` from family defaults (people without a cost)
    double cost_share = 0;        ///< of the whole org's cost in products
    std::size_t goals = 0, outcome_goals = 0, output_goals = 0;
    std::vector<std::string> accounts; ///< key accounts of the product's segment
};

struct Portfolio {
    std::vector<PortfolioRow> rows;   ///< by the grouping asked, most cost first
    double total_cost = 0, estimated_cost = 0;
    /// On maintenance, unsupported and retired products: what retiring them would free.
    double winding_down_makers = 0, winding_down_cost = 0;
};

/// Groups by "product", "segment" or "status". Throws orgplan::Error for another grouping.
Portfolio compute_portfolio(const Org& org, const Settings& settings, const std::string& by);

/// The org as it would be with the makers of `products` released (their memberships in those products' teams
/// removed): for --what-if-retire. Throws orgplan::Error for an unknown product id.
Org without_products_makers(const Org& org, const std::vector<std::string>& products);

} // namespace orgplan
