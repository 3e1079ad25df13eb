// orgplan portfolio: people, cost, ratios and goals per product (or segment, or status), what winding-down products
// take, and what retiring some would free.

#include <fmt/format.h>

#include "context.hpp"
#include "orgplan/analysis/shared_work.hpp"
#include "orgplan/storage/write_transaction.hpp"
#include "orgplan//storage/change_log.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/analysis/portfolio.hpp"
#include "orgplan/analysis/ratios.hpp"
#include "orgplan/storage/read_transaction.hpp"
#include "orgplan/storage/scenario_store.hpp"
#include "orgplan/base/text.hpp"

namespace orgplan::cli {
namespace {

Table portfolio_table(const std::string& by, const Portfolio& p, const std::string& currency) {
    std::vector<Column> columns = {{by, by}, {"name", "name"}};
    if (by == "product") columns.insert(columns.end(), {{"status", "status"}, {"segment", "segment"}});
    columns.insert(columns.end(), {{"teams", "teams"},
                                   {"maker_fte", "maker FTE", 1},
                                   {"pm_fte", "PM FTE", 2},
                                   {"ratio", "ratio", 1},
                                   money_column("cost", "yearly cost", currency),
                                   money_column("estimated_cost", "of it estimated", currency),
                                   {"cost_share", "share", 2},
                                   {"goals", "goals"},
                                   {"outcome_goals", "outcome"},
                                   {"output_goals", "output"}});
    if (by == "product") columns.push_back({"accounts", "key accounts"});
    Table table(columns);
    for (const auto& r : p.rows) {
        std::vector<Cell> cells{r.id, r.name};
        if (by == "product") cells.insert(cells.end(), {r.status, r.segment});
        cells.insert(cells.end(), {static_cast<long long>(r.teams), r.maker_fte, r.pm_fte,
                                   r.ratio ? Cell(*r.ratio) : Cell(std::string()), r.cost, r.estimated_cost,
                                   r.cost_share, static_cast<long long>(r.goals),
                                   static_cast<long long>(r.outcome_goals), static_cast<long long>(r.output_goals)});
        if (by == "product") {
            std::string accounts;
            for (const auto& a : r.accounts) accounts += (accounts.empty() ? "" : ";") + a;
            cells.push_back(accounts);
        }
        table.add(std::move(cells));
    }
    return table;
}

} // namespace

int cmd_portfolio(const Args& args) {
    Common common;
    std::string by = "product", retire, save_as, as_of;
    po::options_description desc("portfolio options");
    desc.add_options()("by", po::value(&by)->value_name("LEVEL"), "product (default), segment or status")(
        "what-if-retire", po::value(&retire)->value_name("P1,P2"),
        "show the org's ratio and cost with these products' makers released")(
        "save-scenario", po::value(&save_as)->value_name("NAME"), "with --what-if-retire: keep that org as a scenario");
    add_as_of(desc, as_of);
    add_common(desc, common);
    if (!parse(args, desc, {}, common, "orgplan portfolio [--by product|segment|status] [--what-if-retire P1,P2 "
                                       "[--save-scenario NAME]] [--format table|json|csv|md|xlsx|html]"))
        return 0;
    if (!save_as.empty() && retire.empty()) throw UsageError("--save-scenario goes with --what-if-retire");
    if (!save_as.empty() && !as_of.empty()) throw UsageError("--save-scenario works on today's org, not --as-of");
    std::optional<SnapshotInfo> used;
    const auto opened = open_for_answers(db_path(common), as_of, &used);
    Database& db = *opened;
    const auto [org, settings] = read_org_and_settings(db);
    const SharedWork work_once(org); // the answer and its data gaps share coverage and the people index
    GapsAhead gaps("portfolio", org, db); // found while the answer is worked out
    Portfolio p;
    try {
        p = compute_portfolio(org, settings, by);
    } catch (const Error& e) {
        throw UsageError(e.what());
    }
    const auto& currency = settings.text("cost.currency");
    auto output = Output::of(portfolio_table(by, p, currency),
                             {{"by", by},
                              {"total_cost", stable(p.total_cost)},
                              {"estimated_cost", stable(p.estimated_cost)},
                              {"winding_down", {{"maker_fte", stable(p.winding_down_makers)},
                                                {"cost", stable(p.winding_down_cost)}}}});
    output.title = "portfolio by " + by;
    note_snapshot(output, used);
    output.notes.push_back(fmt::format("yearly people cost {}, of which {} ({:.0f}%) estimated from family "
                                       "defaults for people without a cost (orgplan config list cost.)",
                                       money_text(p.total_cost, currency), money_text(p.estimated_cost, currency),
                                       p.total_cost > 0 ? 100 * p.estimated_cost / p.total_cost : 0.0));
    output.notes.push_back(fmt::format("maintenance, unsupported and retired products take {:.1f} maker FTE and "
                                       "{} a year: what retiring them would free",
                                       p.winding_down_makers, money_text(p.winding_down_cost, currency)));
    if (!retire.empty()) {
        const auto retired = without_products_makers(org, text::split_commas(retire));
        const double threshold = settings.get("ratio.threshold"), spread = settings.get("ratio.max_spread");
        const auto now = compute_ratios(org, "org", threshold, spread);
        const auto then = compute_ratios(retired, "org", threshold, spread);
        const auto then_cost = compute_portfolio(retired, settings, "product").total_cost;
        Table what_if({{"measure", "measure"}, {"now", "now", 1}, {"retired", "after retiring", 1}, {"change", "change", 1}});
        what_if.add({std::string("maker FTE"), now.org_makers, then.org_makers, then.org_makers - now.org_makers});
        what_if.add({std::string("org ratio"), now.org_ratio().value_or(0), then.org_ratio().value_or(0),
                     then.org_ratio().value_or(0) - now.org_ratio().value_or(0)});
        what_if.add({"yearly people cost" + (currency.empty() ? std::string() : " (" + currency + ")"), p.total_cost,
                     then_cost, then_cost - p.total_cost});
        output.sections.push_back({"what if " + retire + " retire", std::move(what_if), "what_if"});
        if (!save_as.empty()) {
            Database writer(db_path(common), Database::Open::write);
            WriteTransaction tx(writer);
            create_scenario(writer, save_as, kCurrentScenario);
            auto s = load_scenario(writer, save_as);
            s.org = retired;
            s.changes.push_back("retire " + retire + " (their makers released)");
            save_scenario(writer, s);
            record_change(writer, "portfolio --what-if-retire " + retire + " --save-scenario " + save_as,
                          {{"scenarios", 1}});
            tx.commit();
            output.notes.push_back("saved as scenario " + save_as + " (orgplan scenario diff current " + save_as + ")");
        }
    }
    note_gaps(output, gaps);
    emit(output, common);
    return 0;
}

} // namespace orgplan::cli
