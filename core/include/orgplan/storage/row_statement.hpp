// A prepared statement for writing many rows whose text is held elsewhere.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "orgplan/storage/database.hpp"

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
    RowStatement(Database& db, const char* sql);
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

/// A prepared SELECT read row by row, its text as views: reading a million rows through SQLiteCpp's Column objects
/// costs more than SQLite's own work.
///
/// A view returned by text() is valid until the next step() or the query's destruction. Errors throw
/// SQLite::Exception. Not thread-safe; must not outlive the database.
class RowQuery {
public:
    RowQuery(Database& db, const std::string& sql);
    ~RowQuery();
    RowQuery(const RowQuery&) = delete;
    RowQuery& operator=(const RowQuery&) = delete;

    /// Binds text to parameter `index` (from 1), copied; before the first step().
    void bind_text(int index, std::string_view value);
    /// Moves to the next row; false when there is none.
    bool step();
    /// Text of a column, empty for NULL.
    std::string_view text(int column) const;
    double real(int column) const;
    bool is_null(int column) const;

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

/// Inserts rows `batch` at a time with one multi-row INSERT ... VALUES (...), (...): running a statement costs
/// more than the row it inserts (a million people: about a third of the write time).
///
/// `Row` is a small value (views, pointers, numbers) copied into the pending batch; whatever it points to must stay
/// alive until the rows are written, at the add() that fills a batch or at flush(). Call flush() before anything
/// that needs the rows in the table (a row referencing them, a commit). Not thread-safe.
template <typename Row>
class BatchInsert {
public:
    /// Binds one row's values to parameters first, first + 1, ... of a statement.
    using Bind = void (*)(RowStatement& statement, int first, const Row& row);

    /// `head` is "INSERT INTO table(col, ...)"; each row has `columns` values.
    BatchInsert(Database& db, const std::string& head, int columns, Bind bind, int batch = 64)
        : single_(db, (head + values(columns, 1)).c_str()),
          batch_(db, (head + values(columns, batch)).c_str()),
          columns_(columns),
          batch_size_(static_cast<std::size_t>(batch)),
          bind_(bind) {
        pending_.reserve(batch_size_);
    }

    void add(const Row& row) {
        pending_.push_back(row);
        if (pending_.size() < batch_size_) return;
        for (std::size_t i = 0; i < pending_.size(); ++i) bind_(batch_, static_cast<int>(i) * columns_ + 1, pending_[i]);
        pending_.clear();
        batch_.run();
    }

    /// Writes the rows of an unfinished batch one by one.
    void flush() {
        for (const auto& row : pending_) {
            bind_(single_, 1, row);
            single_.run();
        }
        pending_.clear();
    }

private:
    static std::string values(int columns, int rows) {
        std::string out = " VALUES ";
        int n = 0;
        for (int r = 0; r < rows; ++r) {
            out += r ? ",(" : "(";
            for (int c = 0; c < columns; ++c) out += (c ? ",?" : "?") + std::to_string(++n);
            out += ")";
        }
        return out;
    }

    RowStatement single_, batch_;
    int columns_;
    std::size_t batch_size_;
    Bind bind_;
    std::vector<Row> pending_;
};

} // namespace orgplan
