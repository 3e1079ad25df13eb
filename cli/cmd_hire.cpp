#include <cmath>
#include <iostream>

#include <fmt/format.h>

#include "context.hpp"
#include "orgplan/read_transaction.hpp"
#include "orgplan/coaching.hpp"
#include "orgplan/database.hpp"
#include "orgplan/org_store.hpp"
#include "orgplan/plugin_requests.hpp"
#include "orgplan/ratios.hpp"

namespace orgplan::cli {

int cmd_hire(const Args& args) {
    Common common;
    PluginOptions plugin_options;
    std::vector<std::string> mixes;
    double count = -1;
    po::options_description desc("hire options");
    desc.add_options()
        ("count", po::value(&count)->value_name("N"),
         "PM hires to plan (default: what the org needs to reach the ratio threshold)")
        ("mix", po::value(&mixes)->value_name("NAME"), "hiring mix plugin (repeatable; default: every mix)");
    add_plugin_options(desc, plugin_options);
    add_common(desc, common);
    if (!parse(args, desc, {}, common, "orgplan hire [--count N] [--mix NAME]")) return 0;
    if (count != -1) option_in_range("--count", count, {0, 100000});

    Database db(db_path(common), Database::Open::read);
    const ReadTransaction snapshot(db.sql()); // one answer from one commit
    const auto settings = Settings::load(db.sql());
    const auto org = load_org(db.sql());
    const double threshold = settings.get("ratio.threshold");
    const auto ratios = compute_ratios(org, "org", threshold, settings.get("ratio.max_spread"));
    const bool derived = count < 0;
    if (derived)
        count = static_cast<double>(checked_count(std::max(0.0, std::ceil(ratios.org_makers / threshold - ratios.org_pms - 1e-9)),
                                                  1e7, "PM hires needed"));
    const auto balance = coaching_balance(org, settings);
    const auto host = load_plugins(plugin_options);
    const sdk::HiringRequest request{org, count, to_sdk(settings), plugin_params(plugin_options)};

    std::vector<const LoadedPlugin*> selected;
    for (const auto& m : mixes) selected.push_back(&host->get(sdk::PluginKind::hiring_mix, m));
    if (mixes.empty()) selected = host->of_kind(sdk::PluginKind::hiring_mix);

    Table table({{"mix", "mix"}, {"seniors", "seniors"}, {"transfers", "transfers"}, {"newcomers", "newcomers"},
                 {"cost", "cost", 0}, {"coaching_need", "coaching need h/wk"}, {"mentoring_added", "mentoring added h/wk"},
                 {"coaching_gap", "coaching gap h/wk"}, {"full_strength_quarters", "full strength in Q"},
                 {"verdict", "verdict"}});
    const double senior_hours = settings.get("coaching.senior_hours");
    const double novice_hours = settings.get("coaching.novice_hours");
    for (const auto* p : selected) {
        sdk::HiringPlan plan;
        try {
            plan = host->plan(*p, request);
        } catch (const Error& e) {
            if (plugin_options.strict) throw;
            std::cerr << "orgplan hire: skipped: " << e.what() << "\n";
            continue;
        }
        double by_origin[4] = {0, 0, 0, 0}, ready = 0;
        for (const auto& g : plan.groups) {
            by_origin[static_cast<int>(g.origin)] += g.count;
            if (g.count > 0) ready = std::max(ready, g.lead_quarters + g.ramp_quarters);
        }
        const double gap = std::max(0.0, plan.coaching_need_hours - plan.coaching_give_hours - balance.spare());
        const auto swaps = static_cast<long>(std::ceil(gap / (senior_hours + novice_hours) - 1e-9));
        const std::string verdict =
            gap <= 1e-9 ? "mentoring covered"
                        : fmt::format("hire {} more senior{} instead of novices", swaps, swaps == 1 ? "" : "s");
        table.add({p->name, by_origin[static_cast<int>(Origin::external_senior)],
                   by_origin[static_cast<int>(Origin::internal_transfer)],
                   by_origin[static_cast<int>(Origin::newcomer)], plan.total_cost, plan.coaching_need_hours,
                   plan.coaching_give_hours, gap, ready, verdict});
    }
    auto output = Output::of(std::move(table), {{"count", count},
                                                 {"count_derived", derived},
                                                 {"coaching_capacity_hours", stable(balance.capacity)},
                                                 {"coaching_demand_hours", stable(balance.demand)},
                                                 {"coaching_spare_hours", stable(balance.spare())}});
    output.title = "hiring mixes";
    output.intro.push_back(fmt::format("{:g} PM hires{}; coaching today: {:.1f} h/week capacity, {:.1f} needed, {:.1f} spare",
                                       count,
                                       derived ? fmt::format(" (what {:.1f} maker FTE need at {:g}:1 beyond {:.2f} PM FTE)",
                                                             ratios.org_makers, threshold, ratios.org_pms)
                                               : "",
                                       balance.capacity, balance.demand, balance.spare()));
    emit(output, common);
    return 0;
}

} // namespace orgplan::cli
