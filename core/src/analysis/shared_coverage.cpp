#include "orgplan/analysis/shared_coverage.hpp"

#include <algorithm>
#include <mutex>
#include <vector>

namespace orgplan {

struct SharedCoverage::State {
    const Org* org;
    std::once_flag once;
    Coverage coverage;
};

namespace {

// The open scopes. A scope is found by its org's address: the org does not move or change while its scope lives.
std::mutex open_mutex;
std::vector<std::shared_ptr<SharedCoverage::State>>& open_scopes() {
    static std::vector<std::shared_ptr<SharedCoverage::State>> scopes;
    return scopes;
}

} // namespace

SharedCoverage::SharedCoverage(const Org& org) : state_(std::make_shared<State>()) {
    state_->org = &org;
    const std::lock_guard<std::mutex> lock(open_mutex);
    open_scopes().push_back(state_);
}

SharedCoverage::~SharedCoverage() {
    const std::lock_guard<std::mutex> lock(open_mutex);
    auto& scopes = open_scopes();
    scopes.erase(std::find(scopes.begin(), scopes.end(), state_));
}

std::optional<Coverage> shared_coverage(const Org& org) {
    std::shared_ptr<SharedCoverage::State> state;
    {
        const std::lock_guard<std::mutex> lock(open_mutex);
        for (const auto& s : open_scopes())
            if (s->org == &org) state = s;
    }
    if (!state) return std::nullopt;
    // The first to ask works it out; others asking meanwhile wait for it (a throw leaves it for the next to try).
    std::call_once(state->once, [&] { state->coverage = CoverageBasis(org).cover(org.assignments); });
    return state->coverage;
}

} // namespace orgplan
