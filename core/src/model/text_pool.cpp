#include "text_pool.hpp"

namespace orgplan {

Text TextPool::get(std::string_view s) {
    if (Text::held_inline(s.size())) return Text(s); // nothing to share
    const auto hash = PlaceTable::hash_of(s);
    const auto is = [&](std::uint32_t place) { return texts_[place].view() == s; };
    if (const auto place = places_.find(hash, is); place >= 0) return texts_[static_cast<std::size_t>(place)];
    if (texts_.size() >= most_) return Text(s);
    texts_.emplace_back(s);
    places_.insert(hash, static_cast<std::uint32_t>(texts_.size() - 1), is);
    return texts_.back();
}

} // namespace orgplan
