#include "orgplan/storage/table_columns.hpp"

#include <algorithm>
#include <utility>

#include <SQLiteCpp/Database.h>

#include "orgplan/base/error.hpp"
#include "statements.hpp"

namespace orgplan {

TableColumns table_columns(Database& db, const std::string& table) {
    TableColumns t{table, {}, {}};
    std::vector<std::pair<std::int64_t, std::string>> keys;
    for_each_row(
        db, "SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid",
        [&](const Row& r) {
            t.columns.push_back(r.text(0));
            if (const auto pk = r.integer(1)) keys.emplace_back(pk, t.columns.back());
        },
        table);
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
