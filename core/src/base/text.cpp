#include "orgplan/base/text.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace orgplan::text {

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

std::string normalise_key(std::string_view s) {
    std::string out = lower(trim(s));
    for (auto& c : out)
        if (c == ' ' || c == '-' || c == '.') c = '_';
    return out;
}

std::optional<double> parse_number(std::string_view s) {
    s = trim(s);
    if (s.empty()) return std::nullopt;
    double value = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    if (!std::isfinite(value)) return std::nullopt; // from_chars reads "nan" and "inf"; no input means them
    return value;
}

std::optional<bool> parse_bool(std::string_view s) {
    const auto k = lower(trim(s));
    if (k == "yes" || k == "y" || k == "true" || k == "1") return true;
    if (k == "no" || k == "n" || k == "false" || k == "0" || k.empty()) return false;
    return std::nullopt;
}

std::size_t display_width(std::string_view s) {
    std::size_t n = 0;
    for (const unsigned char ch : s) n += (ch & 0xC0) != 0x80;
    return n;
}

std::optional<std::size_t> utf8_error(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        if (p[i] < 0x80) {
            ++i;
            continue;
        }
        std::size_t length;
        unsigned min_second = 0x80, max_second = 0xBF;
        if (p[i] >= 0xC2 && p[i] <= 0xDF) length = 2;
        else if (p[i] == 0xE0) length = 3, min_second = 0xA0;
        else if (p[i] >= 0xE1 && p[i] <= 0xEC) length = 3;
        else if (p[i] == 0xED) length = 3, max_second = 0x9F; // no UTF-16 surrogates
        else if (p[i] >= 0xEE && p[i] <= 0xEF) length = 3;
        else if (p[i] == 0xF0) length = 4, min_second = 0x90;
        else if (p[i] >= 0xF1 && p[i] <= 0xF3) length = 4;
        else if (p[i] == 0xF4) length = 4, max_second = 0x8F; // nothing above U+10FFFF
        else return i;
        if (i + length > n || p[i + 1] < min_second || p[i + 1] > max_second) return i;
        for (std::size_t k = 2; k < length; ++k)
            if (p[i + k] < 0x80 || p[i + k] > 0xBF) return i;
        i += length;
    }
    return std::nullopt;
}

bool natural_less(std::string_view a, std::string_view b) {
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (digit(a[i]) && digit(b[j])) {
            const auto end_a = std::find_if_not(a.begin() + i, a.end(), digit) - a.begin();
            const auto end_b = std::find_if_not(b.begin() + j, b.end(), digit) - b.begin();
            // Without leading zeros, the longer run is the larger number; equal lengths compare as text.
            auto na = a.substr(i, end_a - i), nb = b.substr(j, end_b - j);
            while (na.size() > 1 && na[0] == '0') na.remove_prefix(1);
            while (nb.size() > 1 && nb[0] == '0') nb.remove_prefix(1);
            if (na.size() != nb.size()) return na.size() < nb.size();
            if (na != nb) return na < nb;
            i = static_cast<std::size_t>(end_a);
            j = static_cast<std::size_t>(end_b);
        } else {
            if (a[i] != b[j]) return a[i] < b[j];
            ++i;
            ++j;
        }
    }
    return a.size() - i < b.size() - j;
}

std::vector<std::string> split_commas(std::string_view s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i)
        if (i == s.size() || s[i] == ',') {
            if (i > start) out.emplace_back(s.substr(start, i - start));
            start = i + 1;
        }
    return out;
}

std::string join(const std::vector<std::string>& items, std::string_view separator, std::size_t limit) {
    std::string out;
    for (std::size_t i = 0; i < items.size() && i < limit; ++i) {
        if (i) out += separator;
        out += items[i];
    }
    if (items.size() > limit) out += " +" + std::to_string(items.size() - limit);
    return out;
}

std::vector<std::string> split_list(std::string_view s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == ';' || s[i] == '|') {
            auto part = trim(s.substr(start, i - start));
            if (!part.empty()) out.emplace_back(part);
            start = i + 1;
        }
    }
    return out;
}

std::uint64_t sort_prefix(std::string_view s) {
    std::uint64_t prefix = 0;
    for (std::size_t i = 0; i < 8; ++i) prefix = prefix << 8 | (i < s.size() ? static_cast<unsigned char>(s[i]) : 0u);
    return prefix;
}

} // namespace orgplan::text
