// What a PM assignment may point at: the org's records of one target kind.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

#include "orgplan/org.hpp"

namespace orgplan {

/// Calls `visit(id)` with the id of every record of `kind` in `org` (teams, products, segments, initiatives or
/// accounts), in the org's order.
template <typename Visit>
void for_each_target(const Org& org, TargetKind kind, Visit&& visit) {
    const auto each = [&](const auto& records) {
        for (const auto& r : records) visit(r.id);
    };
    switch (kind) {
    case TargetKind::team: each(org.teams); break;
    case TargetKind::product: each(org.products); break;
    case TargetKind::segment: each(org.segments); break;
    case TargetKind::initiative: each(org.initiatives); break;
    case TargetKind::account: each(org.accounts); break;
    }
}

/// Whether `org` has a record of `kind` with this id: an assignment to it would point at something.
inline bool has_target(const Org& org, TargetKind kind, std::string_view id) {
    bool found = false;
    for_each_target(org, kind, [&](std::string_view x) { found = found || x == id; });
    return found;
}

} // namespace orgplan
