#include "orgplan/storage/row_statement.hpp"

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

namespace orgplan {

namespace {

sqlite3_stmt* prepare(sqlite3* db, const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    if (const int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr); rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        throw SQLite::Exception(db, rc);
    }
    return stmt;
}

} // namespace

RowStatement::RowStatement(Database& db, const char* sql)
    : db_(db.sql().getHandle()), stmt_(prepare(db_, sql)) {}

RowStatement::~RowStatement() { sqlite3_finalize(stmt_); }

void RowStatement::check(int rc) const {
    if (rc != SQLITE_OK) throw SQLite::Exception(db_, rc);
}

void RowStatement::text(int index, std::string_view value) {
    // SQLITE_STATIC: SQLite reads the caller's bytes when the statement runs; nothing is copied. An empty view may
    // have no data pointer, which SQLite would store as NULL rather than as empty text.
    check(sqlite3_bind_text(stmt_, index, value.empty() ? "" : value.data(), static_cast<int>(value.size()),
                            SQLITE_STATIC));
}

void RowStatement::real(int index, double value) { check(sqlite3_bind_double(stmt_, index, value)); }

void RowStatement::null(int index) { check(sqlite3_bind_null(stmt_, index)); }

void RowStatement::run() {
    const int rc = sqlite3_step(stmt_);
    sqlite3_reset(stmt_); // the error of a failed step is reported again by reset; the step's code is kept
    if (rc != SQLITE_DONE) throw SQLite::Exception(db_, rc);
}

RowQuery::RowQuery(Database& db, const std::string& sql)
    : db_(db.sql().getHandle()), stmt_(prepare(db_, sql.c_str())) {}

RowQuery::~RowQuery() { sqlite3_finalize(stmt_); }

void RowQuery::bind_text(int index, std::string_view value) {
    const int rc = sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) throw SQLite::Exception(db_, rc);
}

bool RowQuery::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw SQLite::Exception(db_, rc);
}

std::string_view RowQuery::text(int column) const {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (!data) return {};
    return {data, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

double RowQuery::real(int column) const { return sqlite3_column_double(stmt_, column); }

bool RowQuery::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

} // namespace orgplan
