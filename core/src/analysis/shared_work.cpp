#include "orgplan/analysis/shared_work.hpp"

#include <algorithm>
#include <mutex>
#include <vector>

namespace orgplan {

struct SharedWork::State {
    const Org* org;
    std::once_flag coverage_once;
    Coverage coverage;
    std::once_flag people_once;
    std::optional<PeopleById> people;
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

// The first to ask works a result out; others asking meanwhile wait for it (a throw leaves it for the next to try).

std::optional<Coverage> shared_coverage(const Org& org) {
    const auto state = open_scope_of(org);
    if (!state) return std::nullopt;
    std::call_once(state->coverage_once, [&] { state->coverage = CoverageBasis(org).cover(org.assignments); });
    return state->coverage;
}

std::shared_ptr<const PeopleById> people_by_id(const Org& org) {
    const auto state = open_scope_of(org);
    if (!state) return std::make_shared<const PeopleById>(org.people);
    std::call_once(state->people_once, [&] { state->people.emplace(org.people); });
    return {state, &*state->people}; // shares the scope's ownership: valid after the scope closes
}

void prepare_shared_work(const Org& org) {
    const auto state = open_scope_of(org);
    if (!state) return;
    std::call_once(state->coverage_once, [&] { state->coverage = CoverageBasis(org).cover(org.assignments); });
    std::call_once(state->people_once, [&] { state->people.emplace(org.people); });
}

} // namespace orgplan
