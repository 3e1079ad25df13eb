// Read: open every file, map its header, parse its records.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "incoming.hpp"
#include "orgplan/import/importer.hpp"
#include "problems.hpp"

namespace orgplan::importing {

/// What the files hold. The records view the sources' text: keep this whole while they are used.
struct ReadFiles {
    std::vector<KindedSource> sources;
    std::vector<std::unique_ptr<RecordSource>> halves; ///< second halves of sources read on two threads
    std::vector<std::unique_ptr<TitleRules>> half_rules; ///< their copies of the title rules, which records view
    IncomingRecords records;
    std::map<std::string, std::size_t> counts; ///< kind -> records read, good or bad
    std::vector<std::string> ignored_columns;  ///< notes: columns no kind uses
    std::vector<std::string> notes;            ///< --set columns not used, family columns unlike the title rules
};

/// Directories stand for the .csv and .json files in them, sorted by name. Throws orgplan::Error for a directory
/// that cannot be listed or holds none.
std::vector<std::string> expand_paths(const std::vector<std::string>& paths);

/// Reads every file of `paths` (see expand_paths) with the options' kind, header mapping, --set constants, title
/// rules and size limit. A file whose header has a problem is reported and skipped; a file with a header and no
/// records is reported. Files that cannot be opened throw orgplan::Error.
ReadFiles read_files(const std::vector<std::string>& paths, const ImportOptions& options, Problems& problems);

} // namespace orgplan::importing
