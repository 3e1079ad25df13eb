#include "orgplan/base/error.hpp"

namespace orgplan {

std::string InputProblem::to_string() const {
    std::string out = file;
    if (line > 0) out += is_record ? ": record " + std::to_string(line) : ":" + std::to_string(line);
    if (!field.empty()) out += ": field '" + field + "'";
    out += ": " + message;
    return out;
}

static std::string summarise(const std::vector<InputProblem>& problems, std::size_t total) {
    std::string out;
    for (const auto& p : problems) out += p.to_string() + "\n";
    if (total > problems.size())
        out += "... and " + std::to_string(total - problems.size()) + " more problems\n";
    out += std::to_string(total) + (total == 1 ? " problem" : " problems") + " found; nothing was written";
    return out;
}

InputErrors::InputErrors(std::vector<InputProblem> problems, std::size_t total)
    : Error(summarise(problems, total)), problems_(std::move(problems)), total_(total) {}

} // namespace orgplan
