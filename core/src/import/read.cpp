#include "read.hpp"

#include <algorithm>
#include <filesystem>
#include <future>
#include <set>

#include <fmt/format.h>

#include "header_map.hpp"
#include "orgplan/base/text.hpp"
#include "parse.hpp"

namespace orgplan::importing {

std::vector<std::string> expand_paths(const std::vector<std::string>& paths) {
    std::vector<std::string> out;
    for (const auto& path : paths) {
        std::error_code ec;
        if (std::filesystem::is_directory(path, ec)) {
            std::vector<std::string> files;
            std::filesystem::directory_iterator entries(path, ec), end;
            for (; !ec && entries != end; entries.increment(ec)) {
                const auto& entry = *entries;
                const auto ext = text::lower(entry.path().extension().string());
                std::error_code type_error;
                if (entry.is_regular_file(type_error) && (ext == ".csv" || ext == ".json")) files.push_back(entry.path());
            }
            if (ec) throw Error(path + ": cannot list the directory (" + ec.message() + ")");
            if (files.empty()) throw Error(path + ": the directory holds no .csv or .json files");
            std::sort(files.begin(), files.end());
            out.insert(out.end(), files.begin(), files.end());
        } else {
            out.push_back(path);
        }
    }
    return out;
}

namespace {

// A file of people with both FTE columns would give FTE twice.
bool fte_given_once(const std::string& kind, const HeaderMap& header, Problems& problems, Loc at) {
    if (kind != "people" || !header.has("fte") || !header.has("fte_percent")) return true;
    problems.add(at, "fte_percent", "the file gives FTE twice, as a fraction (fte) and as a percentage; keep one");
    return false;
}

// A million people grow these vectors once instead of copying them over and over.
void reserve_for(const std::string& kind, const HeaderMap& header, std::size_t hint, IncomingRecords& in) {
    if (kind == "people") {
        in.people.reserve_more(hint);
        if (header.has("team")) in.memberships.reserve_more(hint);
    } else if (kind == "memberships") {
        in.memberships.reserve_more(hint);
    }
}

// Parses every record of one source; returns how many it had. `progress` may be empty.
std::size_t read_records(const std::string& kind, RecordSource& source, const HeaderMap& header,
                         std::uint32_t loc_source, const TitleRules& rules, const ProgressFn& progress,
                         Problems& problems, IncomingRecords& in) {
    Record record;
    std::size_t count = 0;
    while (source.next(record)) {
        const Loc loc = loc_of(loc_source, record.position, source.source());
        if (++count % 100000 == 0 && progress) progress("reading " + kind, count, 0);
        if (!record_readable(source, record, loc, problems)) {
            // The record exists, so references to its id are not reported a second time.
            if (const auto id = header.has("id") ? header.get(record, "id") : std::string_view(); !id.empty())
                in.broken_ids[kind].emplace_back(id);
            continue;
        }
        parse_record(kind, header, record, loc, rules, problems, in);
    }
    return count;
}

// Files of people or memberships this long are parsed in two halves, one on a second thread.
constexpr std::size_t kSplitRecords = 20000;

// Records of the second half go after the first's, as one pass over the file would have added them.
void append_half(IncomingRecords& to, IncomingRecords&& half) {
    to.segments.append(std::move(half.segments));
    to.products.append(std::move(half.products));
    to.initiatives.append(std::move(half.initiatives));
    to.accounts.append(std::move(half.accounts));
    to.teams.append(std::move(half.teams));
    to.people.append(std::move(half.people));
    to.goals.append(std::move(half.goals));
    to.memberships.append(std::move(half.memberships));
    to.assignments.append(std::move(half.assignments));
    to.interrupts.append(std::move(half.interrupts));
    to.seats.append(std::move(half.seats));
    for (auto& [kind, ids] : half.broken_ids) {
        auto& into = to.broken_ids[kind];
        into.insert(into.end(), ids.begin(), ids.end());
    }
    if (to.family_unlike_rules == 0) to.family_unlike_example = std::move(half.family_unlike_example);
    to.family_unlike_rules += half.family_unlike_rules;
}

// Reads a source of people or memberships; a long one in two halves at once. The halves share no state: the second
// gets its own header map, title rules (both cache) and problem list. Not split: a file with a currency column (the
// first currency given stands, and a later one is checked against it, record by record).
std::size_t read_source(const std::string& kind, RecordSource& source, const HeaderMap& header,
                        std::uint32_t loc_source, const ImportOptions& options, Problems& problems, ReadFiles& read) {
    auto& in = read.records;
    const auto hint = source.size_hint();
    reserve_for(kind, header, hint, in);
    const bool splits = (kind == "people" || kind == "memberships") && hint >= kSplitRecords && !header.has("currency");
    auto half = splits ? source.split_half() : nullptr;
    if (!half)
        return read_records(kind, source, header, loc_source, *options.rules, options.progress, problems, in);

    const HeaderMap half_header = header;
    auto half_rules = std::make_unique<TitleRules>(*options.rules);
    auto half_problems = problems.part();
    IncomingRecords half_in;
    reserve_for(kind, header, half->size_hint(), half_in); // on this thread: see rank_candidates in mentoring
    auto second = std::async(std::launch::async, [&] {
        return read_records(kind, *half, half_header, loc_source, *half_rules, {}, half_problems, half_in);
    });
    auto count = read_records(kind, source, header, loc_source, *options.rules, options.progress, problems, in);
    if (!source.rejoin()) { // the halves do not meet: this one read on to the end
        second.wait();
        return count;
    }
    count += second.get();
    append_half(in, std::move(half_in));
    problems.absorb(half_problems);
    read.halves.push_back(std::move(half));
    read.half_rules.push_back(std::move(half_rules));
    return count;
}

} // namespace

ReadFiles read_files(const std::vector<std::string>& paths, const ImportOptions& options, Problems& problems) {
    ReadFiles read;
    for (const auto& path : expand_paths(paths)) {
        auto opened = open_records(path, options.kind, options.mapping, &kind_of_name, options.max_file_size);
        for (auto& s : opened) read.sources.push_back(std::move(s));
    }
    std::set<std::string> constants_used;
    for (auto& [kind, source] : read.sources) {
        const auto loc_source = problems.add_source(source->source(), source->positions_are_records());
        const Loc header_loc{loc_source, 1};
        const HeaderMap header(*source, column_specs().at(kind), options.constants, problems, header_loc);
        read.ignored_columns.insert(read.ignored_columns.end(), header.unused_columns().begin(),
                                    header.unused_columns().end());
        constants_used.insert(header.constants_used().begin(), header.constants_used().end());
        if (!header.ok() || !fte_given_once(kind, header, problems, header_loc)) continue;
        const auto count = read_source(kind, *source, header, loc_source, options, problems, read);
        // A file with a header and no records is a truncated export or the wrong file, not an update of nothing.
        if (count == 0)
            problems.add(header_loc, "",
                         "the file names its columns but holds no records; check the export (or leave the file out)");
        read.counts[kind] += count;
    }
    for (const auto& [column, value] : options.constants)
        if (!constants_used.count(column))
            read.notes.push_back("--set " + column + " was not used: no file read lacks that column");
    const auto& in = read.records;
    if (in.family_unlike_rules)
        read.notes.push_back(fmt::format(
            "{} {} a family column that differs from what the title rules say (e.g. {}); the column wins; "
            "orgplan roles lists how each title was classed",
            in.family_unlike_rules, in.family_unlike_rules == 1 ? "person has" : "people have",
            in.family_unlike_example));
    return read;
}

} // namespace orgplan::importing
