// orgplan plugin SDK: hiring mixes, which split PM hires into seasoned seniors, internal transfers and newcomers.
#pragma once

#include <string>
#include <vector>

#include <boost/config.hpp>

#include "orgplan/org.hpp"
#include "orgplan/plugin.hpp"
#include "orgplan/plugin_inputs.hpp"

namespace orgplan::sdk {

/// How many PMs to hire, in the org they join.
struct HiringRequest {
    const Org& org;
    double hires = 0; ///< PM hires wanted (FTE)
    Settings settings;
    Params params;
};

/// Hires of one origin in a plan.
struct HireGroup {
    Origin origin = Origin::external_senior;
    double count = 0;
    double unit_cost = 0;              ///< relative cost, or currency when the org has salaries
    double lead_quarters = 0;          ///< time to hire
    double ramp_quarters = 0;          ///< time to full productivity
    double coaching_need_hours = 0;    ///< weekly coaching each hire needs (novices)
    double coaching_give_hours = 0;    ///< weekly mentoring each hire can give (seniors)
};

/// A mix's answer: the hires by origin, what they cost, and the coaching they need and give.
struct HiringPlan {
    std::vector<HireGroup> groups;
    double total_cost = 0;
    double coaching_need_hours = 0; ///< weekly coaching the hires need
    double coaching_give_hours = 0; ///< weekly mentoring the hires add
    std::vector<std::string> notes;
};

/// Splits a number of PM hires by origin. Must not modify anything; may throw (the SDK trampoline turns exceptions
/// into a failed Status).
class BOOST_SYMBOL_VISIBLE HiringMix {
public:
    virtual ~HiringMix() = default;
    virtual HiringPlan plan(const HiringRequest& request) const = 0;
};

/// Descriptor of a hiring mix implemented by `T` (default-constructible, derived from HiringMix).
template <typename T>
constexpr PluginDescriptor hiring_mix(const char* name, const char* version, const char* description) {
    return {abi_version, PluginKind::hiring_mix, name, version, description, nullptr,
            [](const HiringRequest& r, HiringPlan& out) noexcept { return guarded([&] { out = T{}.plan(r); }); },
            nullptr};
}

} // namespace orgplan::sdk
