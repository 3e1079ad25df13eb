// An org as records to compare: per group (kind), id -> the record as JSON. A person's memberships and a PM's
// assignments are one record each, so moving a PM is one change of one record. What scenarios store, merges compare
// and import previews list.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "orgplan/org.hpp"

namespace orgplan {

using OrgRecords = std::map<std::string, std::map<std::string, nlohmann::json>>;

/// The groups with the field that keys their records, in the order their writes respect foreign keys.
const std::vector<std::pair<std::string, std::string>>& record_groups();
/// The record of `id` in `group`, or null.
const nlohmann::json& find_record(const OrgRecords& records, const std::string& group, const std::string& id);

/// Which records to read: per group, the ids.
using RecordKeys = std::map<std::string, std::set<std::string>>;
/// The records of `org` named in `keys` (only those are written out as JSON); an id `org` lacks is left out.
OrgRecords records_of(const Org& org, const RecordKeys& keys);

/// One record that is not as it was: its id, the record as it is now (null: gone), and whether it was there.
struct RecordChange {
    std::string id;
    nlohmann::json record;
    bool was_there = false;
};
/// A group's changed records: those there now in their order, then those gone in their old order.
struct GroupChanges {
    std::string group;
    std::vector<RecordChange> changes;
};
/// Groups in record_groups() order; groups without a change are left out. Interrupts and task forces are not
/// records (they are logs kept beside the org).
using OrgChanges = std::vector<GroupChanges>;

/// The records of `after` that differ from `before`. Compares the records field by field, and writes out as JSON
/// only the ones that differ, so two orgs of a million people compare in well under a second.
OrgChanges record_changes(const Org& before, const Org& after);
/// Makes `org` what `changes` say: a changed record is replaced where it stands, a new one appended, a gone one
/// erased; a person's memberships (a PM's assignments) that changed are erased and their new rows appended. Applied
/// to the `before` of record_changes, it gives `after` with the same records (new ones in the same order). Throws
/// orgplan::Error when a record is damaged.
void apply_changes(Org& org, const OrgChanges& changes);
/// Changes as stored: {"people": [{"id": "E1", "record": {...}}, {"id": "E2", "record": null}], ...}.
nlohmann::json changes_json(const OrgChanges& changes);
/// Throws orgplan::Error when the document is not changes_json's.
OrgChanges changes_from_json(const nlohmann::json& doc);

/// What changed from one org to another, per group: the ids created, changed and removed, each sorted.
struct GroupDifference {
    std::string group;
    std::vector<std::string> created, changed, removed;
};
/// Groups in record_groups() order; groups without a difference are left out.
std::vector<GroupDifference> org_difference(const Org& before, const Org& after);

} // namespace orgplan
