#include "orgplan/storage/table_columns.hpp"

#include <algorithm>
#include <utility>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "orgplan/base/error.hpp"

namespace orgplan {

TableColumns table_columns(Database& db, const std::string& table) {
    TableColumns t{table, {}, {}};
    SQLite::Statement q(db.sql(), "SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid");
    q.bind(1, table);
    std::vector<std::pair<int, std::string>> keys;
    while (q.executeStep()) {
        t.columns.push_back(q.getColumn(0).getString());
        if (const int pk = q.getColumn(1).getInt()) keys.emplace_back(pk, t.columns.back());
    }
    if (t.columns.empty()) throw Error("the database has no table '" + table + "'");
    std::sort(keys.begin(), keys.end());
    for (const auto& [order, name] : keys) t.keys.push_back(name);
    return t;
}

std::string joined(const std::vector<std::string>& names, const std::string& prefix) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + prefix + n;
    return out;
}

std::string matching(const std::vector<std::string>& names, const std::string& a, const std::string& b,
                     const char* op) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : " AND ") + a + "." + n + op + b + "." + n;
    return out;
}

} // namespace orgplan
