// Who covers which team, with how much FTE: PMs' assignments spread over teams, makers counted per team. The basis
// of every ratio (docs/ratios.md).
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "orgplan/org.hpp"
#include "orgplan/storage/org_store.hpp"

namespace orgplan {

/// Each team's segment (Org::teams order): its own, else its product's; empty when neither has one.
std::vector<std::string> effective_segments(const Org& org);

/// Who covers which team, with how much FTE: the basis of every ratio.
struct Coverage {
    std::vector<double> team_makers;    ///< per team (Org::teams order): Σ maker FTE × allocation
    std::vector<double> team_pm;        ///< per team: Σ PM FTE × share reaching the team
    /// Per PM id, in the order of Org::people: (team index, FTE reaching it), one entry per team in index order.
    /// PMs reaching no team are absent.
    std::vector<std::pair<std::string, std::vector<std::pair<std::size_t, double>>>> pm_team;
    /// Per PM id: FTE assigned to initiatives, accounts, or products/segments with no team.
    std::unordered_map<std::string, double> pm_org_level;
    double unallocated_makers = 0; ///< maker FTE not allocated to any team
    double pm_fte_total = 0;       ///< Σ FTE of every PM, assigned or not, plus leaders' PM time
    double leader_pm_fte = 0;      ///< PM FTE product leaders give as player-coaches (FTE × their shares)
    double pm_unassigned = 0;      ///< PM FTE with no assignment at all
};

/// What coverage needs from the org alone (teams, makers, PMs and their memberships), built once to cover many
/// assignment lists of the same org, as a comparison of principles does. The org must outlive it.
class CoverageBasis {
public:
    explicit CoverageBasis(const Org& org, const MakerTotals* makers = nullptr);
    ~CoverageBasis();
    CoverageBasis(const CoverageBasis&) = delete;
    CoverageBasis& operator=(const CoverageBasis&) = delete;
    /// Coverage of the org under `assignments`, as compute_coverage describes. With `teams_per_pm`, pm_team is left
    /// empty and `teams_per_pm` gets instead, for each PM reaching some team, how many teams they reach with more
    /// than a trace of FTE: all that scoring a proposal needs, without a list of parts per PM.
    Coverage cover(const std::vector<Assignment>& assignments, std::vector<std::size_t>* teams_per_pm = nullptr) const;
    /// Each team's effective segment (see effective_segments).
    const std::vector<std::string>& segments() const;

private:
    struct Data;
    std::unique_ptr<Data> d_;
};

/// Computes coverage from `assignments` (pass org.assignments for the current org, or a proposal).
/// A PM with no assignment in the list is taken to cover the teams they are a member of, by allocation.
/// A product leader with assignments covers them like a PM (a player-coach); their shares count as PM FTE.
/// Product and segment assignments spread over the matching teams in proportion to their maker FTE
/// (evenly when those teams have no makers).
/// With `makers`, maker FTE comes from those totals instead of the org's makers (see PersonDetail::no_makers).
Coverage compute_coverage(const Org& org, const std::vector<Assignment>& assignments,
                          const MakerTotals* makers = nullptr);

} // namespace orgplan
