#include "orgplan/storage/settings_store.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include "statements.hpp"

namespace orgplan {

namespace {

// Runs `change` in a savepoint and checks the stored settings together after it: values that do not fit together
// are undone here, whatever transaction the caller holds.
template <typename Change>
void checked_change(Database& db, const char* savepoint, Change change) {
    db.sql().exec(std::string("SAVEPOINT ") + savepoint);
    try {
        change();
        load_settings(db).check_together();
    } catch (...) {
        db.sql().exec(std::string("ROLLBACK TO ") + savepoint + "; RELEASE " + savepoint);
        throw;
    }
    db.sql().exec(std::string("RELEASE ") + savepoint);
}

} // namespace

Settings load_settings(Database& db) {
    return Settings::from_stored(
        select_rows(db, "SELECT key, value FROM setting", [](const Row& r) { return std::make_pair(r.text(0), r.text(1)); }));
}

void store_setting(Database& db, const std::string& key, const std::string& value) {
    store_settings(db, {{key, value}});
}

void store_settings(Database& db, const std::vector<std::pair<std::string, std::string>>& values) {
    for (const auto& [key, value] : values) Settings::check_value(key, value);
    checked_change(db, "store_settings", [&] {
        SQLite::Statement q(db.sql(), "INSERT INTO setting(key, value) VALUES(?, ?) "
                                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        for (const auto& [key, value] : values) {
            q.bind(1, key);
            q.bind(2, value);
            q.exec();
            q.reset();
        }
    });
}

void remove_setting(Database& db, const std::string& key) {
    Settings::check_key(key);
    checked_change(db, "remove_setting", [&] { // the default coming back must fit the others
        execute(db, "DELETE FROM setting WHERE key = ?1", key);
    });
}

} // namespace orgplan
