// The kinds of record an import reads and the columns of each: names, synonyms and which are required.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace orgplan::importing {

/// key: every file of the kind needs it. new_record: a record that creates something needs it, an update of a stored
/// record may leave it out (a file of FTE changes has no names). optional: may be left out.
enum class Need { optional, new_record, key };

struct ColumnSpec {
    std::string name;
    Need need;
    std::vector<std::string> synonyms; ///< other headers that mean this column, normalised ("employee_id")
};

/// Kind ("people", "teams"...) -> its columns.
const std::map<std::string, std::vector<ColumnSpec>>& column_specs();
/// The column's name followed by its synonyms.
std::vector<const std::string*> names_of(const ColumnSpec& spec);

} // namespace orgplan::importing
