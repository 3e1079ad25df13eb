#include "orgplan/import/csv.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sys/stat.h>

#include "orgplan/base/error.hpp"
#include "orgplan/base/text.hpp"

namespace orgplan {

CsvReader::CsvReader(std::string_view text, std::string source) : text_(text), source_(std::move(source)) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3; // UTF-8 BOM written by spreadsheet exports
    record_end_ = pos_;
}

CsvReader::CsvReader(std::string_view text, std::string source, std::size_t start, long line)
    : text_(text), source_(std::move(source)), pos_(start), record_end_(start), line_(line) {}

bool CsvReader::next(std::vector<std::string_view>& fields) {
    fields.clear();
    // Blank lines between records carry no data; skip them rather than report empty records.
    while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
        if (text_[pos_] == '\n') ++line_;
        ++pos_;
    }
    if (pos_ >= text_.size() || pos_ >= limit_) return false;
    record_line_ = line_;

    const std::size_t n = text_.size();
    while (true) {
        if (pos_ < n && text_[pos_] == '"') {
            const long quote_line = line_;
            const std::size_t start = ++pos_;
            bool doubled = false; // a "" inside: the field needs a copy without the doubled quotes
            while (true) {
                const char* quote = static_cast<const char*>(std::memchr(text_.data() + pos_, '"', n - pos_));
                if (!quote)
                    throw Error(source_ + ":" + std::to_string(quote_line) +
                                ": a quoted field is never closed; add the missing '\"'");
                const auto at = static_cast<std::size_t>(quote - text_.data());
                for (std::size_t i = pos_; i < at; ++i) line_ += text_[i] == '\n';
                pos_ = at + 1;
                if (pos_ < n && text_[pos_] == '"') {
                    doubled = true;
                    ++pos_;
                    continue;
                }
                break;
            }
            const auto raw = text_.substr(start, pos_ - 1 - start);
            if (pos_ < n && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r')
                throw Error(source_ + ":" + std::to_string(line_) +
                            ": unexpected text after a closing quote; quote the whole field and double "
                            "any quote inside it");
            if (doubled) {
                std::string& field = unquoted_.emplace_back();
                field.reserve(raw.size());
                for (std::size_t i = 0; i < raw.size(); ++i) {
                    field += raw[i];
                    if (raw[i] == '"') ++i; // the second quote of a pair
                }
                fields.emplace_back(field);
            } else {
                fields.push_back(raw);
            }
        } else {
            const std::size_t start = pos_;
            while (pos_ < n && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r') ++pos_;
            fields.push_back(text_.substr(start, pos_ - start));
        }
        if (pos_ >= n) {
            record_end_ = pos_;
            return true;
        }
        const char sep = text_[pos_];
        if (sep == ',') {
            ++pos_;
            continue;
        }
        if (sep == '\r') ++pos_;
        if (pos_ < n && text_[pos_] == '\n') {
            ++pos_;
            ++line_;
        }
        record_end_ = pos_;
        return true;
    }
}

bool CsvReader::next(std::vector<std::string>& fields) {
    std::vector<std::string_view> views;
    if (!next(views)) {
        fields.clear();
        return false;
    }
    fields.assign(views.begin(), views.end());
    return true;
}

std::string read_file(const std::string& path, std::uint64_t max_bytes) {
    // A FIFO or device would block or never end (/dev/zero): only regular files are read.
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) throw Error(path + ": cannot open (" + std::strerror(errno) + ")");
    if (S_ISDIR(st.st_mode)) throw Error(path + ": is a directory, not a file");
    if (!S_ISREG(st.st_mode))
        throw Error(path + ": not a regular file (a pipe, device or socket); save the data to a file and give that");
    const auto size = static_cast<std::uint64_t>(st.st_size);
    if (size > max_bytes)
        throw Error(path + ": " + describe_size(size) + ", more than the " + describe_size(max_bytes) +
                    " a file may have; check it is the right file, split it, or raise the limit with "
                    "--max-file-size");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": cannot open (" + std::strerror(errno) + ")");
    // Read at once into a string of its size: a 100 MB export is not copied through a stream buffer. The first
    // block comes first: a binary file (an image, a sparse file of zeros) is refused before the rest is read.
    std::string text(static_cast<std::size_t>(size), '\0');
    const std::size_t head = std::min<std::size_t>(text.size(), 64 << 10);
    in.read(text.data(), static_cast<std::streamsize>(head));
    const std::size_t got = static_cast<std::size_t>(in.gcount());
    const std::string_view first(text.data(), got);
    const auto first_line = first.substr(0, first.find('\n'));
    if (first_line.find('\0') != std::string_view::npos)
        throw Error(path + ":1: NUL bytes in the first line: a binary file, not text; export the data as CSV or "
                           "JSON");
    if (got == head && head < text.size()) {
        in.read(text.data() + head, static_cast<std::streamsize>(text.size() - head));
        text.resize(head + static_cast<std::size_t>(in.gcount()));
    } else {
        text.resize(got);
    }
    return text;
}

std::vector<int> header_columns(const std::vector<std::string>& header, const std::vector<std::string_view>& names) {
    std::vector<int> at(names.size(), -1);
    for (std::size_t i = 0; i < header.size(); ++i) {
        const auto key = text::normalise_key(header[i]);
        for (std::size_t n = 0; n < names.size(); ++n)
            if (key == names[n]) at[n] = static_cast<int>(i);
    }
    return at;
}

std::string describe_size(std::uint64_t bytes) {
    static const char* units[] = {"bytes", "KB", "MB", "GB", "TB"};
    double value = static_cast<double>(bytes);
    int unit = 0;
    while (value >= 1024 && unit < 4) {
        value /= 1024;
        ++unit;
    }
    if (unit == 0) return std::to_string(bytes) + " bytes";
    char buf[32];
    std::snprintf(buf, sizeof buf, value < 10 && value != static_cast<int>(value) ? "%.1f %s" : "%.0f %s", value,
                  units[unit]);
    return buf;
}

std::optional<std::uint64_t> parse_size(std::string_view text) {
    if (text.empty() || text.size() > 20) return std::nullopt;
    std::uint64_t value = 0;
    std::size_t i = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
        if (value > (UINT64_MAX - 9) / 10) return std::nullopt;
        value = value * 10 + static_cast<std::uint64_t>(text[i] - '0');
    }
    if (i == 0) return std::nullopt;
    int shift = 0;
    if (i < text.size()) {
        switch (text[i]) {
        case 'k': case 'K': shift = 10; break;
        case 'm': case 'M': shift = 20; break;
        case 'g': case 'G': shift = 30; break;
        case 't': case 'T': shift = 40; break;
        default: return std::nullopt;
        }
        ++i;
        if (i < text.size() && (text[i] == 'b' || text[i] == 'B')) ++i; // "512MB"
        if (i != text.size()) return std::nullopt;
    }
    if (shift && value > (UINT64_MAX >> shift)) return std::nullopt;
    return value << shift;
}

} // namespace orgplan
