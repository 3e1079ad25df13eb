#include "orgplan/model/functions.hpp"

#include "orgplan/base/text.hpp"

namespace orgplan {

namespace {
const char* const kUsualFunctions[] = {"product",  "engineering", "design",  "sales",   "marketing",
                                       "support",  "services",    "finance", "legal",   "operations",
                                       "data",     "research",    "hr",      "security", "customer_success"};
} // namespace

FunctionOf::FunctionOf(const Org& org) {
    for (const char* f : kUsualFunctions) words_.insert(f);
    for (const auto& g : org.goals)
        if (!g.function.empty()) words_.insert(text::normalise_key(g.function));
    for (const auto& p : org.people) known_.insert((*this)(p));
    for (const auto& g : org.goals)
        if (!g.function.empty()) known_.insert(text::normalise_key(g.function));
}

std::string FunctionOf::operator()(const Person& p) const {
    if (!p.function.empty()) return text::normalise_key(p.function);
    if (!p.unit.empty()) {
        const auto unit = text::normalise_key(p.unit);
        if (words_.count(unit)) return unit;
        std::size_t start = 0;
        while (start <= unit.size()) {
            auto end = unit.find('_', start);
            if (end == std::string::npos) end = unit.size();
            if (const auto word = unit.substr(start, end - start); words_.count(word)) return word;
            start = end + 1;
        }
    }
    switch (p.family) {
    case Family::pm:
    case Family::product_leader: return "product";
    case Family::maker:
    case Family::eng_manager: return "engineering";
    case Family::other: break;
    }
    return "other";
}

} // namespace orgplan
