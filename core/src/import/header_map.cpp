#include "header_map.hpp"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "orgplan/base/text.hpp"

namespace orgplan::importing {

HeaderMap::HeaderMap(const RecordSource& source, const std::vector<ColumnSpec>& specs,
                     const std::map<std::string, std::string>& constants, Problems& problems, Loc header) {
    check_duplicate_columns(source, problems, header);
    for (const auto& spec : specs) {
        std::vector<std::string_view> given;
        for (const auto* name : names_of(spec))
            if (source.column(*name) >= 0) given.push_back(*name);
        if (given.size() > 1) {
            problems.add(header, spec.name,
                         fmt::format("columns '{}' and '{}' both give the {}; keep one", given[0], given[1], spec.name));
            ok_ = false;
        }
    }
    for (const auto& spec : specs) {
        int index = source.column(spec.name);
        for (std::size_t i = 0; index < 0 && i < spec.synonyms.size(); ++i) index = source.column(spec.synonyms[i]);
        if (index < 0)
            if (auto c = constants.find(spec.name); c != constants.end()) {
                index = kConstant;
                constants_.emplace_back(spec.name, c->second);
                used_.insert(spec.name);
            }
        index_.emplace_back(spec.name, index);
        // The header is not echoed: when a file lacks its header line, the first line is someone's record.
        if (index == -1 && spec.need == Need::key) {
            problems.add(header, spec.name,
                         fmt::format("required column '{}' is missing from the header ({} columns); the first "
                                     "line must name the columns: rename one to '{}' or map it with --map "
                                     "{}=\"Your Header\" (or give every record one value with --set {}=VALUE)",
                                     spec.name, source.columns().size(), spec.name, spec.name, spec.name));
            ok_ = false;
        }
    }
    if (ok_) note_unused_columns(source, specs);
}

// Two columns for one field would let the first win silently.
void HeaderMap::check_duplicate_columns(const RecordSource& source, Problems& problems, Loc header) {
    std::unordered_map<std::string_view, std::size_t> first_at;
    for (std::size_t i = 0; i < source.columns().size(); ++i) {
        const auto& column = source.columns()[i];
        const auto [at, fresh] = first_at.emplace(column, i);
        if (fresh || column.empty()) continue;
        problems.add(header, column,
                     fmt::format("appears twice in the header (columns {} and {}); keep one or rename the other",
                                 at->second + 1, i + 1));
        ok_ = false;
    }
}

ColumnSet HeaderMap::present_columns(const Record& r, const std::vector<std::string_view>& columns) const {
    // Every record of a CSV file has every column of its header: worked out once, not for each of a million records.
    const bool whole = r.absent.empty();
    if (whole && every_record_for_ == &columns) return every_record_;
    ColumnSet set = 0;
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (present(r, columns[i])) set |= ColumnSet{1} << i;
    if (whole) every_record_for_ = &columns, every_record_ = set;
    return set;
}

std::string_view HeaderMap::get(const Record& r, std::string_view name) const {
    const int i = index_of(name);
    if (i == kConstant) return constant(name);
    if (i < 0 || i >= static_cast<int>(r.values.size())) return {};
    return text::trim(r.values[i]);
}

std::string_view HeaderMap::constant(std::string_view name) const {
    for (const auto& [column, value] : constants_)
        if (column == name) return text::trim(value);
    return {};
}

// Columns no spec uses, with the closest known name: a misspelt header would otherwise lose its data silently.
// A file with thousands of stray columns gets the first few and a count.
void HeaderMap::note_unused_columns(const RecordSource& source, const std::vector<ColumnSpec>& specs) {
    constexpr std::size_t kListed = 10;
    std::size_t unused = 0;
    for (const auto& column : source.columns()) {
        if (column.empty()) continue;
        std::string closest;
        std::size_t best = 3; // suggest names at most two edits away
        bool used = false;
        for (const auto& spec : specs) {
            for (const auto* name : names_of(spec)) {
                if (*name == column) used = true;
                if (used) break;
                if (const auto d = edit_distance(*name, column); d < best) {
                    best = d;
                    closest = spec.name;
                }
            }
            if (used) break;
        }
        if (used || ++unused > kListed) continue;
        unused_.push_back(source.source() + ": column '" + column + "' is not used" +
                          (closest.empty() ? "" : " (did you mean '" + closest + "'?)"));
    }
    if (unused > kListed)
        unused_.push_back(fmt::format("{}: and {} more columns are not used", source.source(), unused - kListed));
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

} // namespace orgplan::importing
