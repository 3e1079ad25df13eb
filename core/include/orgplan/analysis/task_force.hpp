// Task forces: a small working group across functions and, apart from it, a review audience of directors and VPs,
// every pick with its reason; and who sits on how many (docs/taskforces.md).
#pragma once

#include "orgplan/model/seniority.hpp"

#include <cstddef>
#include <string>
#include <vector>

#include "orgplan/org.hpp"

namespace orgplan {

struct TaskForceRequest {
    std::string name, topic;
    std::vector<std::string> products;  ///< people tied to these through teams, assignments or goals; empty: anyone
    std::vector<std::string> functions; ///< working group from these functions only; empty: any
    std::size_t min_size = 4, max_size = 6;
    std::size_t review_max = 20;
    std::size_t per_function = 2;   ///< working-group members from one function at most
    std::size_t max_per_person = 3; ///< nobody already on this many task forces is picked
    SeniorityWords seniority = SeniorityWords::builtin(); ///< how senior each person is, from level or title
};

struct TaskForcePick {
    std::string person_id, name, function, level;
    bool review = false;
    std::string reason;
};

struct TaskForceProposal {
    std::vector<TaskForcePick> working, review;
    std::vector<std::string> passed_over; ///< "Name (id): on 3 task forces already"
    std::vector<std::string> warnings;    ///< fewer people than asked for, a function with nobody tied
};

/// Proposes a working group and a review audience. Throws orgplan::Error for an unknown product or function (the
/// message lists the known ones) or sizes that make no sense.
TaskForceProposal propose_task_force(const Org& org, const TaskForceRequest& request);

/// Parses "4-6" or "5" into min and max sizes. Throws orgplan::Error naming the option.
std::pair<std::size_t, std::size_t> parse_size_range(const std::string& text, const std::string& option);

/// A person's seats across task forces.
struct SeatLoad {
    std::string person_id, name; ///< name empty when the person is no longer in the org
    std::vector<std::string> working, review; ///< task force names
    std::size_t seats() const { return working.size() + review.size(); }
};

/// Everyone with at least `at_least` seats, most seats first (then by id).
std::vector<SeatLoad> task_force_load(const Org& org, std::size_t at_least);

} // namespace orgplan
