// Built-in diagnostics of what pulls people away from their work: interrupts that eat a PM's week, and people on
// too many task forces (docs/interrupts.md, docs/taskforces.md).
#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "orgplan/interrupt_load.hpp"
#include "orgplan/diagnostic.hpp"
#include "support.hpp"

namespace orgplan::builtin {
namespace {

using sdk::Finding;
using sdk::Severity;

std::string percent(double share) { return fixed(100 * share, 0) + "%"; }

class InterruptOverload final : public sdk::Diagnostic {
public:
    std::vector<Finding> run(const sdk::DiagnosticRequest& r) const override {
        const double most = setting(r.settings, "interrupts.overload_share", 0.2);
        const double hours = setting(r.settings, "interrupts.hours_per_week", 40);
        const auto period = sdk::logged_period(r.org.interrupts);
        auto loads = sdk::pm_interrupt_loads(r.org, period, hours);
        loads.erase(std::remove_if(loads.begin(), loads.end(),
                                   [&](const auto& load) { return load.unplanned_share() <= most + 1e-12; }),
                    loads.end());
        std::unordered_map<std::string, std::string> names;
        for (const auto& load : loads) names.emplace(load.pm_id, load.pm_id);
        fill_names(r.org, names);
        std::vector<Finding> out;
        for (const auto& load : loads) {
            std::string top;
            const auto requesters = load.top_requesters();
            for (std::size_t i = 0; i < requesters.size() && i < 3; ++i)
                top += (i ? ", " : "") + requesters[i].first + " " + fixed(requesters[i].second) + " h";
            const auto& name = names.at(load.pm_id);
            out.push_back({"interrupt-overload", load.unplanned_share() > 2 * most ? Severity::error : Severity::warning,
                           load.pm_id,
                           name + " spent " + percent(load.unplanned_share()) + " of their time on unplanned "
                               "interrupts from " + period.from + " to " + period.to + " (" +
                               fixed(load.unplanned_hours) + " of " + fixed(load.available_hours, 0) +
                               " hours), above " + percent(most) + " (interrupts.overload_share); most from " + top,
                           "route these requests through one intake (a weekly slot, a sales-engineering queue) and "
                           "talk to the top requesters' leads: orgplan interrupts --by requester shows who asks"});
        }
        return out;
    }
};

class CommitteeOverload final : public sdk::Diagnostic {
public:
    std::vector<Finding> run(const sdk::DiagnosticRequest& r) const override {
        const double most = setting(r.settings, "taskforce.max_per_person", 3);
        std::map<std::string, std::vector<std::string>> seats;
        for (const auto& t : r.org.task_forces)
            for (const auto& s : t.seats) seats[s.person_id].push_back(t.name);
        std::unordered_map<std::string, std::string> people;
        for (const auto& [id, names] : seats)
            if (names.size() > most + 1e-9) people.emplace(id, id);
        fill_names(r.org, people);
        std::vector<Finding> out;
        for (const auto& [id, names] : seats) {
            if (names.size() <= most + 1e-9) continue;
            std::string list;
            for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
            out.push_back({"committee-overload", Severity::warning, id,
                           people.at(id) + " sits on " + std::to_string(names.size()) +
                               " task forces (" + list + "), more than " + fixed(most, 0) +
                               " (taskforce.max_per_person)",
                           "take them off the task forces where a colleague of the same function can stand in; "
                           "orgplan taskforce load lists everyone's seats"});
        }
        return out;
    }
};

} // namespace
} // namespace orgplan::builtin

using namespace orgplan;
using namespace orgplan::builtin;

ORGPLAN_PLUGIN_LIBRARY(
    sdk::diagnostic<InterruptOverload>("interrupt-overload", "1.0.0",
                                       "PMs whose unplanned interrupts take more than a share of their time"),
    sdk::diagnostic<CommitteeOverload>("committee-overload", "1.0.0", "people on more task forces than a limit"))
