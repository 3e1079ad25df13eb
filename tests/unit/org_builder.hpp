// Small orgs and records built in code, shared by the unit tests.
#pragma once

#include <optional>
#include <string>

#include "orgplan/org.hpp"

namespace orgplan::test {

/// A person of `family` with id and name `id`.
inline Person person(const std::string& id, Family family, double fte = 1.0, const std::string& manager = "") {
    Person p;
    p.id = p.name = id;
    p.family = family;
    p.fte = fte;
    p.manager_id = manager;
    return p;
}

/// A function's goal measured by `metric` of `kind`.
inline Goal goal(const std::string& id, const std::string& function, const std::string& name,
                 const std::string& metric, MetricKind kind, bool incentive = false) {
    Goal g;
    g.id = id;
    g.function = function;
    g.name = name;
    g.metric = metric;
    g.metric_kind = kind;
    g.incentive = incentive;
    return g;
}

/// An interrupt on `date` of `hours`, asked by `requester`, hitting a PM, a team or a product.
inline Interrupt interrupt(const std::string& date, const std::string& requester, const std::string& pm,
                           const std::string& team, const std::string& product, double hours, InterruptKind kind,
                           bool planned = false) {
    Interrupt x;
    x.date = date;
    x.requester_id = requester;
    x.pm_id = pm;
    x.team_id = team;
    x.product_id = product;
    x.hours = hours;
    x.kind = kind;
    x.planned = planned;
    return x;
}

/// An org built step by step: teams, products, people of each family, assignments and goals.
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
        auto p = test::person(id, family, fte, manager);
        p.pm_years = years;
        p.origin = origin;
        org.people.push_back(p);
        return org.people.back();
    }
};

} // namespace orgplan::test
