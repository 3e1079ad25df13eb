#include "orgplan/base/packed_text.hpp"

#include <deque>
#include <mutex>
#include <ostream>
#include <stdexcept>

namespace orgplan {

std::uint64_t PackedText::pack_long(std::string_view text) {
    // Entries are never dropped: a packed text may be copied anywhere, and a deque keeps each entry where it is.
    static std::mutex mutex;
    static std::deque<std::string_view> long_texts;
    const std::lock_guard<std::mutex> lock(mutex);
    const auto address = reinterpret_cast<std::uintptr_t>(&long_texts.emplace_back(text));
    if ((address & ~kAddressMask) != 0) throw std::length_error("a text's view does not fit in a packed text");
    return address | kLong << kAddressBits;
}

std::ostream& operator<<(std::ostream& out, const PackedText& text) { return out << text.view(); }

} // namespace orgplan
