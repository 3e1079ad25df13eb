// One stored person or team as it is in the database, column by column: what the server shows of a record and
// digests into its version, so that any change to it (an import, another edit) changes that version.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "orgplan/storage/database.hpp"

namespace orgplan {

/// (column, field): a stored column and the import field it is shown as.
using RecordColumns = std::vector<std::pair<std::string, std::string>>;

/// The record `id` of `table` ("person" or "team") as {"id": id, field: value...}: numbers as numbers, NULL as null.
/// Null when there is no such record. Throws orgplan::Error for another table.
nlohmann::json load_record_fields(Database& db, const std::string& table, const RecordColumns& columns,
                          const std::string& id);

} // namespace orgplan
