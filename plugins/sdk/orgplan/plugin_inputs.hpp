// orgplan plugin SDK: what every plugin request carries besides the org.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace orgplan::sdk {

/// Numbers from the org's settings (docs/configuration.md), e.g. "ratio.threshold" -> 10.
using Settings = std::map<std::string, double>;
/// Free-form plugin parameters from the command line (--param key=value), e.g. "senior" -> "0.5".
using Params = std::map<std::string, std::string>;

/// What the host already knows about who covers which team, aligned with Org::teams.
struct Coverage {
    std::vector<double> team_maker_fte; ///< FTE-weighted makers of each team
    std::vector<double> team_pm_fte;    ///< PM FTE covering each team, from the assignments
    /// One PM's contribution to one team.
    struct Part {
        std::string pm_id;
        std::size_t team = 0; ///< index into Org::teams
        double fte = 0;
    };
    std::vector<Part> parts; ///< every PM's contribution to every team they cover
};

} // namespace orgplan::sdk
