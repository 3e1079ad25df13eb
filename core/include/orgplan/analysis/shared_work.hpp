// Work that the answers over one unchanging org would each repeat, done once: a report's dozen sections, or an
// answer and its data gaps on the second core, ask the same coverage and look people up by the same ids.
#pragma once

#include <memory>
#include <optional>

#include "orgplan/analysis/coverage.hpp"
#include "orgplan/model/people_by_id.hpp"

namespace orgplan {

/// While one lives, the coverage of its org by its own assignments (compute_coverage without maker totals) and the
/// index of its people by id are each worked out on the first ask and handed to every later one, on any thread. The
/// org must not change while it lives. Several may be open at once, for different orgs (the server answers requests
/// side by side).
class SharedWork {
public:
    explicit SharedWork(const Org& org);
    ~SharedWork();
    SharedWork(const SharedWork&) = delete;
    SharedWork& operator=(const SharedWork&) = delete;

    struct State;

private:
    std::shared_ptr<State> state_;
};

/// The coverage of `org` by its own assignments when a SharedWork of it is open (worked out now if no one asked
/// before); nothing otherwise.
std::optional<Coverage> shared_coverage(const Org& org);

/// The index of `org`'s people by id: the shared one while a SharedWork of the org is open (it stays valid as long as
/// the pointer is held), a new one otherwise.
std::shared_ptr<const PeopleById> people_by_id(const Org& org);

/// While a SharedWork of `org` is open, works out its coverage and then its people index now (each unless someone
/// has), so a thread with time to spare has them ready for the answer's; nothing otherwise.
void prepare_shared_work(const Org& org);

} // namespace orgplan
