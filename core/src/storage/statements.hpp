// One statement run with its values bound as ?1, ?2, ...: its rows made into values, or the rows it changed. The
// store's one way from a row to a struct (storage/ only).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>

#include "orgplan/storage/database.hpp"

namespace orgplan {

/// The current row of a query, read by column position. A mapper receives it and returns one value; it must not
/// keep the row.
class Row {
public:
    explicit Row(SQLite::Statement& query) : query_(query) {}
    /// Text of a column; empty for NULL.
    std::string text(int column) const;
    double real(int column) const;
    std::int64_t integer(int column) const;
    /// A 0/1 column as a bool (any non-zero is true).
    bool flag(int column) const { return integer(column) != 0; }
    bool is_null(int column) const;

private:
    SQLite::Statement& query_;
};

/// Runs `sql` with `binds` as ?1, ?2, ... and calls `each(row)` for every row in order.
template <typename Each, typename... Binds>
void for_each_row(Database& db, const std::string& sql, Each&& each, const Binds&... binds) {
    SQLite::Statement query(db.sql(), sql);
    SQLite::bind(query, binds...);
    const Row row(query);
    while (query.executeStep()) each(row);
}

/// Every row of `sql` (binding `binds` as ?1, ?2, ...), each made into a value by `map(row)`.
template <typename Map, typename... Binds>
auto select_rows(Database& db, const std::string& sql, Map&& map, const Binds&... binds) {
    std::vector<std::decay_t<decltype(map(std::declval<const Row&>()))>> out;
    for_each_row(db, sql, [&](const Row& row) { out.push_back(map(row)); }, binds...);
    return out;
}

/// The first row of `sql` made into a value by `map(row)`, or nothing when there is no row.
template <typename Map, typename... Binds>
auto select_row(Database& db, const std::string& sql, Map&& map, const Binds&... binds) {
    SQLite::Statement query(db.sql(), sql);
    SQLite::bind(query, binds...);
    using Value = std::decay_t<decltype(map(std::declval<const Row&>()))>;
    if (!query.executeStep()) return std::optional<Value>();
    return std::optional<Value>(map(Row(query)));
}

/// Whether `sql` (binding `binds`) returns any row.
template <typename... Binds>
bool any_row(Database& db, const std::string& sql, const Binds&... binds) {
    SQLite::Statement query(db.sql(), sql);
    SQLite::bind(query, binds...);
    return query.executeStep();
}

/// Runs an INSERT, UPDATE or DELETE (binding `binds`); returns how many rows it changed.
template <typename... Binds>
int execute(Database& db, const std::string& sql, const Binds&... binds) {
    SQLite::Statement statement(db.sql(), sql);
    SQLite::bind(statement, binds...);
    return statement.exec();
}

} // namespace orgplan
