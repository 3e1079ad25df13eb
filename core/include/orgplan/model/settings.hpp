// The domain's tunable numbers (docs/configuration.md); storage/settings_store.hpp keeps them per org.
#pragma once

#include <map>
#include <string>
#include <vector>


#include "orgplan/base/number.hpp"

namespace orgplan {

struct SettingSpec {
    std::string key;
    double default_value;
    std::string description;
    Range range; ///< what the setting may be: every one that divides or sizes something excludes 0 or bounds it
};

/// Every known setting with its default, in display order.
const std::vector<SettingSpec>& setting_specs();

/// A setting whose value is text (the currency money is in), stored in the same table.
struct TextSettingSpec {
    std::string key;
    std::string default_value;
    std::string description;
    std::string allowed; ///< what the value may be, for people
};
const std::vector<TextSettingSpec>& text_setting_specs();
/// Whether `key` names a text setting.
bool is_text_setting(const std::string& key);
/// Whether `value` may be stored in the text setting `key` (false for an unknown key).
bool valid_text_setting(const std::string& key, const std::string& value);
/// The range of a known setting; throws orgplan::Error for an unknown key.
const Range& setting_range(const std::string& key);

/// Current values: defaults overlaid with what the org database stores.
class Settings {
public:
    Settings(); ///< defaults only
    /// Defaults overlaid with stored (key, value) rows; throws orgplan::Error naming a stored value out of its range.
    /// Keys this version does not know (written by a newer orgplan) are ignored.
    static Settings from_stored(const std::vector<std::pair<std::string, std::string>>& rows);
    /// Throws orgplan::Error unless `value` may be stored as `key` (a known setting, in its range or form).
    static void check_value(const std::string& key, const std::string& value);
    /// Throws orgplan::Error unless `key` names a known setting.
    static void check_key(const std::string& key);

    /// Throws orgplan::Error for an unknown key.
    double get(const std::string& key) const;
    /// A text setting's value ("" when unset and without default); throws orgplan::Error for an unknown key.
    const std::string& text(const std::string& key) const;
    /// Overrides for this run only (command-line flags, scenarios); throws orgplan::Error for an unknown key or a
    /// value outside the setting's range.
    void set(const std::string& key, double value);

    /// Checks the settings that only make sense together: span bands rising, the narrow-span line not above the
    /// wide one, seniors not novices. Throws orgplan::Error naming both settings and what to do.
    void check_together() const;

private:
    std::map<std::string, double> values_;
    std::map<std::string, std::string> texts_;
};

} // namespace orgplan
