// An org as records to compare: per group (kind), id -> the record as JSON. A person's memberships and a PM's
// assignments are one record each, so moving a PM is one change of one record. What merges and import previews
// compare.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "orgplan/org.hpp"

namespace orgplan {

using OrgRecords = std::map<std::string, std::map<std::string, nlohmann::json>>;

/// The groups with the field that keys their records, in the order their writes respect foreign keys.
const std::vector<std::pair<std::string, std::string>>& record_groups();
OrgRecords records_of(const Org& org);
/// The record of `id` in `group`, or null.
const nlohmann::json& find_record(const OrgRecords& records, const std::string& group, const std::string& id);

/// What changed from one org to another, per group: the ids created, changed and removed.
struct GroupDifference {
    std::string group;
    std::vector<std::string> created, changed, removed;
};
/// Groups in record_groups() order; groups without a difference are left out.
std::vector<GroupDifference> org_difference(const Org& before, const Org& after);

} // namespace orgplan
