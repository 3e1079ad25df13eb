// Helpers shared by unit tests: import fixture files into a database.
#pragma once

#include <string>
#include <vector>

#include "orgplan/database.hpp"
#include "orgplan/importer.hpp"
#include "orgplan/org_store.hpp"

namespace orgplan::test {

inline std::string fixture(const std::string& name) { return std::string(ORGPLAN_FIXTURES) + "/" + name; }

inline ImportSummary import_paths(Database& db, const std::vector<std::string>& paths, ImportOptions options = {}) {
    static const auto rules = TitleRules::builtin();
    options.rules = &rules;
    return import_org(db, paths, options);
}

inline long long count(Database& db, const std::string& table) {
    return db.sql().execAndGet("SELECT count(*) FROM " + table).getInt64();
}

} // namespace orgplan::test
