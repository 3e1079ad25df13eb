// Copies of short texts in large blocks, for data held by the million (ids, names, emails) without an allocation each.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

namespace orgplan {

/// Keeps copies of texts; a view keep() returns stays valid as long as the arena (moving the arena moves no text).
class TextArena {
public:
    std::string_view keep(std::string_view text);

private:
    static constexpr std::size_t kBlock = 1 << 20;
    std::vector<std::unique_ptr<char[]>> blocks_;
    char* current_ = nullptr;
    std::size_t used_ = kBlock;
};

} // namespace orgplan
