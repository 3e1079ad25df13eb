// RFC 4180 CSV reading: quoted fields, doubled quotes, embedded commas and newlines, CRLF, UTF-8 BOM.
#pragma once

#include <deque>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orgplan {

/// Reads records from CSV text held in memory. Not thread-safe; one reader per text.
class CsvReader {
public:
    /// `text` must outlive the reader. `source` names the file in error messages.
    CsvReader(std::string_view text, std::string source);
    /// A reader of the records of `text` from byte `start`, which must begin a line: line `line` of the text. It
    /// reads what a reader from the start would read from there when a record ends at `start`.
    CsvReader(std::string_view text, std::string source, std::size_t start, long line);

    /// Reads the next record into `fields`; returns false at the end of the text.
    /// Throws orgplan::Error naming the file and line on an unterminated quote or stray quote.
    bool next(std::vector<std::string>& fields);
    /// Like next() above without copying: each view points into the text, or, for a quoted field with doubled
    /// quotes, into storage the reader keeps. Views stay valid as long as the text and the reader.
    bool next(std::vector<std::string_view>& fields);

    /// Line on which the record returned by the last next() started (1-based).
    long record_line() const noexcept { return record_line_; }
    /// next() returns false instead of a record that would start at byte `limit` or later (npos: none).
    void stop_at(std::size_t limit) noexcept { limit_ = limit; }
    /// Where the record returned by the last next() ended (the start, before any).
    std::size_t record_end() const noexcept { return record_end_; }

private:
    std::string_view text_;
    std::string source_;
    std::deque<std::string> unquoted_; // quoted fields that had doubled quotes; a deque never moves them
    std::size_t pos_ = 0;
    std::size_t limit_ = std::string_view::npos;
    std::size_t record_end_ = 0;
    long line_ = 1;
    long record_line_ = 0;
};

/// The largest file read by default: ten times a million-person people file. Memory then stays bounded by what
/// is worth reading, and a runaway (a sparse or wrong file of gigabytes) is refused before it is read.
constexpr std::uint64_t kDefaultMaxFileSize = 512ull << 20;

/// Reads a whole regular file of at most `max_bytes` into memory; throws orgplan::Error naming the path when it
/// cannot, when the path is a directory, pipe, device or socket (which could block or never end), when the file is
/// larger (saying the limit and how to raise it), or when its first line holds NUL bytes (a binary file, not text).
std::string read_file(const std::string& path, std::uint64_t max_bytes = kDefaultMaxFileSize);

/// Where each of `names` stands in a header row, compared as normalised keys ("Job Title" is job_title); -1 for a
/// name the header lacks.
std::vector<int> header_columns(const std::vector<std::string>& header, const std::vector<std::string_view>& names);

/// "512 MB", "3.2 GB", "800 KB": a size for messages.
std::string describe_size(std::uint64_t bytes);
/// Parses "512M", "2G", "100k", "1000000" (bytes; k, M, G, T are powers of 1024); nullopt for anything else.
std::optional<std::uint64_t> parse_size(std::string_view text);

} // namespace orgplan
