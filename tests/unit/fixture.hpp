// Helpers shared by unit tests: import fixture files into a database.
#pragma once

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

// Tests look into the file itself (row counts, raw SQL) as only storage/ does in the code.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "orgplan/storage/database.hpp"
#include "orgplan/import/importer.hpp"
#include "orgplan/storage/org_store.hpp"

namespace orgplan::test {

inline std::string fixture(const std::string& name) { return std::string(ORGPLAN_FIXTURES) + "/" + name; }

inline ImportSummary import_paths(Database& db, const std::vector<std::string>& paths, ImportOptions options = {}) {
    static const auto rules = TitleRules::builtin();
    options.rules = &rules;
    return import_org(db, paths, options);
}

/// A database in memory holding the fixture org `name` (default: the ratios fixture).
inline Database fixture_database(const std::string& name = "ratios") {
    Database db(":memory:");
    import_paths(db, {fixture(name)});
    return db;
}

/// Imports `paths` as the org on `as_of`: a snapshot of that date.
inline ImportSummary import_as_of(Database& db, const std::vector<std::string>& paths, const std::string& as_of) {
    ImportOptions options;
    options.as_of = as_of;
    return import_paths(db, paths, options);
}

/// A database path in the temporary directory, removed (with its journal, WAL and shared-memory files) before
/// and after the test.
struct TempPath {
    std::string path;
    explicit TempPath(const std::string& name)
        : path((std::filesystem::temp_directory_path() / ("orgplan-test-" + std::to_string(::getpid()) + "-" + name))
                   .string()) {
        cleanup();
    }
    ~TempPath() { cleanup(); }
    void cleanup() const {
        for (const char* s : {"", "-wal", "-shm", "-journal"}) std::remove((path + s).c_str());
    }
};

/// Writes `content` to a file named after `name` in /tmp (per test process) and returns its path.
inline std::string write_temp(const std::string& name, const std::string& content) {
    const auto path = "/tmp/orgplan-unit-" + std::to_string(::getpid()) + "-" + name;
    std::ofstream(path) << content;
    return path;
}

/// How many times `what` occurs in `text` (overlapping occurrences too).
inline std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

inline long long count(Database& db, const std::string& table) {
    return db.sql().execAndGet("SELECT count(*) FROM " + table).getInt64();
}

} // namespace orgplan::test
