// The domain's tunable numbers (docs/configuration.md), stored per org in the `setting` table.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

namespace orgplan {

struct SettingSpec {
    std::string key;
    double default_value;
    std::string description;
};

/// Every known setting with its default, in display order.
const std::vector<SettingSpec>& setting_specs();

/// Current values: defaults overlaid with what the org database stores.
class Settings {
public:
    Settings(); ///< defaults only
    static Settings load(SQLite::Database& db);

    /// Throws orgplan::Error for an unknown key.
    double get(const std::string& key) const;
    /// Overrides for this run only (command-line flags); throws for an unknown key.
    void set(const std::string& key, double value);

    /// Stores a value in the database; validates key and value. Throws orgplan::Error with what to do.
    static void store(SQLite::Database& db, const std::string& key, const std::string& value);
    static void remove(SQLite::Database& db, const std::string& key);

private:
    std::map<std::string, double> values_;
};

} // namespace orgplan
