// RFC 4180 CSV reading: quoted fields, doubled quotes, embedded commas and newlines, CRLF, UTF-8 BOM.
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace orgplan {

/// Reads records from CSV text held in memory. Not thread-safe; one reader per text.
class CsvReader {
public:
    /// `text` must outlive the reader. `source` names the file in error messages.
    CsvReader(std::string_view text, std::string source);

    /// Reads the next record into `fields`; returns false at the end of the text.
    /// Throws orgplan::Error naming the file and line on an unterminated quote or stray quote.
    bool next(std::vector<std::string>& fields);
    /// Like next() above without copying: each view points into the text, or, for a quoted field with doubled
    /// quotes, into storage the reader keeps. Views stay valid as long as the text and the reader.
    bool next(std::vector<std::string_view>& fields);

    /// Line on which the record returned by the last next() started (1-based).
    long record_line() const noexcept { return record_line_; }

private:
    std::string_view text_;
    std::string source_;
    std::deque<std::string> unquoted_; // quoted fields that had doubled quotes; a deque never moves them
    std::size_t pos_ = 0;
    long line_ = 1;
    long record_line_ = 0;
};

/// Reads a whole regular file into memory; throws orgplan::Error naming the path when it cannot, or when the path
/// is a directory, pipe, device or socket (which could block or never end).
std::string read_file(const std::string& path);

} // namespace orgplan
