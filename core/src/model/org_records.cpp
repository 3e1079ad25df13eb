#include "orgplan/model/org_records.hpp"

#include <algorithm>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "orgplan/base/error.hpp"
#include "orgplan/model/org_json.hpp"
#include "org_kinds.hpp"

namespace orgplan {
namespace {

using json = nlohmann::json;

// Field by field, every field record_json writes (org_records_test changes each written field in turn and checks
// the records then differ). A plain == per type, kept here: the SDK's types stay plain structs.
auto fields(const Segment& x) { return std::tie(x.id, x.name); }
auto fields(const Product& x) { return std::tie(x.id, x.name, x.status, x.segment_id); }
auto fields(const Initiative& x) { return std::tie(x.id, x.name); }
auto fields(const Account& x) { return std::tie(x.id, x.name, x.segment_id); }
auto fields(const Team& x) { return std::tie(x.id, x.name, x.type, x.product_id, x.segment_id, x.parent_unit); }
auto fields(const Person& x) {
    return std::tie(x.id, x.name, x.email, x.title, x.family, x.level, x.pm_years, x.origin, x.manager_id, x.location,
                    x.fte, x.cost, x.coaching_hours, x.unit, x.cost_center, x.function);
}
auto fields(const Membership& x) { return std::tie(x.person_id, x.team_id, x.allocation); }
auto fields(const Assignment& x) { return std::tie(x.pm_id, x.kind, x.target_id, x.share); }
auto fields(const Goal& x) {
    return std::tie(x.id, x.function, x.objective, x.name, x.metric, x.metric_kind, x.incentive, x.north_star,
                    x.product_ids, x.counter_metric, x.theme);
}
auto fields(const Position& x) {
    return std::tie(x.id, x.kind, x.team_id, x.family, x.fte, x.quarter, x.person_id, x.status, x.source);
}
template <typename T>
bool same(const T& a, const T& b) {
    return fields(a) == fields(b);
}

std::string_view key_of(const Membership& m) { return m.person_id; }
std::string_view key_of(const Assignment& a) { return a.pm_id; }
template <typename T>
std::string_view key_of(const T& x) {
    return x.id;
}

// A person's memberships and a PM's assignments are one record of several rows.
template <typename T>
constexpr bool kRows = std::is_same_v<T, Membership> || std::is_same_v<T, Assignment>;

template <typename T>
const T* no_record() {
    return nullptr;
}

using Keys = std::unordered_set<std::string_view>;

// The keys whose records may differ, found in one walk of both lists side by side: orgs compared are mostly the
// same records in the same order, with a few changed in place, gone, or added (a scenario appends). Every row the
// walk cannot pair with an identical one marks its key; a key never marked has the same rows in the same order on
// both sides (each of its rows was paired, in order), so only marked keys need comparing.
template <typename T>
Keys touched_keys(const std::vector<T>& before, const std::vector<T>& after) {
    Keys touched;
    std::size_t i = 0, j = 0;
    while (i < before.size() && j < after.size()) {
        if (same(before[i], after[j])) {
            ++i, ++j;
        } else if (key_of(before[i]) == key_of(after[j])) { // changed where it stands
            touched.insert(key_of(before[i++]));
            ++j;
        } else if (j + 1 < after.size() && same(before[i], after[j + 1])) { // one added here
            touched.insert(key_of(after[j++]));
        } else { // gone from here
            touched.insert(key_of(before[i++]));
        }
    }
    for (; i < before.size(); ++i) touched.insert(key_of(before[i]));
    for (; j < after.size(); ++j) touched.insert(key_of(after[j]));
    return touched;
}

// The rows of the touched keys, by key, keys in the order first met.
template <typename T>
struct RowsByKey {
    std::unordered_map<std::string_view, std::vector<const T*>> rows;
    std::vector<std::string_view> order;
    RowsByKey(const std::vector<T>& items, const Keys& touched) {
        rows.reserve(touched.size());
        for (const auto& x : items) {
            if (!touched.count(key_of(x))) continue;
            auto& list = rows[key_of(x)];
            if (list.empty()) order.push_back(key_of(x));
            list.push_back(&x);
        }
    }
};

template <typename T>
json rows_json(const std::vector<const T*>& rows) {
    json out = json::array();
    for (const auto* x : rows) out.push_back(record_json(*x));
    return out;
}

template <typename T>
void compare_rows(const std::vector<T>& before, const std::vector<T>& after, std::vector<RecordChange>& out) {
    const auto touched = touched_keys(before, after);
    if (touched.empty()) return;
    const RowsByKey<T> was(before, touched), now(after, touched);
    const auto same_rows = [](const std::vector<const T*>& a, const std::vector<const T*>& b) {
        return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                                  [](const T* x, const T* y) { return same(*x, *y); });
    };
    for (const auto key : now.order) {
        const auto& rows = now.rows.at(key);
        const auto it = was.rows.find(key);
        if (it == was.rows.end() || !same_rows(it->second, rows))
            out.push_back({std::string(key), rows_json(rows), it != was.rows.end()});
    }
    for (const auto key : was.order)
        if (!now.rows.count(key)) out.push_back({std::string(key), nullptr, true});
}

template <typename T>
void compare_records(const std::vector<T>& before, const std::vector<T>& after, std::vector<RecordChange>& out) {
    const auto touched = touched_keys(before, after);
    if (touched.empty()) return;
    std::unordered_map<std::string_view, const T*> was;
    for (const auto& x : before)
        if (touched.count(key_of(x))) was.emplace(key_of(x), &x);
    Keys now;
    for (const auto& x : after) {
        if (!touched.count(key_of(x))) continue;
        now.insert(key_of(x));
        const auto it = was.find(key_of(x));
        if (it == was.end() || !same(*it->second, x))
            out.push_back({std::string(key_of(x)), record_json(x), it != was.end()});
    }
    for (const auto& x : before)
        if (touched.count(key_of(x)) && !now.count(key_of(x))) out.push_back({std::string(key_of(x)), nullptr, true});
}

template <typename T>
void apply_rows(std::vector<T>& items, const std::vector<RecordChange>& changes) {
    std::unordered_set<std::string_view> keys;
    for (const auto& c : changes) keys.insert(c.id);
    items.erase(std::remove_if(items.begin(), items.end(), [&](const T& x) { return keys.count(key_of(x)) > 0; }),
                items.end());
    for (const auto& c : changes)
        if (!c.record.is_null())
            for (const auto& row : c.record) items.push_back(record_from_json(row, no_record<T>()));
}

template <typename T>
void apply_records(std::vector<T>& items, const std::vector<RecordChange>& changes) {
    std::unordered_map<std::string_view, std::size_t> at;
    at.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) at.emplace(key_of(items[i]), i);
    // Every lookup first: replacing a record frees the id the index views.
    std::vector<std::pair<std::size_t, const RecordChange*>> found;
    std::vector<const RecordChange*> added;
    for (const auto& c : changes) {
        const auto it = at.find(c.id);
        if (it != at.end()) found.emplace_back(it->second, &c);
        else if (!c.record.is_null()) added.push_back(&c);
    }
    at.clear();
    std::vector<bool> gone(items.size());
    for (const auto& [i, c] : found) {
        if (c->record.is_null()) gone[i] = true;
        else items[i] = record_from_json(c->record, no_record<T>());
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < items.size(); ++i)
        if (!gone[i]) {
            if (kept != i) items[kept] = std::move(items[i]);
            ++kept;
        }
    items.resize(kept);
    for (const auto* c : added) items.push_back(record_from_json(c->record, no_record<T>()));
}

} // namespace

const std::vector<std::pair<std::string, std::string>>& record_groups() {
    static const std::vector<std::pair<std::string, std::string>> g = {
        {"segments", "id"}, {"products", "id"},       {"initiatives", "id"}, {"accounts", "id"},
        {"teams", "id"},    {"people", "id"},         {"goals", "id"},       {"memberships", "person"},
        {"assignments", "pm"}, {"positions", "id"}};
    return g;
}

const json& find_record(const OrgRecords& r, const std::string& group, const std::string& id) {
    static const json none;
    const auto g = r.find(group);
    if (g == r.end()) return none;
    const auto it = g->second.find(id);
    return it == g->second.end() ? none : it->second;
}

OrgRecords records_of(const Org& org, const RecordKeys& keys) {
    OrgRecords out;
    detail::for_each_record_list([&](const char* group, auto member) {
        const auto wanted = keys.find(group);
        if (wanted == keys.end() || wanted->second.empty()) return;
        auto& of_group = out[group];
        for (const auto& x : org.*member) {
            const std::string key(key_of(x));
            if (!wanted->second.count(key)) continue;
            using T = std::decay_t<decltype(x)>;
            if constexpr (kRows<T>) {
                auto& list = of_group[key];
                if (list.is_null()) list = json::array();
                list.push_back(record_json(x));
            } else {
                of_group.emplace(key, record_json(x));
            }
        }
    });
    return out;
}

OrgChanges record_changes(const Org& before, const Org& after) {
    OrgChanges out;
    detail::for_each_record_list([&](const char* group, auto member) {
        GroupChanges g{group, {}};
        using T = typename std::decay_t<decltype(before.*member)>::value_type;
        if constexpr (kRows<T>) compare_rows(before.*member, after.*member, g.changes);
        else compare_records(before.*member, after.*member, g.changes);
        if (!g.changes.empty()) out.push_back(std::move(g));
    });
    return out;
}

void apply_changes(Org& org, const OrgChanges& changes) {
    try {
        for (const auto& g : changes)
            detail::for_each_record_list([&](const char* group, auto member) {
                if (g.group != group) return;
                using T = typename std::decay_t<decltype(org.*member)>::value_type;
                if constexpr (kRows<T>) apply_rows(org.*member, g.changes);
                else apply_records(org.*member, g.changes);
            });
    } catch (const json::exception& e) {
        throw Error(std::string("a stored change of the org is damaged: ") + e.what());
    }
}

json changes_json(const OrgChanges& changes) {
    json out = json::object();
    for (const auto& g : changes) {
        auto& list = out[g.group] = json::array();
        for (const auto& c : g.changes) list.push_back({{"id", c.id}, {"record", c.record}});
    }
    return out;
}

OrgChanges changes_from_json(const json& doc) {
    OrgChanges out;
    try {
        for (const auto& [group, key] : record_groups()) {
            const auto it = doc.find(group);
            if (it == doc.end()) continue;
            GroupChanges g{group, {}};
            for (const auto& c : *it) g.changes.push_back({c.at("id").get<std::string>(), c.at("record"), true});
            out.push_back(std::move(g));
        }
    } catch (const json::exception& e) {
        throw Error(std::string("a stored change of the org is damaged: ") + e.what());
    }
    return out;
}

std::vector<GroupDifference> org_difference(const Org& before, const Org& after) {
    std::vector<GroupDifference> out;
    for (const auto& g : record_changes(before, after)) {
        GroupDifference d{g.group, {}, {}, {}};
        for (const auto& c : g.changes)
            (!c.was_there ? d.created : c.record.is_null() ? d.removed : d.changed).push_back(c.id);
        for (auto* list : {&d.created, &d.changed, &d.removed}) std::sort(list->begin(), list->end());
        out.push_back(std::move(d));
    }
    return out;
}

} // namespace orgplan
