#include "create_missing.hpp"

#include <string_view>
#include <unordered_set>

namespace orgplan::importing {

CreatedRecords create_missing(const std::set<std::string>& wanted, const Org& stored, IncomingRecords& in) {
    CreatedRecords created;
    if (wanted.empty()) return created;
    // Ids of each kind in the files, the stored org and broken records, copied: records are added as we go.
    std::map<std::string, std::unordered_set<std::string>> known;
    const auto know = [&](const std::string& kind, const auto& incoming, const auto& old) {
        auto& ids = known[kind];
        for (const auto& x : incoming.items) ids.emplace(x.id);
        for (const auto& x : old) ids.emplace(x.id);
        for (const auto& id : in.broken_ids[kind]) ids.emplace(id);
    };
    know("segments", in.segments, stored.segments);
    know("products", in.products, stored.products);
    know("initiatives", in.initiatives, stored.initiatives);
    know("accounts", in.accounts, stored.accounts);
    know("teams", in.teams, stored.teams);
    auto create = [&](const char* kind, std::string_view id, Loc loc, auto&& add) {
        if (id.empty() || !wanted.count(kind) || !known[kind].emplace(id).second) return;
        const std::string name(id);
        add(name, loc);
        created[kind].push_back(name);
    };
    auto segment = [&](std::string_view id, Loc loc) {
        create("segments", id, loc, [&](const std::string& s, Loc at) {
            in.segments.add({s, s}, at);
        });
    };
    auto product = [&](std::string_view id, Loc loc) {
        create("products", id, loc, [&](const std::string& s, Loc at) {
            in.products.add({s, s, ProductStatus::active, ""}, at);
        });
    };
    auto team = [&](std::string_view id, Loc loc) {
        create("teams", id, loc, [&](const std::string& s, Loc at) {
            in.teams.add({s, s, "", "", "", ""}, at);
        });
    };
    // Indexes, not references: adding records may move the vectors being read.
    for (std::size_t i = 0; i < in.products.items.size(); ++i)
        segment(std::string(in.products.items[i].segment_id), in.products.locs[i]);
    for (std::size_t i = 0; i < in.accounts.items.size(); ++i)
        segment(std::string(in.accounts.items[i].segment_id), in.accounts.locs[i]);
    for (std::size_t i = 0; i < in.teams.items.size(); ++i) {
        product(std::string(in.teams.items[i].product_id), in.teams.locs[i]);
        segment(std::string(in.teams.items[i].segment_id), in.teams.locs[i]);
    }
    for (std::size_t i = 0; i < in.goals.items.size(); ++i)
        for (const auto& id : in.goals.items[i].product_ids) product(id, in.goals.locs[i]);
    for (std::size_t i = 0; i < in.memberships.items.size(); ++i)
        team(in.memberships.items[i].team_id, in.memberships.locs[i]);
    for (std::size_t i = 0; i < in.assignments.items.size(); ++i) {
        const auto& a = in.assignments.items[i];
        const auto loc = in.assignments.locs[i];
        if (a.kind == TargetKind::team) team(a.target_id, loc);
        if (a.kind == TargetKind::product) product(a.target_id, loc);
        if (a.kind == TargetKind::segment) segment(a.target_id, loc);
        if (a.kind == TargetKind::initiative)
            create("initiatives", a.target_id, loc, [&](const std::string& s, Loc at) {
                in.initiatives.add({s, s}, at);
            });
        if (a.kind == TargetKind::account)
            create("accounts", a.target_id, loc, [&](const std::string& s, Loc at) {
                in.accounts.add({s, s, ""}, at);
            });
    }
    return created;
}

} // namespace orgplan::importing
