// Small text helpers shared by the parsers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orgplan::text {

std::string lower(std::string_view s);
std::string_view trim(std::string_view s);
/// Lower-cases and turns spaces, dashes and dots into '_' so "Internal Transfer" matches internal_transfer.
std::string normalise_key(std::string_view s);
/// Parses a whole finite decimal number (surrounding blanks allowed); nullopt on anything else, NaN and infinities
/// included. Ranges are checked by parse_number_in (number.hpp).
std::optional<double> parse_number(std::string_view s);
/// yes/no, true/false, 1/0, y/n; nullopt otherwise.
std::optional<bool> parse_bool(std::string_view s);
/// Offset of the first byte that is not part of valid UTF-8 (overlong forms, surrogates and code points above
/// U+10FFFF included), or nullopt when `s` is valid.
std::optional<std::size_t> utf8_error(std::string_view s);
/// Characters of UTF-8 text as a terminal or a spreadsheet column counts them (continuation bytes are part of one).
std::size_t display_width(std::string_view s);
/// Orders strings with runs of digits compared as numbers: "new-9" before "new-10".
bool natural_less(std::string_view a, std::string_view b);
/// Splits on ';' or '|' and trims; empty parts are dropped.
std::vector<std::string> split_list(std::string_view s);
/// The non-empty parts of a comma-separated option value ("p1,p2"), as given.
std::vector<std::string> split_commas(std::string_view s);
/// The items with `separator` between them; past `limit` items, " +N" says how many were left out.
std::string join(const std::vector<std::string>& items, std::string_view separator, std::size_t limit = SIZE_MAX);
/// The first eight bytes of `s`, big-endian and zero-padded: two prefixes compared as numbers order as the strings
/// would, up to the eighth byte. Lets large sorts compare numbers and look at whole strings only on ties.
std::uint64_t sort_prefix(std::string_view s);

} // namespace orgplan::text
