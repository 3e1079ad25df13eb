// orgplan SDK: Text, the immutable string of the records an org holds by the million (people, memberships).
//
// Eight bytes, where a std::string takes 32: a Person has ten text fields, and at a million people the strings'
// own size was most of the snapshot. Up to seven bytes are kept inline (most ids); longer text lives in one block
// that copies share, counted atomically, so copies are cheap and a snapshot may be read from several threads.
// It is a value like std::string (copy, compare, hash, assign); it is never changed in place: assign a new one.
// Read it as a std::string_view (implicit) or copy it out with str().
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <new>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

namespace orgplan {

class Text {
public:
    Text() noexcept = default;
    Text(std::string_view s) { assign(s); } // NOLINT: implicit, as std::string is from text
    Text(const std::string& s) { assign(s); } // NOLINT
    Text(const char* s) { assign(std::string_view(s)); } // NOLINT
    Text(const Text& other) noexcept : word_(other.word_) { retain(); }
    Text(Text&& other) noexcept : word_(other.word_) { other.word_ = 0; }
    Text& operator=(const Text& other) noexcept {
        Text(other).swap(*this);
        return *this;
    }
    Text& operator=(Text&& other) noexcept {
        Text(std::move(other)).swap(*this);
        return *this;
    }
    Text& operator=(std::string_view s) { return *this = Text(s); }
    Text& operator=(const std::string& s) { return *this = Text(s); }
    Text& operator=(const char* s) { return *this = Text(s); }
    ~Text() { release(); }

    void swap(Text& other) noexcept { std::swap(word_, other.word_); }
    void clear() noexcept {
        release();
        word_ = 0;
    }

    std::string_view view() const noexcept {
        if (word_ == 0) return {};
        if (word_ & 1u) return {inline_chars(), static_cast<std::size_t>((word_ >> 1) & 7u)};
        const auto* b = block();
        return {b->chars, b->size};
    }
    operator std::string_view() const noexcept { return view(); } // NOLINT: reads as the text it holds
    /// A copy as a std::string, made where one is needed (a map keyed by strings, an answer's cell).
    operator std::string() const { return str(); } // NOLINT
    std::string str() const { return std::string(view()); }

    bool empty() const noexcept { return word_ == 0; }
    std::size_t size() const noexcept { return view().size(); }
    std::size_t length() const noexcept { return size(); }
    const char* data() const noexcept { return view().data(); }
    const char* begin() const noexcept { return data(); }
    const char* end() const noexcept { return data() + size(); }
    char operator[](std::size_t i) const noexcept { return view()[i]; }
    char front() const noexcept { return view().front(); }
    char back() const noexcept { return view().back(); }
    std::size_t find(std::string_view s, std::size_t from = 0) const noexcept { return view().find(s, from); }
    std::size_t find(char c, std::size_t from = 0) const noexcept { return view().find(c, from); }
    std::size_t rfind(char c, std::size_t from = std::string_view::npos) const noexcept { return view().rfind(c, from); }
    std::string_view substr(std::size_t at, std::size_t n = std::string_view::npos) const { return view().substr(at, n); }
    int compare(std::string_view s) const noexcept { return view().compare(s); }
    static constexpr std::size_t npos = std::string_view::npos;

    /// True when both share one block (or both are the same inline text): copies of one Text do.
    bool shares(const Text& other) const noexcept { return word_ == other.word_; }
    /// Whether text of `size` bytes is held inside the Text itself (no block to share).
    static constexpr bool held_inline(std::size_t size) noexcept { return size <= kInline; }

private:
    // A block's count, its size, then its bytes.
    struct Block {
        std::atomic<std::uint32_t> refs;
        std::uint32_t size;
        char chars[1];
    };
    static constexpr std::size_t kInline = sizeof(std::uintptr_t) - 1;
    static_assert(kInline <= 7, "an inline size is three bits");

    // Inline text: the lowest byte of the word is (size << 1) | 1, the chars are the word's other bytes.
    const char* inline_chars() const noexcept {
        const auto* bytes = reinterpret_cast<const char*>(&word_);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        return bytes;
#else
        return bytes + 1;
#endif
    }
    Block* block() const noexcept { return reinterpret_cast<Block*>(word_); }

    void assign(std::string_view s) {
        if (s.empty()) return;
        if (held_inline(s.size())) {
            word_ = (static_cast<std::uintptr_t>(s.size()) << 1) | 1u;
            std::memcpy(const_cast<char*>(inline_chars()), s.data(), s.size());
            return;
        }
        if (s.size() > 0xffffffffu) throw std::length_error("orgplan::Text longer than 4 GiB");
        void* memory = ::operator new(offsetof(Block, chars) + s.size());
        auto* b = new (memory) Block{{1}, static_cast<std::uint32_t>(s.size()), {0}};
        std::memcpy(b->chars, s.data(), s.size());
        word_ = reinterpret_cast<std::uintptr_t>(b);
    }
    void retain() const noexcept {
        if (word_ != 0 && !(word_ & 1u)) block()->refs.fetch_add(1, std::memory_order_relaxed);
    }
    // Lets go of the block, if any (the word is left as it was).
    void release() noexcept {
        if (word_ == 0 || (word_ & 1u)) return;
        auto* b = block();
        if (b->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) {
            b->~Block();
            ::operator delete(b);
        }
    }

    std::uintptr_t word_ = 0; // 0: empty; odd: inline text; else a Block*
};

// Comparisons of a Text with a Text, or with anything else that reads as a string_view (std::string, a literal,
// a view), by their text. Both sides are deduced, so neither is converted to match: no ambiguity with the standard
// library's own comparisons of strings and views.
template <typename A, typename B>
constexpr bool kTextAndTextLike =
    (std::is_same_v<A, Text> && !std::is_same_v<B, Text> && std::is_convertible_v<const B&, std::string_view>) ||
    (std::is_same_v<B, Text> && !std::is_same_v<A, Text> && std::is_convertible_v<const A&, std::string_view>);
template <typename A, typename B>
using IfTextAndTextLike = std::enable_if_t<kTextAndTextLike<A, B>, int>;

inline bool operator==(const Text& a, const Text& b) noexcept { return a.shares(b) || a.view() == b.view(); }
inline bool operator!=(const Text& a, const Text& b) noexcept { return !(a == b); }
inline bool operator<(const Text& a, const Text& b) noexcept { return a.view() < b.view(); }
inline bool operator>(const Text& a, const Text& b) noexcept { return b < a; }
inline bool operator<=(const Text& a, const Text& b) noexcept { return !(b < a); }
inline bool operator>=(const Text& a, const Text& b) noexcept { return !(a < b); }

template <typename A, typename B, IfTextAndTextLike<A, B> = 0>
bool operator==(const A& a, const B& b) noexcept { return std::string_view(a) == std::string_view(b); }
template <typename A, typename B, IfTextAndTextLike<A, B> = 0>
bool operator!=(const A& a, const B& b) noexcept { return std::string_view(a) != std::string_view(b); }
template <typename A, typename B, IfTextAndTextLike<A, B> = 0>
bool operator<(const A& a, const B& b) noexcept { return std::string_view(a) < std::string_view(b); }
template <typename A, typename B, IfTextAndTextLike<A, B> = 0>
bool operator>(const A& a, const B& b) noexcept { return std::string_view(a) > std::string_view(b); }

inline std::string operator+(const std::string& a, const Text& b) { return a + std::string(b.view()); }
inline std::string operator+(const Text& a, const std::string& b) { return std::string(a.view()) + b; }
inline std::string operator+(const char* a, const Text& b) { return a + std::string(b.view()); }
inline std::string operator+(const Text& a, const char* b) { return std::string(a.view()) + b; }
inline std::string& operator+=(std::string& a, const Text& b) { return a.append(b.view()); }

inline std::ostream& operator<<(std::ostream& out, const Text& t) { return out << t.view(); }

/// For nlohmann::json (found by argument-dependent lookup), without the SDK depending on it.
template <typename Json>
void to_json(Json& j, const Text& t) {
    j = std::string(t.view());
}
template <typename Json>
void from_json(const Json& j, Text& t) {
    t = Text(j.template get<std::string>());
}

} // namespace orgplan

template <>
struct std::hash<orgplan::Text> {
    std::size_t operator()(const orgplan::Text& t) const noexcept { return std::hash<std::string_view>()(t.view()); }
};
