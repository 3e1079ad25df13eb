#include "problems.hpp"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

namespace orgplan::importing {

Loc loc_of(std::uint32_t source, long position, const std::string& source_name) {
    if (position < 0 || static_cast<unsigned long>(position) > std::numeric_limits<std::uint32_t>::max())
        throw Error(fmt::format("{}: more than {} lines or records; split it into several files", source_name,
                                std::numeric_limits<std::uint32_t>::max()));
    return {source, static_cast<std::uint32_t>(position)};
}

std::uint32_t Problems::add_source(const std::string& name, bool records) {
    sources_.push_back({name, records});
    return static_cast<std::uint32_t>(sources_.size() - 1);
}

void Problems::add(Loc loc, std::string field, std::string message) {
    ++total_;
    if (list_.size() >= max_) return;
    const auto& s = sources_.at(loc.source);
    list_.push_back({s.name, loc.position, std::move(field), std::move(message), s.records});
}

Problems Problems::part() const {
    Problems part(max_);
    part.sources_ = sources_;
    return part;
}

void Problems::absorb(const Problems& part) {
    // The part lists its first max_: past those, this list is full as well.
    for (const auto& p : part.list_)
        if (list_.size() < max_) list_.push_back(p);
    total_ += part.total_;
}

std::string Problems::where(Loc loc) const {
    const auto& s = sources_.at(loc.source);
    return s.records ? s.name + " record " + std::to_string(loc.position) : s.name + ":" + std::to_string(loc.position);
}

void Problems::raise() {
    std::stable_sort(list_.begin(), list_.end(), [](const InputProblem& a, const InputProblem& b) {
        return a.file != b.file ? a.file < b.file : a.line < b.line;
    });
    throw InputErrors(std::move(list_), total_);
}

std::string quoted_value(std::string_view raw) {
    if (raw.find('@') != std::string_view::npos) return "the value given";
    constexpr std::size_t kShown = 24;
    return "'" + std::string(raw.substr(0, kShown)) + (raw.size() > kShown ? "...'" : "'");
}

std::string quoted_reference(std::string_view ref) {
    return ref.find('@') != std::string_view::npos ? "(the email given)" : quoted_value(ref);
}

} // namespace orgplan::importing
