#include "orgplan/model/text_pool.hpp"

namespace orgplan {

Text TextPool::get(std::string_view s) {
    if (s.size() < sizeof(Text)) return Text(s); // inline: nothing to share
    if (const auto it = index_.find(s); it != index_.end()) return *it->second;
    if (texts_.size() >= most_) return Text(s);
    const auto& kept = texts_.emplace_back(s);
    index_.emplace(kept.view(), &kept); // a block's text never moves
    return kept;
}

} // namespace orgplan
