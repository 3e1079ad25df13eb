#include "orgplan/analysis/shared_work.hpp"

#include <algorithm>
#include <mutex>
#include <vector>

namespace orgplan {

// The first to ask works a result out; others asking meanwhile wait for it (a throw leaves it for the next to try).
struct SharedWork::State {
    const Org* org;
    std::once_flag coverage_once;
    Coverage coverage;
    std::once_flag people_once;
    std::optional<PeopleById> people;

    const Coverage& worked_out_coverage() {
        std::call_once(coverage_once, [&] { coverage = CoverageBasis(*org).cover(org->assignments); });
        return coverage;
    }
    const PeopleById& worked_out_people() {
        std::call_once(people_once, [&] { people.emplace(org->people); });
        return *people;
    }
};

namespace {

// The open scopes. A scope is found by its org's address: the org does not move or change while its scope lives.
std::mutex open_mutex;
std::vector<std::shared_ptr<SharedWork::State>>& open_scopes() {
    static std::vector<std::shared_ptr<SharedWork::State>> scopes;
    return scopes;
}

std::shared_ptr<SharedWork::State> open_scope_of(const Org& org) {
    const std::lock_guard<std::mutex> lock(open_mutex);
    for (const auto& s : open_scopes())
        if (s->org == &org) return s;
    return nullptr;
}

} // namespace

SharedWork::SharedWork(const Org& org) : state_(std::make_shared<State>()) {
    state_->org = &org;
    const std::lock_guard<std::mutex> lock(open_mutex);
    open_scopes().push_back(state_);
}

SharedWork::~SharedWork() {
    const std::lock_guard<std::mutex> lock(open_mutex);
    auto& scopes = open_scopes();
    scopes.erase(std::find(scopes.begin(), scopes.end(), state_));
}

std::optional<Coverage> shared_coverage(const Org& org) {
    const auto state = open_scope_of(org);
    if (!state) return std::nullopt;
    return state->worked_out_coverage();
}

std::shared_ptr<const PeopleById> people_by_id(const Org& org) {
    const auto state = open_scope_of(org);
    if (!state) return std::make_shared<const PeopleById>(org.people);
    return {state, &state->worked_out_people()}; // shares the scope's ownership: valid after the scope closes
}

void prepare_shared_work(const Org& org) {
    if (const auto state = open_scope_of(org)) {
        state->worked_out_coverage();
        state->worked_out_people();
    }
}

} // namespace orgplan
