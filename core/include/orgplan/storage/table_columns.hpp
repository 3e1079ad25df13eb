// An org table's columns and primary key, read from the schema: what history snapshots and scenario bases copy
// row for row, so a column added by a migration is copied without either being told.
#pragma once

#include <string>
#include <vector>

#include "orgplan/storage/database.hpp"

namespace orgplan {

struct TableColumns {
    std::string table;
    std::vector<std::string> columns; ///< in the table's order
    std::vector<std::string> keys;    ///< the primary key's columns, in key order
};

/// Throws orgplan::Error for a table the schema does not have.
TableColumns table_columns(Database& db, const std::string& table);

/// "a, b, c", each name with `prefix` ("NEW." gives "NEW.a, NEW.b, NEW.c").
std::string joined(const std::vector<std::string>& names, const std::string& prefix = "");

/// "a.k1 = b.k1 AND a.k2 = b.k2" over `names`, or with op " IS ", "a.c1 IS b.c1 AND ..." (NULLs compare equal).
/// `a` and `b` are tables, aliases or OLD / NEW.
std::string matching(const std::vector<std::string>& names, const std::string& a, const std::string& b,
                     const char* op = " = ");

} // namespace orgplan
