// The coverage of an org by its own assignments, worked out once for all the answers that ask it of one unchanging
// org: a report's dozen sections, or an answer and its data gaps on the second core.
#pragma once

#include <memory>
#include <optional>

#include "orgplan/analysis/coverage.hpp"

namespace orgplan {

/// While one lives, compute_coverage(org, org.assignments) of that org (without maker totals) is worked out on the
/// first ask and handed to every later one, on any thread. The org must not change while it lives. Several may be
/// open at once, for different orgs (the server answers requests side by side).
class SharedCoverage {
public:
    explicit SharedCoverage(const Org& org);
    ~SharedCoverage();
    SharedCoverage(const SharedCoverage&) = delete;
    SharedCoverage& operator=(const SharedCoverage&) = delete;

    struct State;

private:
    std::shared_ptr<State> state_;
};

/// The coverage of `org` by its own assignments when a SharedCoverage of it is open (worked out now if no one asked
/// before); nothing otherwise.
std::optional<Coverage> shared_coverage(const Org& org);

} // namespace orgplan
