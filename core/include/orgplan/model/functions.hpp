// Which function (sales, marketing, engineering, product...) a person works in, for interrupts and task forces.
#pragma once

#include <set>
#include <string>

#include "orgplan/org.hpp"

namespace orgplan {

/// A person's function, normalised (lower case, `_` for spaces): their `function` column; else their unit
/// (department) when one of its words names a known function (a goal's function or a usual one: sales, marketing,
/// support...); else from their role family (pm and product_leader: product; maker and eng_manager: engineering;
/// other: other). docs/formats.md says the same.
class FunctionOf {
public:
    explicit FunctionOf(const Org& org);
    std::string operator()(const Person& p) const;
    /// Every function a person of the org or a goal has, sorted.
    const std::set<std::string>& known() const { return known_; }

private:
    std::set<std::string> words_; // functions a unit's words are matched against
    std::set<std::string> known_;
};

} // namespace orgplan
