// Building small orgs in code and running the built-in plugins on them.
#pragma once

#include <optional>
#include <string>

#include "orgplan/analysis/coaching.hpp"
#include "orgplan/plugin_host/plugin_host.hpp"
#include "orgplan/plugin_host/plugin_requests.hpp"
#include "orgplan/analysis/ratios.hpp"
#include "orgplan/model/settings.hpp"

namespace orgplan::test {

class OrgBuilder {
public:
    OrgBuilder& team(const std::string& id, const std::string& product = "", const std::string& segment = "",
                     const std::string& type = "") {
        org.teams.push_back({id, id, type, product, segment, ""});
        return *this;
    }
    OrgBuilder& product(const std::string& id, ProductStatus status = ProductStatus::active,
                        const std::string& segment = "") {
        org.products.push_back({id, id, status, segment});
        return *this;
    }
    OrgBuilder& segment(const std::string& id) {
        org.segments.push_back({id, id});
        return *this;
    }
    OrgBuilder& account(const std::string& id) {
        org.accounts.push_back({id, id, ""});
        return *this;
    }
    OrgBuilder& initiative(const std::string& id) {
        org.initiatives.push_back({id, id});
        return *this;
    }
    OrgBuilder& makers(const std::string& team, int count, double fte = 1.0) {
        for (int i = 0; i < count; ++i) {
            const auto id = team + "-m" + std::to_string(org.people.size());
            person(id, Family::maker, fte);
            org.memberships.push_back({id, team, 1.0});
        }
        return *this;
    }
    OrgBuilder& leader(const std::string& id, std::optional<double> hours = std::nullopt, const std::string& manager = "") {
        person(id, Family::product_leader, 1.0, 10, Origin::external_senior, manager).coaching_hours = hours;
        return *this;
    }
    OrgBuilder& pm(const std::string& id, double years = 5, Origin origin = Origin::external_senior,
                   const std::string& manager = "", double fte = 1.0) {
        person(id, Family::pm, fte, years, origin, manager);
        return *this;
    }
    /// Someone of any family reporting to `manager` ("" for the top).
    OrgBuilder& staff(const std::string& id, Family family, const std::string& manager = "") {
        person(id, family, 1.0, family == Family::pm ? 5 : 0, Origin::unknown, manager);
        return *this;
    }
    /// `count` makers reporting to `manager`, with ids manager-r1, manager-r2...
    OrgBuilder& reports(const std::string& manager, int count) {
        for (int i = 1; i <= count; ++i) staff(manager + "-r" + std::to_string(i), Family::maker, manager);
        return *this;
    }
    OrgBuilder& assign(const std::string& pm, TargetKind kind, const std::string& target, double share = 1.0) {
        org.assignments.push_back({pm, kind, target, share});
        return *this;
    }
    OrgBuilder& goal(Goal g) {
        org.goals.push_back(std::move(g));
        return *this;
    }
    Org org;

private:
    Person& person(const std::string& id, Family family, double fte, double years = 0, Origin origin = Origin::unknown,
                   const std::string& manager = "") {
        Person p;
        p.id = id;
        p.name = id;
        p.family = family;
        p.fte = fte;
        p.pm_years = years;
        p.origin = origin;
        p.manager_id = manager;
        org.people.push_back(p);
        return org.people.back();
    }
};

/// The built-in plugins, loaded once for the test run.
inline const PluginHost& builtin_host() {
    static const auto host = [] {
        auto h = std::make_unique<PluginHost>(PluginHost::OnError::fail);
        h->load_directory(ORGPLAN_BUILTIN_PLUGINS);
        return h;
    }();
    return *host;
}

inline std::vector<sdk::Finding> run_check(const std::string& name, const Org& org, const Settings& settings = {},
                                           const sdk::HiringPlan& plan = {}) {
    const auto coverage = to_sdk(compute_coverage(org, org.assignments));
    const auto coaching = coaching_groups(org, settings);
    sdk::DiagnosticRequest request{org, coverage, coaching, to_sdk(settings), {}, {}, plan};
    return builtin_host().diagnose(builtin_host().get(sdk::PluginKind::diagnostic, name), request);
}

inline sdk::Proposal propose(const std::string& name, const Org& org, sdk::Params params = {},
                             const Settings& settings = {}) {
    const auto coverage = to_sdk(compute_coverage(org, org.assignments));
    return builtin_host().propose(builtin_host().get(sdk::PluginKind::principle, name),
                                  {org, coverage, to_sdk(settings), std::move(params)});
}

inline sdk::HiringPlan hire(const std::string& mix, const Org& org, double count, sdk::Params params = {},
                            const Settings& settings = {}) {
    return builtin_host().plan(builtin_host().get(sdk::PluginKind::hiring_mix, mix),
                               {org, count, to_sdk(settings), std::move(params)});
}

} // namespace orgplan::test
