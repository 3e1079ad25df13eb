#include "orgplan/storage/record_fields.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "orgplan/base/error.hpp"

namespace orgplan {

nlohmann::json load_record_fields(Database& db, const std::string& table, const RecordColumns& columns,
                          const std::string& id) {
    // Table and column names cannot be bound: only the record tables, and columns that are identifiers.
    if (table != "person" && table != "team") throw Error("no record table '" + table + "': person or team");
    std::string list;
    for (const auto& [column, field] : columns) {
        if (column.empty() || column.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") != std::string::npos)
            throw Error("'" + column + "' is not a column of " + table);
        list += (list.empty() ? "" : ", ") + column;
    }
    SQLite::Statement q(db.sql(), "SELECT " + list + " FROM " + table + " WHERE id = ?1");
    q.bind(1, id);
    if (!q.executeStep()) return nullptr;
    nlohmann::json out{{"id", id}};
    for (int i = 0; i < q.getColumnCount(); ++i) {
        const auto c = q.getColumn(i);
        const auto& field = columns[static_cast<std::size_t>(i)].second;
        out[field] = c.isNull()                     ? nlohmann::json()
                     : c.isInteger() || c.isFloat() ? nlohmann::json(c.getDouble())
                                                    : nlohmann::json(c.getString());
    }
    return out;
}

} // namespace orgplan
