#include "orgplan/model/org_records.hpp"

#include <set>

#include "orgplan/model/org_json.hpp"

namespace orgplan {

using json = nlohmann::json;

const std::vector<std::pair<std::string, std::string>>& record_groups() {
    static const std::vector<std::pair<std::string, std::string>> g = {
        {"segments", "id"}, {"products", "id"},       {"initiatives", "id"}, {"accounts", "id"},
        {"teams", "id"},    {"people", "id"},         {"goals", "id"},       {"memberships", "person"},
        {"assignments", "pm"}, {"positions", "id"}};
    return g;
}

OrgRecords records_of(const Org& org) {
    auto doc = to_json(org); // its records are moved into the groups, not copied
    OrgRecords out;
    for (const auto& [group, key] : record_groups()) {
        auto& of_group = out[group];
        const auto items = doc.find(group);
        if (items == doc.end()) continue;
        for (auto& item : *items) {
            auto id = item.at(key).get<std::string>();
            if (group == "memberships" || group == "assignments") {
                auto& list = of_group[id];
                if (list.is_null()) list = json::array();
                list.push_back(std::move(item));
            } else {
                of_group.emplace(std::move(id), std::move(item));
            }
        }
    }
    return out;
}

const json& find_record(const OrgRecords& r, const std::string& group, const std::string& id) {
    static const json none;
    const auto g = r.find(group);
    if (g == r.end()) return none;
    const auto it = g->second.find(id);
    return it == g->second.end() ? none : it->second;
}

std::vector<GroupDifference> org_difference(const Org& before, const Org& after) {
    const auto a = records_of(before), b = records_of(after);
    std::vector<GroupDifference> out;
    for (const auto& [group, key] : record_groups()) {
        GroupDifference d{group, {}, {}, {}};
        std::set<std::string> ids;
        for (const auto* r : {&a, &b})
            for (const auto& [id, x] : r->at(group)) ids.insert(id);
        for (const auto& id : ids) {
            const auto &was = find_record(a, group, id), &is = find_record(b, group, id);
            if (was == is) continue;
            (was.is_null() ? d.created : is.is_null() ? d.removed : d.changed).push_back(id);
        }
        if (!d.created.empty() || !d.changed.empty() || !d.removed.empty()) out.push_back(std::move(d));
    }
    return out;
}

} // namespace orgplan
