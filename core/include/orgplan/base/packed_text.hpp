// A view of text in eight bytes instead of a string_view's sixteen. An import holds ten views for each of a million
// people and two for each membership: 96 MB less at that size, and less memory to move. The address takes the low 48
// bits (user-space addresses on x86-64 and arm64 Linux fit in them) and the length the high 16; a longer text, or
// one at an address that does not fit, is kept in a list of views for the life of the process and named by its
// entry instead (imports refuse fields over 64 KiB, so only a hand-edited database ever brings one). Unlike
// orgplan::Text, which owns its text, a packed text only views it: the text must outlive it.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

namespace orgplan {

class PackedText {
public:
    PackedText() = default;
    PackedText(std::string_view text) : bits_(pack(text)) {} // NOLINT: converts like a string_view
    PackedText(const std::string& text) : PackedText(std::string_view(text)) {} // NOLINT
    PackedText(const char* text) : PackedText(std::string_view(text)) {} // NOLINT

    operator std::string_view() const { return view(); } // NOLINT: reads like a string_view
    std::string_view view() const {
        const auto length = bits_ >> kAddressBits;
        const auto* at = reinterpret_cast<const char*>(bits_ & kAddressMask);
        if (length == kLong) return *reinterpret_cast<const std::string_view*>(at);
        return {at, static_cast<std::size_t>(length)};
    }
    bool empty() const { return view().empty(); }
    std::size_t size() const { return view().size(); }
    const char* data() const { return view().data(); }

    friend bool operator==(const PackedText& a, const PackedText& b) { return a.view() == b.view(); }
    friend bool operator!=(const PackedText& a, const PackedText& b) { return a.view() != b.view(); }
    friend bool operator<(const PackedText& a, const PackedText& b) { return a.view() < b.view(); }
    friend bool operator<(const PackedText& a, std::string_view b) { return a.view() < b; }
    friend bool operator<(std::string_view a, const PackedText& b) { return a < b.view(); }
    friend bool operator==(const PackedText& a, std::string_view b) { return a.view() == b; }
    friend bool operator!=(const PackedText& a, std::string_view b) { return a.view() != b; }
    friend bool operator==(std::string_view a, const PackedText& b) { return a == b.view(); }
    friend bool operator!=(std::string_view a, const PackedText& b) { return a != b.view(); }
    friend bool operator==(const PackedText& a, const char* b) { return a.view() == b; }
    friend bool operator!=(const PackedText& a, const char* b) { return a.view() != b; }
    friend std::ostream& operator<<(std::ostream& out, const PackedText& text);

private:
    static constexpr unsigned kAddressBits = 48;
    static constexpr std::uint64_t kAddressMask = (std::uint64_t{1} << kAddressBits) - 1;
    static constexpr std::uint64_t kLong = 0xFFFF; ///< the length that says "an entry of the long list"

    static std::uint64_t pack(std::string_view text) {
        const auto address = reinterpret_cast<std::uintptr_t>(text.data());
        if (text.size() < kLong && (address & ~kAddressMask) == 0)
            return address | std::uint64_t{text.size()} << kAddressBits;
        return pack_long(text);
    }
    static std::uint64_t pack_long(std::string_view text);

    std::uint64_t bits_ = 0;
};

static_assert(sizeof(PackedText) == 8, "a packed text is eight bytes");

} // namespace orgplan
