#include <cmath>
#include <iostream>
#include <map>
#include <optional>
#include <set>

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include "context.hpp"
#include "orgplan/planning/scenario_merge.hpp"
#include "orgplan/storage/change_log.hpp"
#include "orgplan/storage/read_transaction.hpp"
#include "orgplan/planning/analysis.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/model/enums.hpp"
#include "orgplan/planning/mentoring.hpp"
#include "orgplan/analysis/ratios.hpp"
#include "orgplan/planning/scenario.hpp"
#include "orgplan/planning/positions.hpp"
#include "orgplan/base/text.hpp"

namespace orgplan::cli {
namespace {

// The numbers a scenario comparison shows, in display order.
struct Metric {
    std::string name;
    std::optional<double> value; ///< empty: no value (a ratio without PMs)
    bool money = false;          ///< shown to people with its thousands grouped
};
// PM time on a product, segment, initiative or account (directly assigned), and whose it is.
struct TargetCover {
    double pm_fte = 0;
    std::set<std::string> pms;
};
struct Outcome {
    std::vector<Metric> metrics;
    std::map<std::string, sdk::Finding> findings; // by check + subject
    std::map<std::pair<std::string, std::string>, TargetCover> covered; // (kind, target) -> PM time on it
};

// What PMs are assigned to beyond teams: a PM moved in a scenario may take an initiative's or account's only PM.
std::map<std::pair<std::string, std::string>, TargetCover> direct_cover(const Org& org) {
    std::unordered_map<std::string_view, double> fte;
    for (const auto& p : org.people) fte.emplace(p.id, p.fte);
    std::map<std::pair<std::string, std::string>, TargetCover> out;
    for (const auto& a : org.assignments) {
        if (a.kind == TargetKind::team) continue;
        auto& c = out[{std::string(to_string(a.kind)), a.target_id}];
        const auto it = fte.find(a.pm_id);
        c.pm_fte += a.share * (it == fte.end() ? 1.0 : it->second);
        c.pms.insert(a.pm_id);
    }
    return out;
}

Outcome evaluate_scenario(const Scenario& s, const PluginHost& host, int quarters) {
    Outcome o;
    const double threshold = s.settings.get("ratio.threshold");
    // A scenario is compared as planned: its open roles and planned departures count.
    const auto planned = planned_maker_totals(s.org, maker_totals(s.org));
    const auto team = compute_ratios(s.org, "team", threshold, s.settings.get("ratio.max_spread"), nullptr, &planned);
    std::size_t over = 0;
    std::optional<double> worst;
    for (const auto& r : team.rows) {
        over += r.status == RatioStatus::over;
        if (r.ratio) worst = std::max(worst.value_or(0.0), *r.ratio);
    }
    o.metrics = {{"maker FTE", team.org_makers},
                 {"PM FTE", team.org_pms},
                 {"org ratio", team.org_ratio()},
                 {"worst team ratio", worst},
                 {"teams over threshold", static_cast<double>(over)},
                 {"teams with no PM", static_cast<double>(team.teams_without_pm.size())},
                 {"PMs spread too thin", static_cast<double>(team.thin_pms.size())}};
    const auto in = plan_input(s.org, s.settings, mix_profile(host, s.mix, s.org, s.settings, {}), quarters,
                               s.settings.get("plan.maker_growth"), {}, false, true);
    const auto plan = project_headcount(in);
    double hires = 0;
    for (const auto& q : plan)
        for (double h : q.hires_opened) hires += h;
    o.metrics.push_back({fmt::format("PM hires in {} quarters", quarters), hires});
    const double final_ratio = plan.back().ratio;
    o.metrics.push_back({fmt::format("ratio after {} quarters", quarters),
                         std::isfinite(final_ratio) ? std::optional<double>(final_ratio) : std::nullopt});
    o.metrics.push_back({"added yearly cost", plan.back().added_yearly_cost, true});
    const auto mentoring = plan_mentoring(s.org, s.settings);
    o.metrics.push_back({"novice PMs", static_cast<double>(mentoring.novices)});
    o.metrics.push_back({"novices without coaching", static_cast<double>(mentoring.uncovered.size())});
    const auto diag = run_diagnostics(host, {}, s.org, s.settings, {}, {}, {}, &planned);
    double counts[3] = {0, 0, 0};
    for (const auto& f : diag.findings) {
        ++counts[static_cast<int>(f.severity)];
        o.findings.emplace(f.check + " " + f.subject, f);
    }
    o.metrics.push_back({"error findings", counts[2]});
    o.metrics.push_back({"warning findings", counts[1]});
    o.covered = direct_cover(s.org);
    return o;
}

TargetKind parse_target(const std::string& text, std::string& target) {
    const auto colon = text.find(':');
    const auto kind = colon == std::string::npos ? std::nullopt : parse_target_kind(text.substr(0, colon));
    if (!kind) throw UsageError("--to '" + text + "': write KIND:ID, e.g. team:ana-query or product:p-billing");
    target = text.substr(colon + 1);
    return *kind;
}

// scenario merge NAME [--theirs|--ours] [--yes]: one transaction, logged; removing people of the org needs --yes.
int merge(Database& db, const std::string& name, bool theirs, bool ours, bool yes) {
    if (theirs && ours) throw UsageError("merge: give --theirs or --ours, not both");
    const auto resolve = theirs ? MergeResolve::theirs : ours ? MergeResolve::ours : MergeResolve::refuse;
    SQLite::Transaction tx(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
    MergeSummary m;
    try {
        m = merge_scenario(db.sql(), name, resolve, yes);
    } catch (const MergeRemovesPeople& e) {
        throw UsageError(e.what()); // like person erase without --yes: nothing written, exit 2
    }
    record_change(db.sql(), "scenario merge " + name + (theirs ? " --theirs" : ours ? " --ours" : ""),
                  {{"written", m.written}, {"removed", m.removed}, {"conflicts", m.conflicts}, {"settings", m.settings}});
    tx.commit();
    std::cout << fmt::format("merged scenario {} into the org: {} records written, {} removed, {} settings{}\n", name,
                             m.written, m.removed, m.settings,
                             m.conflicts ? fmt::format("; {} conflicts resolved for {}", m.conflicts,
                                                       theirs ? "the scenario" : "the org")
                                         : "");
    if (!m.people_added.empty()) std::cout << "added " << m.people_added.size() << ": " << listed_people(m.people_added) << "\n";
    if (!m.people_removed.empty())
        std::cout << "removed " << m.people_removed.size() << ": " << listed_people(m.people_removed) << "\n";
    if (!m.people_moved.empty())
        std::cout << "changed or moved " << m.people_moved.size() << ": " << listed_people(m.people_moved) << "\n";
    if (!m.positions_planned.empty()) {
        std::cout << "planned " << m.positions_planned.size() << " positions (orgplan positions lists them; ratios "
                  << "and plan --planned count them):\n";
        for (const auto& p : m.positions_planned) std::cout << "  " << p << "\n";
    }
    return 0;
}

} // namespace

int cmd_scenario(const Args& args) {
    Common common;
    PluginOptions plugin_options;
    std::vector<std::string> words, sets, add_makers;
    std::string from = kCurrentScenario, move_pm, to, add_team, team_name, product, segment, mix, quarter;
    std::optional<double> share_option;
    bool theirs = false, ours = false, yes = false;
    int makers = 0, quarters = 8;
    po::options_description desc("scenario options");
    desc.add_options()
        ("words", po::value(&words), "create NAME | list | show NAME | delete NAME | apply NAME | diff A B")
        ("from", po::value(&from)->value_name("NAME"), "create: copy this scenario instead of the live org")
        ("move-pm", po::value(&move_pm)->value_name("PM"), "apply: give this PM a single assignment...")
        ("to", po::value(&to)->value_name("KIND:ID"), "...to this target, e.g. team:ana-query")
        ("share", number_option(share_option, "--share", {0, 1, true})->value_name("S"), "...with this share of the PM's time (default 1)")
        ("add-team", po::value(&add_team)->value_name("ID"), "apply: add a team...")
        ("name", po::value(&team_name)->value_name("NAME"), "...with this name")
        ("makers", whole_option(makers, "--makers", 0, 100000)->value_name("N"), "...with N open maker roles")
        ("product", po::value(&product)->value_name("ID"), "...for this product")
        ("segment", po::value(&segment)->value_name("ID"), "...for this segment")
        ("add-makers", po::value(&add_makers)->value_name("TEAM=N"), "apply: plan N open maker roles in a team (-N: N planned departures); positions, not people")
        ("quarter", po::value(&quarter)->value_name("YYYY-Qn"), "apply: the quarter planned makers count from (default: as soon as possible)")
        ("set", po::value(&sets)->value_name("KEY=VALUE"), "apply: change a setting in the scenario (repeatable)")
        ("mix", po::value(&mix)->value_name("NAME"), "apply: hiring mix the scenario plans with")
        ("quarters", whole_option(quarters, "--quarters", 1, 80)->value_name("N"), "diff: planning horizon (default 8)")
        ("theirs", po::bool_switch(&theirs), "merge: where both changed a record, the scenario's wins")
        ("ours", po::bool_switch(&ours), "merge: where both changed a record, the org's stays")
        ("yes", po::bool_switch(&yes), "merge: the scenario removes people of the org, and they really leave");
    add_plugin_options(desc, plugin_options, false);
    add_common(desc, common);
    po::positional_options_description pos;
    pos.add("words", -1);
    const std::string usage = "orgplan scenario create NAME | list | show NAME | delete NAME | apply NAME [changes] | "
                              "diff A B | merge NAME [--theirs|--ours] [--yes]";
    if (!parse(args, desc, pos, common, usage)) return 0;
    const std::string action = words.empty() ? "list" : words[0];
    const auto expect = [&](std::size_t n) {
        if (words.size() != n) throw UsageError("scenario " + action + ": wrong number of arguments\nusage: " + usage);
    };
    const bool writes = action == "create" || action == "delete" || action == "apply" || action == "merge";
    Database db(db_path(common), writes ? Database::Open::write : Database::Open::read);
    std::optional<ReadTransaction> snapshot; // reads: one answer from one commit
    if (!writes) snapshot.emplace(db.sql());

    if (action == "merge") {
        expect(2);
        return merge(db, words[1], theirs, ours, yes);
    }

    if (action == "list") {
        expect(1);
        Table table({{"name", "name"}, {"created_at", "created"}, {"changes", "changes"}});
        for (const auto& s : list_scenarios(db.sql()))
            table.add({s.name, s.created_at, static_cast<long long>(s.changes)});
        print_rows(table, common);
        return 0;
    }
    if (action == "create" || action == "delete") {
        expect(2);
        SQLite::Transaction tx(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        if (action == "create")
            create_scenario(db.sql(), words[1], from);
        else
            delete_scenario(db.sql(), words[1]);
        record_change(db.sql(), "scenario " + action + " " + words[1], {{"scenarios", 1}});
        tx.commit();
        std::cout << (action == "create" ? "created scenario " + words[1] + " from " + from : "deleted scenario " + words[1])
                  << "\n";
        return 0;
    }
    if (action == "show") {
        expect(2);
        const auto s = load_scenario(db.sql(), words[1]);
        Table table(std::vector<Column>{{"change", "change"}});
        for (const auto& c : s.changes) table.add({c});
        print_rows(table, common, {{"name", s.name}, {"mix", s.mix}, {"created_at", s.created_at}});
        return 0;
    }
    if (action == "apply") {
        expect(2);
        const auto host = load_plugins(plugin_options);
        SQLite::Transaction tx(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        auto s = load_scenario(db.sql(), words[1]);
        if (s.name == kCurrentScenario) throw UsageError("apply changes scenarios, not the live org; create one first");
        const auto before = s.changes.size();
        if (!move_pm.empty()) {
            if (to.empty()) throw UsageError("--move-pm needs --to KIND:ID");
            std::string target;
            const auto kind = parse_target(to, target);
            orgplan::move_pm(s, move_pm, kind, target, share_option.value_or(1.0));
        }
        if (!add_team.empty()) orgplan::add_team(s, add_team, team_name, makers, product, segment);
        for (const auto& a : add_makers) {
            const auto eq = a.find('=');
            const auto n = eq == std::string::npos ? std::nullopt : parse_number_in(a.substr(eq + 1), {-100000, 100000});
            if (!n || *n != std::floor(*n))
                throw UsageError("--add-makers '" + a + "': write TEAM=N with a whole N from -100000 to 100000, e.g. ana-query=3");
            change_makers(s, a.substr(0, eq), static_cast<int>(*n), quarter);
        }
        for (const auto& kv : sets) {
            const auto eq = kv.find('=');
            if (eq == std::string::npos) throw UsageError("--set '" + kv + "': write KEY=NUMBER, e.g. ratio.threshold=8");
            const auto key = kv.substr(0, eq);
            try {
                set_setting(s, key, require_number(kv.substr(eq + 1), setting_range(key), "--set " + key));
            } catch (const Error& e) {
                throw UsageError(e.what());
            }
        }
        if (!mix.empty()) {
            host->get(sdk::PluginKind::hiring_mix, mix); // refuse unknown mixes now, not at diff time
            set_mix(s, mix);
        }
        if (s.changes.size() == before)
            throw UsageError("apply: nothing to change; give --move-pm, --add-team, --add-makers, --set or --mix");
        save_scenario(db.sql(), s);
        record_change(db.sql(), "scenario apply " + s.name, {{"changes", s.changes.size() - before}});
        tx.commit();
        for (auto i = before; i < s.changes.size(); ++i) std::cout << s.name << ": " << s.changes[i] << "\n";
        return 0;
    }
    if (action == "diff") {
        expect(3);
        const auto host = load_plugins(plugin_options);
        const auto a = load_scenario(db.sql(), words[1]);
        const auto b = load_scenario(db.sql(), words[2]);
        const auto oa = evaluate_scenario(a, *host, quarters);
        const auto ob = evaluate_scenario(b, *host, quarters);
        Table table({{"metric", "metric"}, {"a", a.name}, {"b", b.name}, {"change", "change"}});
        // Data formats keep numbers; people read money grouped ("1,382,400").
        const auto format = output_format(common);
        const bool for_people = format == Format::table || format == Format::md;
        for (std::size_t i = 0; i < oa.metrics.size(); ++i) {
            const auto cell = [&](const std::optional<double>& v) {
                if (!v) return Cell{std::monostate{}};
                return oa.metrics[i].money && for_people ? Cell{group_thousands(*v, 0)} : Cell{*v};
            };
            const auto& x = oa.metrics[i].value;
            const auto& y = ob.metrics[i].value;
            const auto& currency = b.settings.text("cost.currency");
            const auto name = oa.metrics[i].money && for_people && !currency.empty()
                                  ? oa.metrics[i].name + " (" + currency + ")"
                                  : oa.metrics[i].name;
            table.add({name, cell(x), cell(y), x && y ? cell(*y - *x) : Cell{std::monostate{}}});
        }
        Table findings({{"change", "change"}, {"severity", "severity"}, {"check", "check"}, {"subject", "subject"},
                        {"evidence", "evidence"}});
        for (const auto& [key, f] : ob.findings)
            if (!oa.findings.count(key))
                findings.add({std::string("new"), std::string(to_string(f.severity)), f.check, f.subject,
                              f.evidence});
        for (const auto& [key, f] : oa.findings)
            if (!ob.findings.count(key))
                findings.add({std::string("resolved"), std::string(to_string(f.severity)), f.check,
                              f.subject, f.evidence});
        // Coverage of products, segments, initiatives and accounts that changes hands or is lost.
        Table coverage({{"change", "change"}, {"kind", "kind"}, {"target", "target"}, {"pm_fte_a", a.name + " PM FTE", 2},
                        {"pm_fte_b", b.name + " PM FTE", 2}, {"pms_a", a.name + " PMs"}, {"pms_b", b.name + " PMs"}});
        std::set<std::pair<std::string, std::string>> targets;
        for (const auto* o : {&oa, &ob})
            for (const auto& [key, c] : o->covered) targets.insert(key);
        for (const auto& key : targets) {
            static const TargetCover none;
            const auto ia = oa.covered.find(key), ib = ob.covered.find(key);
            const auto& ca = ia == oa.covered.end() ? none : ia->second;
            const auto& cb = ib == ob.covered.end() ? none : ib->second;
            if (ca.pms == cb.pms && std::abs(ca.pm_fte - cb.pm_fte) < 1e-9) continue;
            const char* change = cb.pms.empty() ? "lost" : ca.pms.empty() ? "gained" : "changed";
            const auto list = [](const std::set<std::string>& ids) {
                std::string out;
                for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
                return out;
            };
            coverage.add({std::string(change), key.first, key.second, ca.pm_fte, cb.pm_fte, list(ca.pms),
                          list(cb.pms)});
        }
        Output output;
        output.title = "scenario " + a.name + " -> " + b.name;
        output.intro.push_back(fmt::format("{} -> {}", a.name, b.name));
        output.fields = {{"a", a.name}, {"b", b.name}, {"quarters", quarters}};
        output.sections.push_back({"", std::move(table), "metrics", std::nullopt, ""});
        const bool any_findings = findings.size() > 0;
        output.sections.push_back({"findings that change", std::move(findings), "findings", std::nullopt, ""});
        if (!any_findings && output_format(common) == Format::table) output.sections.pop_back(); // nothing to list
        const bool any_coverage = coverage.size() > 0;
        output.sections.push_back({"coverage that changes (products, segments, initiatives, accounts)",
                                   std::move(coverage), "coverage", std::nullopt, ""});
        if (!any_coverage && output_format(common) == Format::table) output.sections.pop_back();
        emit(output, common);
        return 0;
    }
    throw UsageError("scenario: unknown action '" + action + "'\nusage: " + usage);
}

} // namespace orgplan::cli
