// The reporting tree for browsing: every person with their direct reports, head count and family mix below them,
// so a front end can open any node on demand, search a person and show the path to them. Built once per org
// snapshot; reading it is cheap and thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "orgplan/org.hpp"

namespace orgplan {

class OrgTree {
public:
    /// The id of the node above everyone when the org has more than one top (several people without a manager).
    static constexpr const char* kTop = "@org";
    /// The id of the node that gathers the people who have no manager and no reports.
    static constexpr const char* kNoManager = "@no-manager";

    explicit OrgTree(const Org& org);

    /// The node `id` (empty: the top) with `depth` levels of reports opened below it, as JSON:
    /// {id, name, title, family, origin, team, reports, head_count, families{family: n}, maker_fte, pm_fte,
    /// children: [...] when opened}. Throws orgplan::Error when there is no such node.
    nlohmann::json node_json(const std::string& id, int depth) const;
    /// The ids and names from the top down to `id` (the node itself last). Throws when there is no such node.
    nlohmann::json path_json(const std::string& id) const;
    /// People whose name or id contains `query` (case-insensitive), at most `limit`, each with their path.
    nlohmann::json search_json(const std::string& query, std::size_t limit) const;
    std::size_t size() const { return nodes_.size(); }
    /// What `id` names in this org, for a link to its page: "person", "team", "product", "segment", "goal", or ""
    /// when nothing. An id of several kinds is a person first, then a team, product, segment, goal.
    std::string kind_of(const std::string& id) const;

private:
    struct Node {
        std::string id, name, title, family, origin, team;
        int parent = -1;
        std::vector<int> children;
        std::size_t head_count = 1; ///< the node and everyone below it (virtual nodes count only people)
        std::size_t families[5] = {};
        double maker_fte = 0, pm_fte = 0;
    };
    int index_of(const std::string& id) const;
    void add_json(nlohmann::json& out, int node, int depth) const;
    void sum_up(int top);
    std::vector<Node> nodes_;
    std::unordered_map<std::string, int> index_;
    std::unordered_map<std::string, const char*> others_; ///< ids of teams, products, segments and goals: their kind
    int top_ = 0;
};

} // namespace orgplan
