#include "orgplan/model/text_arena.hpp"

#include <algorithm>

namespace orgplan {

std::string_view TextArena::keep(std::string_view text) {
    if (text.empty()) return {};
    if (text.size() > kBlock / 16) { // a rare long text gets a block of its own
        blocks_.push_back(std::make_unique<char[]>(text.size()));
        std::copy(text.begin(), text.end(), blocks_.back().get());
        return {blocks_.back().get(), text.size()};
    }
    if (used_ + text.size() > kBlock) {
        // The current block stays where it is (views point into it); a new one follows.
        blocks_.push_back(std::make_unique<char[]>(kBlock));
        current_ = blocks_.back().get();
        used_ = 0;
    }
    char* at = current_ + used_;
    std::copy(text.begin(), text.end(), at);
    used_ += text.size();
    return {at, text.size()};
}

} // namespace orgplan
