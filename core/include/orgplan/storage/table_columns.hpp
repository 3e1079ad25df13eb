// An org table's columns and primary key, read from the schema: what history snapshots and scenario bases copy
// row for row, so a column added by a migration is copied without either being told.
#pragma once

#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

namespace orgplan {

struct TableColumns {
    std::string table;
    std::vector<std::string> columns; ///< in the table's order
    std::vector<std::string> keys;    ///< the primary key's columns, in key order
};

/// Throws orgplan::Error for a table the schema does not have.
TableColumns table_columns(SQLite::Database& db, const std::string& table);

/// "a, b, c", each name with `prefix` ("NEW." gives "NEW.a, NEW.b, NEW.c").
std::string joined(const std::vector<std::string>& names, const std::string& prefix = "");

} // namespace orgplan
