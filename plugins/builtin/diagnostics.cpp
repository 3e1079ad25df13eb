// Built-in diagnostics: capacity (ratios, coverage, spread, coaching, hiring) and goal misalignments.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "orgplan/diagnostic.hpp"
#include "support.hpp"

namespace orgplan::builtin {
namespace {

using sdk::Finding;
using sdk::Severity;

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool mentions(const Goal& g, std::initializer_list<const char*> words) {
    const auto text = lower(g.name + " " + g.metric);
    for (const char* w : words)
        if (text.find(w) != std::string::npos) return true;
    return false;
}

std::string name_of(const Org& org, const std::string& id) {
    for (const auto& p : org.people)
        if (p.id == id) return p.name + " (" + id + ")";
    return id;
}

// ---- capacity ---------------------------------------------------------------------------------------

class RatioOverload final : public sdk::Diagnostic {
public:
    std::vector<Finding> run(const sdk::DiagnosticRequest& r) const override {
        const double threshold = setting(r.settings, "ratio.threshold", 10);
        std::vector<Finding> out;
        for (std::size_t t = 0; t < r.org.teams.size(); ++t) {
            const double makers = r.coverage.team_maker_fte[t], pm = r.coverage.team_pm_fte[t];
            if (pm <= 1e-12 || makers / pm <= threshold + 1e-9) continue;
            const double ratio = makers / pm;
            out.push_back({"ratio-overload", ratio > 2 * threshold ? Severity::error : Severity::warning,
                           r.org.teams[t].id,
                           fixed(makers) + " maker FTE / " + fixed(pm, 2) + " PM FTE = " + fixed(ratio) +
                               ":1, over the " + fixed(threshold, 0) + ":1 threshold",
                           "add " + fixed(makers / threshold - pm, 2) +
                               " PM FTE to this team or move makers; above the threshold the PM has no time for "
                               "research and strategy"});
        }
        return out;
    }
};

class NoPm final : public sdk::Diagnostic {
public:
    std::vector<Finding> run(const sdk::DiagnosticRequest& r) const override {
        const double threshold = setting(r.settings, "ratio.threshold", 10);
        std::vector<Finding> out;
        for (std::size_t t = 0; t < r.org.teams.size(); ++t) {
            const double makers = r.coverage.team_maker_fte[t];
            if (makers <= 1e-12 || r.coverage.team_pm_fte[t] > 1e-12) continue;
            out.push_back({"no-pm", Severity::error, r.org.teams[t].id,
                           fixed(makers) + " maker FTE and no PM time",
                           "assign " + fixed(makers / threshold, 2) + " PM FTE (a PM covering the product or "
                                                                      "segment, or this team directly)"});
        }
        return out;
    }
};

class PmSpread final : public sdk::Diagnostic {
public:
    std::vector<Finding> run(const sdk::DiagnosticRequest& r) const override {
        const double max_spread = setting(r.settings, "ratio.max_spread", 3);
        std::map<std::string, std::set<std::size_t>> teams_of;
        for (const auto& part : r.coverage.parts)
            if (part.fte > 1e-12) teams_of[part.pm_id].insert(part.team);
        std::vector<Finding> out;
        for (const auto& [pm, teams] : teams_of)
            if (teams.size() > max_spread)
                out.push_back({"pm-spread", Severity::warning, pm,
                               name_of(r.org, pm) + " covers " + std::to_string(teams.size()) + " teams (limit " +
                                   fixed(max_spread, 0) + ")",
                               "narrow the PM's scope to at most " + fixed(max_spread, 0) +
                                   " teams; context switching eats the time for discovery"});
        return out;
    }
};

class NoviceCoaching final : public sdk::Diagnostic {
public:
    std::vector<Finding> run(const sdk::DiagnosticRequest& r) const override {
        std::vector<Finding> out;
        const auto& coaching = r.coaching;
        const double senior_hours = setting(r.settings, "coaching.senior_hours", 2);
        if (!coaching.experience_unknown.empty())
            out.push_back({"novice-coaching", Severity::info, "PM experience",
                           std::to_string(coaching.experience_unknown.size()) +
                               " PMs have no years of PM experience in the data: whether they need coaching or can "
                               "mentor is unknown, so no coaching finding counts them",
                           "add a pm_years column to the people file (orgplan check lists them)"});
        if (!r.mentor_pairs.empty()) {
            // A saved mentoring plan says exactly who is coached.
            std::set<std::string> coached;
            for (const auto& [mentor, novice] : r.mentor_pairs) coached.insert(novice);
            for (const auto& g : coaching.groups)
                for (const auto& n : g.novices)
                    if (!coached.count(n))
                        out.push_back({"novice-coaching", Severity::error, n,
                                       name_of(r.org, n) + " is a novice PM with no mentor in the saved plan",
                                       "re-run orgplan mentoring plan, or hire a seasoned senior to mentor"});
            return out;
        }
        for (const auto& g : coaching.groups) {
            const double demand = g.novices.size() * coaching.novice_hours;
            if (demand <= g.capacity_hours + 1e-9) continue;
            const double gap = demand - g.capacity_hours;
            const auto uncovered = static_cast<long>(std::ceil(gap / coaching.novice_hours - 1e-9));
            const auto seniors_needed = static_cast<long>(std::ceil(gap / senior_hours - 1e-9));
            out.push_back({"novice-coaching", Severity::error, g.leader_id,
                           std::to_string(g.novices.size()) + " novice PMs under " + name_of(r.org, g.leader_id) +
                               " need " + fixed(demand) + " h/week of coaching; the leader and " +
                               std::to_string(g.seniors.size()) + " senior PMs can give " + fixed(g.capacity_hours) +
                               " h/week, so " +
                               std::to_string(uncovered) + " novices go without",
                           "hire " + std::to_string(seniors_needed) +
                               " seasoned senior PMs (instead of newcomers) or move novices to a leader with spare "
                               "coaching time"});
        }
        for (const auto& n : coaching.novices_without_leader)
            out.push_back({"novice-coaching", Severity::error, n,
                           name_of(r.org, n) + " is a novice PM with no product leader above them",
                           "have the PM report to a product leader, or assign a senior mentor"});
        return out;
    }
};

class LeaderCoachingLoad final : public sdk::Diagnostic {
public:
    std::vector<Finding> run(const sdk::DiagnosticRequest& r) const override {
        std::vector<Finding> out;
        for (const auto& g : r.coaching.groups) {
            const double load = g.direct_novices.size() * r.coaching.novice_hours;
            if (load <= g.leader_hours + 1e-9) continue;
            out.push_back({"leader-coaching-load", Severity::warning, g.leader_id,
                           name_of(r.org, g.leader_id) + " coaches " + std::to_string(g.direct_novices.size()) +
                               " novice direct reports: " + fixed(load) + " h/week against a capacity of " +
                               fixed(g.leader_hours) + " h/week",
                           "assign senior PMs as mentors for some novices, or raise the leader's coaching time "
                           "(coaching_hours column)"});
        }
        return out;
    }
};

class HiringMentoring final : public sdk::Diagnostic {
public:
    std::vector<Finding> run(const sdk::DiagnosticRequest& r) const override {
        const auto& plan = r.planned_hiring;
        if (plan.groups.empty()) return {};
        double capacity = 0, demand = r.coaching.novices_without_leader.size() * r.coaching.novice_hours;
        for (const auto& g : r.coaching.groups) {
            capacity += g.capacity_hours;
            demand += g.novices.size() * r.coaching.novice_hours;
        }
        const double spare = std::max(0.0, capacity - demand);
        const double need = plan.coaching_need_hours - plan.coaching_give_hours;
        if (need <= spare + 1e-9) return {};
        const double novice_hours = setting(r.settings, "coaching.novice_hours", 1);
        const double senior_hours = setting(r.settings, "coaching.senior_hours", 2);
        // Swapping one novice hire for a senior removes their need and adds the senior's mentoring.
        const auto swaps = static_cast<long>(std::ceil((need - spare) / (novice_hours + senior_hours) - 1e-9));
        return {{"hiring-mentoring", Severity::error, "hiring plan",
                 "the planned hires need " + fixed(plan.coaching_need_hours) + " h/week of coaching and bring " +
                     fixed(plan.coaching_give_hours) + " h/week of mentoring; spare coaching capacity today is " +
                     fixed(spare) + " h/week",
                 "hire " + std::to_string(swaps) + " more seasoned seniors in place of newcomers or transfers "
                                                   "(e.g. --mix senior-heavy)"}};
    }
};

// ---- goals and incentives ---------------------------------------------------------------------------

bool is(const Goal& g, const char* function) { return lower(g.function) == function; }

bool overlap(const Goal& a, const Goal& b) {
    if (a.product_ids.empty() || b.product_ids.empty()) return true;
    for (const auto& p : a.product_ids)
        if (std::find(b.product_ids.begin(), b.product_ids.end(), p) != b.product_ids.end()) return true;
    return false;
}

class CustomWorkConflict final : public sdk::Diagnostic {
public:
    std::vector<Finding> run(const sdk::DiagnosticRequest& r) const override {
        std::vector<Finding> out;
        for (const auto& svc : r.org.goals) {
            const bool custom = svc.theme == "custom_work" || mentions(svc, {"custom", "special", "bespoke"});
            if (!is(svc, "services") || !svc.incentive || !custom) continue;
            for (const auto& prod : r.org.goals) {
                const bool reduce = prod.theme == "reduce_custom_work" ||
                                    (mentions(prod, {"reduce", "cut", "fewer", "eliminate"}) &&
                                     mentions(prod, {"custom", "special", "one-off", "bespoke"}));
                if (!is(prod, "product") || !reduce || !overlap(svc, prod)) continue;
                out.push_back({"custom-work-conflict", Severity::error, svc.id,
                               "services is bonused on '" + svc.name + "' (" + svc.metric + ") while product pursues '" +
                                   prod.name + "' (" + prod.id + ")",
                               "tie services incentives to delivery of standard offerings or to customer outcomes, "
                               "and agree with product which custom work is funded"});
            }
        }
        return out;
    }
};

class QuotaReliefUnsupported final : public sdk::Diagnostic {
public:
    std::vector<Finding> run(const sdk::DiagnosticRequest& r) const override {
        std::map<std::string, const Product*> products;
        for (const auto& p : r.org.products) products[p.id] = &p;
        std::vector<Finding> out;
        for (const auto& g : r.org.goals) {
            if (!is(g, "sales") || !(g.incentive || g.theme == "quota_relief")) continue;
            for (const auto& id : g.product_ids) {
                auto it = products.find(id);
                if (it == products.end()) continue;
                const auto status = it->second->status;
                if (status != ProductStatus::unsupported && status != ProductStatus::retired) continue;
                out.push_back({"quota-relief-unsupported", Severity::error, g.id,
                               "sales goal '" + g.name + "' rewards selling " + it->second->name + ", which is " +
                                   (status == ProductStatus::retired ? "retired" : "unsupported"),
                               "remove quota credit for " + it->second->name +
                                   " or give sales a migration target to a supported product"});
            }
        }
        return out;
    }
};

class SupportActivityMetric final : public sdk::Diagnostic {
public:
    std::vector<Finding> run(const sdk::DiagnosticRequest& r) const override {
        std::vector<Finding> out;
        for (const auto& g : r.org.goals) {
            if (!is(g, "support")) continue;
            const bool activity = g.metric_kind == MetricKind::activity ||
                                  mentions(g, {"call duration", "handle time", "calls per", "tickets closed"});
            if (!activity) continue;
            out.push_back({"support-activity-metric", g.incentive ? Severity::error : Severity::warning, g.id,
                           "support is measured on '" + g.metric + "', an activity metric" +
                               (g.incentive ? ", with an incentive on it" : ""),
                           "measure support on resolution (first-contact resolution, repeat contacts, customer "
                           "effort) and feed top issues to product"});
        }
        return out;
    }
};

class FunnelWithoutQuality final : public sdk::Diagnostic {
public:
    std::vector<Finding> run(const sdk::DiagnosticRequest& r) const override {
        bool quality = false, sales_conversion = false;
        for (const auto& g : r.org.goals) {
            if (is(g, "marketing") &&
                (g.theme == "lead_quality" || mentions(g, {"quality", "sales-accepted", "sql", "pipeline"})))
                quality = true;
            if (is(g, "sales") && (g.theme == "conversion" || mentions(g, {"conversion", "win rate", "close rate"})))
                sales_conversion = true;
        }
        std::vector<Finding> out;
        if (quality) return out;
        for (const auto& g : r.org.goals) {
            const bool top = g.theme == "top_of_funnel" ||
                             ((g.metric_kind == MetricKind::output || g.metric_kind == MetricKind::activity) &&
                              mentions(g, {"lead", "mql", "traffic", "visits", "sign-up", "signup"}));
            if (!is(g, "marketing") || !top) continue;
            out.push_back({"funnel-without-quality", sales_conversion ? Severity::warning : Severity::info, g.id,
                           "marketing targets volume ('" + g.metric + "') with no lead-quality goal" +
                               (sales_conversion ? std::string(", while sales is measured on conversion") : ""),
                           "add a lead-quality goal for marketing (sales-accepted leads, pipeline created) or share "
                           "the conversion target"});
        }
        return out;
    }
};

class OutputOnlyOkr final : public sdk::Diagnostic {
public:
    std::vector<Finding> run(const sdk::DiagnosticRequest& r) const override {
        std::map<std::string, std::vector<const Goal*>> okrs;
        for (const auto& g : r.org.goals)
            if (!g.objective.empty()) okrs[g.function + "\x1f" + g.objective].push_back(&g);
        std::vector<Finding> out;
        for (const auto& [key, krs] : okrs) {
            const bool output_only = std::all_of(krs.begin(), krs.end(), [](const Goal* g) {
                return g->metric_kind == MetricKind::output || g->metric_kind == MetricKind::activity;
            });
            if (!output_only) continue;
            std::string metrics;
            for (const auto* g : krs) metrics += (metrics.empty() ? "" : "; ") + g->metric;
            out.push_back({"output-only-okr", Severity::warning, krs.front()->objective,
                           krs.front()->function + " OKR '" + krs.front()->objective + "' has only output key results (" +
                               metrics + ")",
                           "add an outcome key result: what changes for customers or the business when this ships"});
        }
        return out;
    }
};

class NoCounterMetric final : public sdk::Diagnostic {
public:
    std::vector<Finding> run(const sdk::DiagnosticRequest& r) const override {
        std::vector<Finding> out;
        for (const auto& g : r.org.goals) {
            if (!g.counter_metric.empty() || !(g.north_star || g.incentive)) continue;
            out.push_back({"no-counter-metric", g.north_star ? Severity::warning : Severity::info, g.id,
                           std::string(g.north_star ? "North Star" : "incentivised goal") + " '" + g.name +
                               "' has no counter metric",
                           "pair '" + g.metric + "' with a metric that would get worse if it were gamed"});
        }
        return out;
    }
};

} // namespace
} // namespace orgplan::builtin

using namespace orgplan;
using namespace orgplan::builtin;

ORGPLAN_PLUGIN_LIBRARY(
    sdk::diagnostic<RatioOverload>("ratio-overload", "1.0.0", "teams with more makers per PM than the threshold"),
    sdk::diagnostic<NoPm>("no-pm", "1.0.0", "teams with makers and no PM time"),
    sdk::diagnostic<PmSpread>("pm-spread", "1.0.0", "PMs covering more teams than the spread limit"),
    sdk::diagnostic<NoviceCoaching>("novice-coaching", "1.0.0", "novice PMs without coaching capacity"),
    sdk::diagnostic<LeaderCoachingLoad>("leader-coaching-load", "1.0.0",
                                        "leaders whose novice direct reports exceed their coaching hours"),
    sdk::diagnostic<HiringMentoring>("hiring-mentoring", "1.0.0",
                                     "a planned hiring mix needing more mentoring than seniors can give"),
    sdk::diagnostic<CustomWorkConflict>("custom-work-conflict", "1.0.0",
                                        "services rewarded for custom work while product cuts specials"),
    sdk::diagnostic<QuotaReliefUnsupported>("quota-relief-unsupported", "1.0.0",
                                            "sales incentives on unsupported or retired products"),
    sdk::diagnostic<SupportActivityMetric>("support-activity-metric", "1.0.0",
                                           "support measured on activity such as call duration"),
    sdk::diagnostic<FunnelWithoutQuality>("funnel-without-quality", "1.0.0",
                                          "marketing volume targets with no lead-quality counterpart"),
    sdk::diagnostic<OutputOnlyOkr>("output-only-okr", "1.0.0", "OKRs whose key results are all output"),
    sdk::diagnostic<NoCounterMetric>("no-counter-metric", "1.0.0",
                                     "North Star or incentivised goals with no counter metric"))
