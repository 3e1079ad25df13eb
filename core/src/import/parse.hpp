// Parse: one record's fields into typed values, each bad field a located problem.
#pragma once

#include <string>

#include "header_map.hpp"
#include "incoming.hpp"
#include "orgplan/import/record_source.hpp"
#include "orgplan/model/title_rules.hpp"
#include "problems.hpp"

namespace orgplan::importing {

/// A record's shape and text, checked before any field is read: as many fields as the header names (CSV), none
/// longer than 64 KiB or holding NUL, all valid UTF-8. Each problem names the column, never the value.
bool record_readable(const RecordSource& source, const Record& record, Loc loc, Problems& problems);

/// Parses one record of `kind` (a key of column_specs()) into `in`. A record with a bad field is left out, with a
/// problem for each bad field, and its id goes to in.broken_ids so references to it are not reported again.
/// `rules` class people whose family column is empty.
void parse_record(const std::string& kind, const HeaderMap& header, const Record& record, Loc loc,
                  const TitleRules& rules, Problems& problems, IncomingRecords& in);

} // namespace orgplan::importing
