// Built-in diagnostics of the product portfolio: makers on products being wound down, products split over many
// teams with nobody owning the whole, and goals of products no PM covers (docs/portfolio.md).
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "orgplan/diagnostic.hpp"
#include "support.hpp"

namespace orgplan::builtin {
namespace {

using sdk::Finding;
using sdk::Severity;

const char* status_word(ProductStatus s) {
    switch (s) {
    case ProductStatus::active: return "active";
    case ProductStatus::maintenance: return "maintenance";
    case ProductStatus::unsupported: return "unsupported";
    case ProductStatus::retired: return "retired";
    }
    return "?";
}

// Per product: its teams' indexes, maker FTE, PM FTE, and whether some PM is assigned to the product as a whole.
struct ProductLoad {
    std::vector<std::size_t> teams;
    double makers = 0, pms = 0;
    bool owned = false;
};

std::map<std::string, ProductLoad> loads(const sdk::DiagnosticRequest& r) {
    std::map<std::string, ProductLoad> out;
    for (const auto& p : r.org.products) out[p.id];
    for (std::size_t t = 0; t < r.org.teams.size(); ++t) {
        auto it = out.find(r.org.teams[t].product_id);
        if (it == out.end()) continue;
        it->second.teams.push_back(t);
        it->second.makers += r.coverage.team_maker_fte[t];
        it->second.pms += r.coverage.team_pm_fte[t];
    }
    for (const auto& a : r.org.assignments)
        if (a.kind == TargetKind::product)
            if (auto it = out.find(a.target_id); it != out.end()) it->second.owned = true;
    return out;
}

class InvestmentOnRetired final : public sdk::Diagnostic {
public:
    std::vector<Finding> run(const sdk::DiagnosticRequest& r) const override {
        const double most = setting(r.settings, "portfolio.retired_makers_max", 1);
        const auto load = loads(r);
        std::vector<Finding> out;
        for (const auto& p : r.org.products) {
            if (p.status != ProductStatus::retired && p.status != ProductStatus::unsupported) continue;
            const auto& l = load.at(p.id);
            if (l.makers <= most + 1e-9) continue;
            std::string teams;
            for (auto t : l.teams) teams += (teams.empty() ? "" : ", ") + r.org.teams[t].id;
            out.push_back({"investment-on-retired", p.status == ProductStatus::retired ? Severity::error : Severity::warning,
                           p.id,
                           fixed(l.makers) + " maker FTE work on " + status_word(p.status) + " product " + p.name +
                               " (teams " + teams + "), above " + fixed(most) + " (portfolio.retired_makers_max)",
                           "move them to active products, or decide on the product: orgplan portfolio "
                           "--what-if-retire " + p.id + " shows what retiring it frees"});
        }
        return out;
    }
};

class FragmentedProduct final : public sdk::Diagnostic {
public:
    std::vector<Finding> run(const sdk::DiagnosticRequest& r) const override {
        const auto most = static_cast<std::size_t>(setting(r.settings, "portfolio.max_teams_per_product", 3));
        const auto load = loads(r);
        // Each team's covering PMs, gathered in one pass over the parts (not one pass per product).
        std::vector<std::vector<const std::string*>> pms_of_team(r.org.teams.size());
        for (const auto& part : r.coverage.parts)
            if (part.fte > 1e-12 && part.team < pms_of_team.size()) pms_of_team[part.team].push_back(&part.pm_id);
        std::vector<Finding> out;
        for (const auto& p : r.org.products) {
            const auto& l = load.at(p.id);
            if (l.teams.size() <= most || l.owned) continue;
            std::set<std::string_view> pms;
            for (auto t : l.teams)
                for (const auto* pm : pms_of_team[t]) pms.insert(*pm);
            out.push_back({"fragmented-product", Severity::warning, p.id,
                           p.name + " is split over " + std::to_string(l.teams.size()) + " teams (more than " +
                               std::to_string(most) + ") and no PM is assigned to the product as a whole; " +
                               std::to_string(pms.size()) + " PMs cover parts of it",
                           "give one PM the product (an assignment of kind product) or regroup the teams: otherwise "
                           "the product ships the org chart"});
        }
        return out;
    }
};

class OrphanGoal final : public sdk::Diagnostic {
public:
    std::vector<Finding> run(const sdk::DiagnosticRequest& r) const override {
        const auto load = loads(r);
        std::vector<Finding> out;
        for (const auto& g : r.org.goals)
            for (const auto& id : g.product_ids) {
                const auto it = load.find(id);
                if (it == load.end() || it->second.owned || it->second.pms > 1e-12) continue;
                out.push_back({"orphan-goal", Severity::warning, g.id,
                               "goal '" + g.name + "' (" + g.function + ") is about product " + id +
                                   ", which no PM covers",
                               "assign a PM to " + id + " or to its teams, or move the goal: nobody in product "
                               "management answers for it"});
            }
        return out;
    }
};

} // namespace
} // namespace orgplan::builtin

using namespace orgplan;
using namespace orgplan::builtin;

ORGPLAN_PLUGIN_LIBRARY(
    sdk::diagnostic<InvestmentOnRetired>("investment-on-retired", "1.0.0",
                                         "maker FTE on retired or unsupported products above a threshold"),
    sdk::diagnostic<FragmentedProduct>("fragmented-product", "1.0.0",
                                       "products split over many teams with no PM owning the product"),
    sdk::diagnostic<OrphanGoal>("orphan-goal", "1.0.0", "goals of products no PM covers"))
