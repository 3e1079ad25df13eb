// Where an incoming record came from, and the problems an import collects before it refuses to write anything.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "orgplan/base/error.hpp"

namespace orgplan::importing {

/// A record's place: an index into Problems' sources and a line (CSV) or record number (JSON). Eight bytes, so a
/// million of them stay cheap: a file of more lines than a position holds is refused (loc_of).
struct Loc {
    std::uint32_t source = 0;
    std::uint32_t position = 0;
};

/// The place of a record at `position` (from 1) of source `source`; throws for a position past 4,294,967,295.
Loc loc_of(std::uint32_t source, long position, const std::string& source_name);

/// Every problem of one import, up to a maximum listed (all are counted), thrown together at the end.
class Problems {
public:
    explicit Problems(std::size_t max) : max_(max) {}

    /// Registers a file (or a JSON key within one); `records` says its positions count records, not lines.
    std::uint32_t add_source(const std::string& name, bool records);
    void add(Loc loc, std::string field, std::string message);
    /// "people.csv:4" or "org.json record 3", for messages that point at another record.
    std::string where(Loc loc) const;
    bool any() const { return total_ > 0; }
    std::size_t count() const { return total_; }
    /// The problems listed so far, in the order found.
    const std::vector<InputProblem>& listed() const { return list_; }
    /// An empty list over the same files and maximum, for a part of the files read on another thread.
    Problems part() const;
    /// Adds the problems of a part (see part()) found after this list's, as if they were added one by one here.
    void absorb(const Problems& part);
    /// Throws every problem, ordered by file and line so they read like the files.
    [[noreturn]] void raise();

private:
    struct Source {
        std::string name;
        bool records;
    };
    std::vector<Source> sources_;
    std::vector<InputProblem> list_;
    std::size_t total_ = 0;
    std::size_t max_;
};

/// A value a message may show so the user finds it: short, and never an email address (values may be personal;
/// ids, numbers and codes are what these messages quote).
std::string quoted_value(std::string_view raw);
/// A reference (an id or an email) as a message may show it.
std::string quoted_reference(std::string_view ref);

} // namespace orgplan::importing
