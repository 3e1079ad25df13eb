#include "orgplan/model/settings.hpp"

#include <fmt/format.h>

#include "orgplan/base/error.hpp"
#include "orgplan/base/text.hpp"

namespace orgplan {

const std::vector<SettingSpec>& setting_specs() {
    // Ranges keep every computation finite: thresholds and hours divide, lead and ramp times count quarters.
    const Range positive_hours{0, 80, true};
    const Range hours{0, 80};
    const Range years{0, 80};
    const Range share{0, 1};
    const Range quarters{0, 20};
    const Range cost{0, 1e12};
    const Range directs{1, 100000};
    static const std::vector<SettingSpec> specs = {
        {"ratio.threshold", 10, "makers per PM above which a team, product or PM is overloaded", {1, 1000}},
        {"ratio.max_spread", 3, "teams or products one PM may cover before the PM is spread too thin", {1, 1000}},
        {"coaching.novice_years", 2, "PMs with fewer years of PM experience are novices", years},
        {"coaching.novice_hours", 1, "weekly coaching hours one novice PM needs", positive_hours},
        {"coaching.leader_hours", 5, "weekly coaching capacity of a product leader", hours},
        {"coaching.senior_years", 5, "PMs with at least this many years can mentor", years},
        {"coaching.senior_hours", 2, "weekly mentoring capacity of a senior PM", positive_hours},
        {"coaching.most_pairs", 50000000,
         "mentoring plan: mentor-novice pairs weighed one by one at most (novices x candidates each); more is refused",
         {1, 1e9}},
        {"plan.attrition_pm", 0.12, "yearly attrition of PMs (0.12 = 12%)", share},
        {"plan.attrition_maker", 0.10, "yearly attrition of makers", share},
        {"plan.maker_growth", 0.0, "quarterly growth of maker FTE (0.05 = 5%)", {-1, 10, true}},
        {"plan.hire_delay_probability", 0.25, "chance, each quarter, that a hire slips one more quarter (simulation)",
         {0, 1, false, true}},
        {"hire.lead_senior", 1, "quarters to hire a seasoned senior", quarters},
        {"hire.lead_transfer", 0, "quarters to move an internal transfer", quarters},
        {"hire.lead_newcomer", 1, "quarters to hire a newcomer", quarters},
        {"hire.ramp_senior", 1, "quarters until a new senior counts as a full PM", quarters},
        {"hire.ramp_transfer", 2, "quarters until a transfer counts as a full PM", quarters},
        {"hire.ramp_newcomer", 3, "quarters until a newcomer counts as a full PM", quarters},
        {"hire.ramp_factor", 0.5, "share of a PM that a ramping hire counts as", share},
        {"hire.cost_senior", 1.0, "relative cost of a seasoned senior", cost},
        {"hire.cost_transfer", 0.8, "relative cost of an internal transfer", cost},
        {"hire.cost_newcomer", 0.6, "relative cost of a newcomer", cost},
        {"cost.default_maker", 100000, "yearly cost of a maker without a cost column (portfolio estimates)", cost},
        {"cost.default_pm", 120000, "yearly cost of a PM without a cost column", cost},
        {"cost.default_product_leader", 160000, "yearly cost of a product leader without a cost column", cost},
        {"cost.default_eng_manager", 140000, "yearly cost of an engineering manager without a cost column", cost},
        {"cost.default_other", 90000, "yearly cost of anyone else without a cost column", cost},
        {"portfolio.retired_makers_max", 1, "investment-on-retired: maker FTE a retired or unsupported product may keep",
         {0, 1e9}},
        {"portfolio.max_teams_per_product", 3, "fragmented-product: teams a product may span without a product PM",
         {1, 100000}},
        {"interrupts.hours_per_week", 40, "working hours of one FTE in a week: the time interrupts are a share of",
         {0, 168, true}},
        {"interrupts.overload_share", 0.2, "interrupt-overload: share of a PM's time unplanned interrupts may take",
         share},
        {"serve.cost_group_min", 5,
         "orgplan serve: a planner sees costs only as totals over groups of at least this many people", {2, 1000}},
        {"scenario.require_approval", 1,
         "orgplan serve: 1 = only a scenario an approver approved is merged; 0 = hr and admin may merge any",
         {0, 1}},
        {"serve.session_hours", 12, "orgplan serve: hours a browser stays signed in", {0.1, 720}},
        {"serve.cache_mb", 256,
         "orgplan serve: memory the kept answers may take (MB); past it the least recently read are dropped",
         {16, 65536}},
        {"taskforce.max_per_person", 3,
         "committee-overload: task forces one person may sit on; proposals pick nobody already on this many",
         {1, 1000}},
        {"taskforce.per_function", 2, "task force proposals: working-group members from one function at most",
         {1, 1000}},
        {"spans.band_1", 1, "span bands: most direct reports in the first band (managers of one)", directs},
        {"spans.band_2", 3, "most direct reports in the second span band", directs},
        {"spans.band_3", 7, "most direct reports in the third span band", directs},
        {"spans.band_4", 12, "most direct reports in the fourth span band, the target", directs},
        {"spans.band_5", 16, "most direct reports in the fifth span band; more is the sixth", directs},
        {"spans.narrow_below", 3, "narrow-span: managers with fewer direct reports", directs},
        {"spans.wide_above", 16, "wide-span: managers with more direct reports", directs},
        {"spans.max_layers", 6, "deep-hierarchy: layers from the top to an individual contributor beyond this",
         {1, 1000}},
        {"spans.max_product_layers", 1,
         "product-layers: layers of product leaders above PMs beyond this", {0, 100}},
    };
    return specs;
}

const std::vector<TextSettingSpec>& text_setting_specs() {
    static const std::vector<TextSettingSpec> specs = {
        {"cost.currency", "",
         "currency of every cost, printed with money in tables (EUR, USD, CHF, €...); empty: none. An import sets it "
         "from a currency column when it is unset",
         "text, 1 to 12 characters, no spaces or commas"},
    };
    return specs;
}

bool is_text_setting(const std::string& key) {
    for (const auto& s : text_setting_specs())
        if (s.key == key) return true;
    return false;
}

namespace {
const TextSettingSpec* find_text_spec(const std::string& key) {
    for (const auto& s : text_setting_specs())
        if (s.key == key) return &s;
    return nullptr;
}

// A currency goes into table headers and sentences: short, printable, no separator of its own.
bool valid_text(const std::string& value) {
    if (value.empty() || value.size() > 12) return false;
    for (unsigned char c : value)
        if (c < 0x21 || c == 0x7f || c == ',' || c == ';' || c == '"') return false;
    return true;
}

const std::string& require_text(const std::string& value, const TextSettingSpec& spec, const std::string& what) {
    if (!valid_text(value))
        throw Error(fmt::format("{}: '{}' is not allowed ({}); e.g. EUR", what, value.substr(0, 24), spec.allowed));
    return value;
}

const SettingSpec* find_spec(const std::string& key) {
    for (const auto& s : setting_specs())
        if (s.key == key) return &s;
    return nullptr;
}
const SettingSpec& require_spec(const std::string& key) {
    if (const auto* s = find_spec(key)) return *s;
    throw Error("unknown setting '" + key + "'; 'orgplan config list' shows the known ones");
}
} // namespace

const Range& setting_range(const std::string& key) { return require_spec(key).range; }

bool valid_text_setting(const std::string& key, const std::string& value) {
    return find_text_spec(key) && valid_text(value);
}

Settings::Settings() {
    for (const auto& s : setting_specs()) values_[s.key] = s.default_value;
    for (const auto& s : text_setting_specs()) texts_[s.key] = s.default_value;
}

const std::string& Settings::text(const std::string& key) const {
    if (!find_text_spec(key)) throw Error("unknown text setting '" + key + "'; 'orgplan config list' shows the known ones");
    return texts_.at(key);
}

Settings Settings::from_stored(const std::vector<std::pair<std::string, std::string>>& rows) {
    Settings settings;
    for (const auto& [key, value] : rows) {
        const auto where = "stored setting '" + key + "' (fix it with orgplan config set " + key +
                           " VALUE, or config unset " + key + ")";
        if (const auto* text = find_text_spec(key)) {
            settings.texts_[key] = require_text(value, *text, where);
            continue;
        }
        const auto* spec = find_spec(key);
        if (!spec) continue; // written by a newer orgplan; ignore rather than fail
        settings.values_[key] = require_number(value, spec->range, where);
    }
    return settings;
}

void Settings::check_value(const std::string& key, const std::string& value) {
    if (const auto* text = find_text_spec(key))
        require_text(value, *text, "setting '" + key + "'");
    else
        require_number(value, require_spec(key).range, "setting '" + key + "'");
}

void Settings::check_key(const std::string& key) {
    if (!find_text_spec(key)) require_spec(key);
}

double Settings::get(const std::string& key) const {
    require_spec(key);
    return values_.at(key);
}

void Settings::set(const std::string& key, double value) {
    values_[key] = require_in_range(value, require_spec(key).range, "setting '" + key + "'");
}

void Settings::check_together() const {
    const auto below = [&](const std::string& low, const std::string& high, bool strictly, const std::string& why) {
        const double a = get(low), b = get(high);
        if (strictly ? a < b : a <= b) return;
        throw Error(fmt::format("setting {} ({:g}) must be {} {} ({:g}): {}; change them together in one command, "
                                "e.g. orgplan config set {} N {} M",
                                high, b, strictly ? "above" : "at least", low, a, why, low, high));
    };
    for (int b = 2; b <= 5; ++b)
        below(fmt::format("spans.band_{}", b - 1), fmt::format("spans.band_{}", b), true,
              "the bands are upper bounds in increasing order");
    below("spans.narrow_below", "spans.wide_above", false, "a span cannot be narrow and wide at once");
    below("coaching.novice_years", "coaching.senior_years", false, "a mentor must not count as a novice");
}

} // namespace orgplan
