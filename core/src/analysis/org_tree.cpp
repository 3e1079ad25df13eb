#include "orgplan/analysis/org_tree.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "orgplan/base/error.hpp"
#include "orgplan/output/table.hpp"
#include "orgplan/model/enums.hpp"

namespace orgplan {
namespace {

constexpr Family kFamilies[] = {Family::maker, Family::pm, Family::product_leader, Family::eng_manager, Family::other};

std::string lower(std::string_view text) {
    std::string out(text);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

} // namespace

OrgTree::OrgTree(const Org& org) {
    // An id of several kinds names the team first, then the product, the segment, the goal.
    for (const auto& g : org.goals) others_.emplace(g.id, "goal");
    for (const auto& s : org.segments) others_.insert_or_assign(s.id, "segment");
    for (const auto& p : org.products) others_.insert_or_assign(p.id, "product");
    for (const auto& t : org.teams) others_.insert_or_assign(t.id, "team");
    nodes_.reserve(org.people.size() + 2);
    std::unordered_map<std::string_view, std::pair<std::string_view, double>> main_team; // person -> team, share
    for (const auto& m : org.memberships) {
        auto& best = main_team[m.person_id];
        if (m.allocation > best.second) best = {m.team_id, m.allocation};
    }
    for (const auto& p : org.people) {
        Node n;
        n.id = p.id;
        n.name = p.name;
        n.title = p.title;
        n.family = std::string(to_string(p.family));
        n.origin = std::string(to_string(p.origin));
        if (const auto it = main_team.find(p.id); it != main_team.end()) n.team = std::string(it->second.first);
        n.families[static_cast<int>(p.family)] = 1;
        if (p.family == Family::maker) n.maker_fte = p.fte;
        if (p.family == Family::pm) n.pm_fte = p.fte;
        index_.emplace(n.id, static_cast<int>(nodes_.size()));
        nodes_.push_back(std::move(n));
    }
    for (std::size_t i = 0; i < org.people.size(); ++i) {
        const auto it = index_.find(org.people[i].manager_id);
        if (it == index_.end() || it->second == static_cast<int>(i)) continue;
        nodes_[i].parent = it->second;
        nodes_[it->second].children.push_back(static_cast<int>(i));
    }
    // The tops: people without a manager who lead someone. Those who lead no one are gathered under one node.
    std::vector<int> tops, alone;
    for (std::size_t i = 0; i < org.people.size(); ++i)
        if (nodes_[i].parent < 0) (nodes_[i].children.empty() ? alone : tops).push_back(static_cast<int>(i));
    const auto add_virtual = [&](const char* id, std::vector<int> children) {
        Node n;
        n.id = id;
        n.head_count = 0;
        n.children = std::move(children);
        for (auto c : n.children) nodes_[c].parent = static_cast<int>(nodes_.size());
        index_.emplace(n.id, static_cast<int>(nodes_.size()));
        nodes_.push_back(std::move(n));
        return static_cast<int>(nodes_.size()) - 1;
    };
    if (!alone.empty()) {
        const int gathered = add_virtual(kNoManager, std::move(alone));
        nodes_[gathered].name = fmt::format("no manager ({} people)", nodes_[gathered].children.size());
        tops.push_back(gathered);
    }
    if (tops.size() == 1) {
        top_ = tops.front();
    } else {
        top_ = add_virtual(kTop, std::move(tops));
        nodes_[top_].name = "the org";
    }
    sum_up(top_);
    // Reports read largest first, then by name.
    for (auto& n : nodes_)
        std::sort(n.children.begin(), n.children.end(), [this](int a, int b) {
            if (nodes_[a].head_count != nodes_[b].head_count) return nodes_[a].head_count > nodes_[b].head_count;
            return nodes_[a].name < nodes_[b].name;
        });
}

// Adds each node's counts into its parent's, deepest first (an explicit order: the tree may be deep).
void OrgTree::sum_up(int top) {
    std::vector<int> order{top};
    for (std::size_t i = 0; i < order.size(); ++i)
        for (auto c : nodes_[order[i]].children) order.push_back(c);
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const auto& n = nodes_[*it];
        if (n.parent < 0) continue;
        auto& up = nodes_[n.parent];
        up.head_count += n.head_count;
        for (int f = 0; f < 5; ++f) up.families[f] += n.families[f];
        up.maker_fte += n.maker_fte;
        up.pm_fte += n.pm_fte;
    }
}

std::string OrgTree::kind_of(const std::string& id) const {
    if (id.empty() || id.front() == '@') return "";
    if (index_.count(id)) return "person";
    const auto it = others_.find(id);
    return it == others_.end() ? "" : it->second;
}

int OrgTree::index_of(const std::string& id) const {
    if (id.empty()) return top_;
    const auto it = index_.find(id);
    if (it == index_.end()) throw Error("no person with id '" + id + "' in the org you can see");
    return it->second;
}

void OrgTree::add_json(nlohmann::json& out, int node, int depth) const {
    const auto& n = nodes_[node];
    auto families = nlohmann::json::object();
    for (int f = 0; f < 5; ++f)
        if (n.families[f]) families[std::string(to_string(kFamilies[f]))] = n.families[f];
    out = {{"id", n.id},           {"name", n.name},     {"title", n.title},
           {"family", n.family},   {"origin", n.origin}, {"team", n.team},
           {"reports", n.children.size()}, {"head_count", n.head_count}, {"families", families},
           {"maker_fte", stable(n.maker_fte)}, {"pm_fte", stable(n.pm_fte)}};
    if (depth <= 0 || n.children.empty()) return;
    auto& children = out["children"] = nlohmann::json::array();
    for (auto c : n.children) add_json(children.emplace_back(), c, depth - 1);
}

nlohmann::json OrgTree::node_json(const std::string& id, int depth) const {
    nlohmann::json out;
    add_json(out, index_of(id), depth);
    return out;
}

nlohmann::json OrgTree::path_json(const std::string& id) const {
    std::vector<int> up;
    for (int i = index_of(id); i >= 0; i = nodes_[i].parent) up.push_back(i);
    auto out = nlohmann::json::array();
    for (auto it = up.rbegin(); it != up.rend(); ++it) out.push_back({{"id", nodes_[*it].id}, {"name", nodes_[*it].name}});
    return out;
}

nlohmann::json OrgTree::search_json(const std::string& query, std::size_t limit) const {
    const auto wanted = lower(query);
    auto out = nlohmann::json::array();
    if (wanted.empty()) return out;
    for (std::size_t i = 0; i < nodes_.size() && out.size() < limit; ++i) {
        const auto& n = nodes_[i];
        if (n.id.front() == '@') continue;
        if (lower(n.name).find(wanted) == std::string::npos && lower(n.id).find(wanted) == std::string::npos) continue;
        out.push_back({{"id", n.id}, {"name", n.name}, {"title", n.title}, {"path", path_json(n.id)}});
    }
    return out;
}

} // namespace orgplan
