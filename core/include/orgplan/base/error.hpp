// Errors that carry enough context for a user to fix their input.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace orgplan {

/// A failure the user can act on; the message says what and where.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// One problem in an input file: where it is and what to do about it.
struct InputProblem {
    std::string file;
    long line = 0;          ///< 1-based line (CSV) or record number (JSON); 0 when not known
    std::string field;      ///< column or field name; empty when the problem is the whole record
    std::string message;
    bool is_record = false; ///< `line` counts records (JSON arrays), not text lines

    std::string to_string() const;
};

/// Thrown when input has problems; carries all of them (up to a limit), not only the first.
class InputErrors : public Error {
public:
    InputErrors(std::vector<InputProblem> problems, std::size_t total);
    const std::vector<InputProblem>& problems() const noexcept { return problems_; }
    std::size_t total() const noexcept { return total_; }

private:
    std::vector<InputProblem> problems_;
    std::size_t total_;
};

} // namespace orgplan
