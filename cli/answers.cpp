#include "answers.hpp"

#include <unordered_map>

#include <fmt/format.h>

namespace orgplan::cli {
namespace {

std::unordered_map<std::string, std::string> names_of(const Org& org) {
    std::unordered_map<std::string, std::string> names;
    for (const auto& p : org.people) names.emplace(p.id, p.name);
    return names;
}

} // namespace

Output mentoring_answer(const Org& org, const MentoringPlan& plan) {
    auto names = names_of(org);
    Table pairs({{"mentor", "mentor"}, {"mentor_name", "mentor name"}, {"novice", "novice"},
                 {"novice_name", "novice name"}, {"hours", "h/week"}, {"shared", "shared"}, {"cost", "cost"}});
    for (const auto& p : plan.pairings) {
        std::string shared;
        for (const auto& w : p.why) shared += (shared.empty() ? "" : ", ") + w;
        pairs.add({p.mentor_id, names[p.mentor_id], p.novice_id, names[p.novice_id], p.hours, shared,
                   static_cast<long long>(p.cost)});
    }
    Table loads({{"mentor", "mentor"}, {"name", "name"}, {"role", "role"}, {"used", "used h/week"},
                 {"capacity", "capacity h/week"}});
    auto loads_json = nlohmann::json::array();
    for (const auto& m : plan.mentors) {
        loads.add({m.mentor_id, names[m.mentor_id], std::string(m.leader ? "leader" : "senior PM"), m.used_hours,
                   m.capacity_hours});
        loads_json.push_back({{"mentor", m.mentor_id}, {"leader", m.leader}, {"capacity_hours", stable(m.capacity_hours)},
                              {"used_hours", stable(m.used_hours)}});
    }
    auto output = Output::of(std::move(pairs), {{"novices", plan.novices},
                                                {"uncovered", plan.uncovered},
                                                {"mentors", loads_json},
                                                {"total_cost", plan.total_cost},
                                                {"recommendation", plan.recommendation}});
    output.title = "mentoring plan";
    output.sections.push_back({"mentor load", std::move(loads), "", std::nullopt, ""});
    std::string uncovered;
    for (const auto& u : plan.uncovered) uncovered += (uncovered.empty() ? "" : ", ") + names[u] + " (" + u + ")";
    output.notes.push_back(fmt::format("{} novices, {} coached, {} without coaching{}", plan.novices,
                                       plan.novices - plan.uncovered.size(), plan.uncovered.size(),
                                       plan.uncovered.empty() ? "" : ": " + uncovered));
    output.notes.push_back("recommendation: " + plan.recommendation);
    return output;
}

} // namespace orgplan::cli
