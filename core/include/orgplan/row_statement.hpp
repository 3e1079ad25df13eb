// A prepared statement for writing many rows whose text is held elsewhere.
#pragma once

#include <string_view>

#include <SQLiteCpp/Database.h>

struct sqlite3;
struct sqlite3_stmt;

namespace orgplan {

/// A prepared INSERT or UPDATE run once per row, binding text as views without copying it.
///
/// SQLiteCpp binds text only from std::string or NUL-terminated strings; an import's values are views into the
/// files it read. Bound views must stay alive until run() returns. Errors throw SQLite::Exception with SQLite's
/// message (a constraint names the table and column). Not thread-safe; must not outlive the database.
class RowStatement {
public:
    RowStatement(SQLite::Database& db, const char* sql);
    ~RowStatement();
    RowStatement(const RowStatement&) = delete;
    RowStatement& operator=(const RowStatement&) = delete;

    void text(int index, std::string_view value);
    void real(int index, double value);
    void null(int index);
    /// Runs the statement once, then resets it for the next row (bindings are kept until rebound).
    void run();

private:
    void check(int rc) const;
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

} // namespace orgplan
