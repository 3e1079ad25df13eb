// Built-in organizing principles: how PMs are aligned (by product, team, segment, initiative, key account,
// or split into roles).
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "support.hpp"

namespace orgplan::builtin {
namespace {

double threshold_of(const sdk::PrincipleRequest& r) { return setting(r.settings, "ratio.threshold", 10); }

// An empty proposal saying what data the principle needs.
sdk::Proposal not_applicable(std::string why) {
    sdk::Proposal out;
    out.not_applicable = std::move(why);
    return out;
}

bool any_team(const Org& org, bool (*has)(const Team&)) { return std::any_of(org.teams.begin(), org.teams.end(), has); }

// Fills the given units with the org's PMs and explains the principle first.
sdk::Proposal fill_proposal(const sdk::PrincipleRequest& r, const std::vector<Unit>& units, const char* unit_word,
                            const char* principle) {
    sdk::Proposal out;
    auto pms = pm_slots(r.org);
    fill_units(units, pms, r.current, threshold_of(r), out, unit_word);
    out.rationale.insert(out.rationale.begin(), principle);
    return out;
}

class ByProduct final : public sdk::OrganizingPrinciple {
public:
    sdk::Proposal propose(const sdk::PrincipleRequest& r) const override {
        if (!any_team(r.org, [](const Team& t) { return !t.product_id.empty(); }))
            return not_applicable("no team belongs to a product: add a product column to the teams file");
        return fill_proposal(r, product_units(r.org, r.current), "product",
                             "each product gets PM time in proportion to its makers; teams without a product are "
                             "covered one by one");
    }
};

class ByTeam final : public sdk::OrganizingPrinciple {
public:
    sdk::Proposal propose(const sdk::PrincipleRequest& r) const override {
        return fill_proposal(r, team_units(r.org, r.current), "team",
                             "each dev team gets its own PM time, sized by its makers");
    }
};

class BySegment final : public sdk::OrganizingPrinciple {
public:
    sdk::Proposal propose(const sdk::PrincipleRequest& r) const override {
        if (!any_team(r.org, [](const Team& t) { return !t.segment_id.empty(); }))
            return not_applicable("no team serves a market segment: add a segment column to the teams file");
        return fill_proposal(r, segment_units(r.org, r.current), "segment",
                             "PMs own market segments and spread over the segment's teams; teams serving no segment "
                             "are covered one by one");
    }
};

// Dedicates a slice of PM time to each initiative or key account, then aligns the rest by product.
template <TargetKind Kind>
class DedicatedThenProduct final : public sdk::OrganizingPrinciple {
public:
    sdk::Proposal propose(const sdk::PrincipleRequest& r) const override {
        sdk::Proposal out;
        const bool initiatives = Kind == TargetKind::initiative;
        const std::string word = initiatives ? "initiative" : "account";
        const double slice = param(r.params, "share", 0.5);
        if (slice <= 0 || slice > 1) throw std::invalid_argument("parameter 'share' must be in (0, 1]");
        std::vector<std::string> targets;
        if (initiatives)
            for (const auto& i : r.org.initiatives) targets.push_back(i.id);
        else
            for (const auto& a : r.org.accounts) targets.push_back(a.id);
        if (targets.empty())
            return not_applicable(initiatives ? "the org has no corporate initiatives: import an initiatives file"
                                              : "the org has no key customer accounts: import an accounts file");
        auto pms = pm_slots(r.org);
        // Seniors lead initiatives and accounts: they face executives and customers.
        std::size_t next = 0;
        for (const auto& target : targets) {
            if (next >= pms.size()) {
                out.unfilled.push_back(word + " " + target + ": no PM left to dedicate");
                continue;
            }
            auto& pm = pms[next++];
            out.assignments.push_back({pm.id, Kind, target, slice});
            pm.free_share -= slice;
            out.rationale.push_back(pm.id + " gives " + fixed(slice * 100, 0) + "% to " + word + " " + target);
        }
        fill_units(product_units(r.org, r.current), pms, r.current, threshold_of(r), out, "product");
        out.rationale.insert(out.rationale.begin(),
                             "each " + word + " gets " + fixed(slice * 100, 0) + "% of a senior PM (--param share=" +
                                 fixed(slice, 2) + "); remaining PM time is aligned by product");
        return out;
    }
};

// Splits PMs into specialised roles, each aligned to what that role serves.
class RoleSplit final : public sdk::OrganizingPrinciple {
public:
    sdk::Proposal propose(const sdk::PrincipleRequest& r) const override {
        struct Role {
            const char* name;
            double fraction;
        };
        std::vector<Role> roles = {{"strategist", param(r.params, "strategist", 0.3)},
                                   {"pricing", param(r.params, "pricing", 0.1)},
                                   {"technical_analyst", param(r.params, "technical_analyst", 0.25)},
                                   {"growth", param(r.params, "growth", 0.2)},
                                   {"researcher", param(r.params, "researcher", 0.15)}};
        double total = 0;
        for (const auto& role : roles) {
            if (role.fraction < 0) throw std::invalid_argument(std::string("parameter '") + role.name + "' is negative");
            total += role.fraction;
        }
        if (total <= 0) throw std::invalid_argument("role fractions add up to 0");

        sdk::Proposal out;
        auto pms = pm_slots(r.org); // most experienced first: strategists and pricing get the seniors
        // Seats per role by largest remainder, so they add up to the number of PMs.
        std::vector<std::size_t> seats(roles.size());
        std::vector<std::pair<double, std::size_t>> remainders;
        std::size_t given = 0;
        for (std::size_t i = 0; i < roles.size(); ++i) {
            const double exact = pms.size() * roles[i].fraction / total;
            seats[i] = static_cast<std::size_t>(std::floor(exact));
            given += seats[i];
            remainders.push_back({exact - seats[i], i});
        }
        std::stable_sort(remainders.begin(), remainders.end(), [](auto& a, auto& b) { return a.first > b.first; });
        for (std::size_t k = 0; given < pms.size(); ++k, ++given) ++seats[remainders[k % remainders.size()].second];

        const double threshold = threshold_of(r);
        std::size_t at = 0;
        for (std::size_t i = 0; i < roles.size(); ++i) {
            std::vector<PmSlot> group(pms.begin() + at, pms.begin() + at + seats[i]);
            at += seats[i];
            if (group.empty()) continue;
            const std::string role = roles[i].name;
            for (const auto& pm : group) out.pm_roles[pm.id] = role;
            if (role == "strategist") {
                fill_units(product_units(r.org, r.current), group, r.current, threshold, out, "product");
            } else if (role == "technical_analyst") {
                auto platform = team_units(r.org, r.current, [](const Team& t) {
                    return t.type == "platform" || t.type == "complicated-subsystem" || t.type == "enabling";
                });
                if (platform.empty()) platform = team_units(r.org, r.current);
                fill_units(platform, group, r.current, threshold, out, "team");
            } else if (role == "growth") {
                fill_units(segment_units(r.org, r.current), group, r.current, threshold, out, "segment");
            } else if (role == "researcher") {
                std::vector<Unit> segments;
                for (const auto& s : r.org.segments) segments.push_back({TargetKind::segment, s.id, 0, {}});
                spread_evenly(segments, group, out);
            } else {
                std::vector<Unit> products;
                for (const auto& p : r.org.products)
                    if (p.status == ProductStatus::active) products.push_back({TargetKind::product, p.id, 0, {}});
                spread_evenly(products, group, out);
            }
            out.rationale.push_back(std::to_string(seats[i]) + " " + role + (seats[i] == 1 ? "" : "s"));
        }
        out.rationale.insert(out.rationale.begin(),
                             "PMs split into roles (most experienced as strategists and pricing): strategists own "
                             "products, technical analysts platform teams, growth PMs segments, researchers and "
                             "pricing work across segments and products");
        return out;
    }
};

} // namespace
} // namespace orgplan::builtin

using namespace orgplan;
using namespace orgplan::builtin;

ORGPLAN_PLUGIN_LIBRARY(
    sdk::principle<ByProduct>("by-product", "1.0.0", "PMs aligned by product, sized by each product's makers"),
    sdk::principle<ByTeam>("by-team", "1.0.0", "PMs aligned by dev team"),
    sdk::principle<BySegment>("by-segment", "1.0.0", "PMs aligned by market segment"),
    sdk::principle<DedicatedThenProduct<TargetKind::initiative>>(
        "by-initiative", "1.0.0", "a senior PM slice per corporate initiative, the rest by product"),
    sdk::principle<DedicatedThenProduct<TargetKind::account>>(
        "by-account", "1.0.0", "a senior PM slice per key customer account, the rest by product"),
    sdk::principle<RoleSplit>("role-split", "1.0.0",
                              "PMs split into strategist, researcher, growth, technical analyst and pricing roles"))
