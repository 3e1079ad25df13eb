#include "orgplan/planning/scenario_steps.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "orgplan/base/number.hpp"
#include "orgplan/base/text.hpp"
#include "orgplan/model/enums.hpp"
#include "orgplan/model/settings.hpp"
#include "orgplan/planning/scenario.hpp"

namespace orgplan {
namespace {

using nlohmann::json;

// One kind of change: the option that names it, the options that go with it, whether it may be given several
// times in one apply.
struct StepKind {
    const char* key;
    std::vector<const char*> with;
    bool repeatable;
};

// In the order split_steps makes them (the order apply always made its changes in).
const std::vector<StepKind>& kinds() {
    static const std::vector<StepKind> all = {
        {"move-pm", {"to", "share"}, false},
        {"add-team", {"name", "makers", "product", "segment"}, false},
        {"add-makers", {"quarter"}, true},
        {"move-person", {"to-manager", "to-team"}, false},
        {"set-fte", {}, true},
        {"allocate", {}, true},
        {"open-role", {"family", "fte", "quarter"}, false},
        {"depart", {"quarter"}, false},
        {"close-position", {}, true},
        {"set", {}, true},
        {"mix", {}, false},
    };
    return all;
}

// A value of an option as text: a string, or a number as written.
std::string text_of(const json& value, const std::string& option) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number()) return value.dump();
    throw StepFormatError("--" + option + ": give a string or a number, not " + value.dump().substr(0, 40));
}

std::string optional_text(const json& step, const char* key) {
    return step.contains(key) ? text_of(step.at(key), key) : std::string();
}

double number_of(const json& step, const char* key, double fallback, const Range& range) {
    if (!step.contains(key)) return fallback;
    const auto text = text_of(step.at(key), key);
    const auto n = parse_number_in(text, range);
    if (!n) throw StepFormatError(fmt::format("--{} '{}': give a number {}", key, text.substr(0, 24), range.describe()));
    return *n;
}

// "LEFT=RIGHT" of an option, both sides non-empty, or StepFormatError with an example.
std::pair<std::string, std::string> split_pair(const std::string& text, const char* option, const char* example) {
    const auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == text.size())
        throw StepFormatError(fmt::format("--{} '{}': write {}", option, text.substr(0, 40), example));
    return {text.substr(0, eq), text.substr(eq + 1)};
}

double parse_in(const std::string& text, const Range& range, const char* option, const char* example) {
    const auto n = parse_number_in(text, range);
    if (!n) throw StepFormatError(fmt::format("--{} '{}': write {}", option, text.substr(0, 40), example));
    return *n;
}

TargetKind parse_target(const std::string& text, std::string& target) {
    const auto colon = text.find(':');
    const auto kind = colon == std::string::npos ? std::nullopt : parse_target_kind(text.substr(0, colon));
    if (!kind) throw StepFormatError("--to '" + text + "': write KIND:ID, e.g. team:ana-query or product:p-billing");
    target = text.substr(colon + 1);
    return *kind;
}

const StepKind& kind_of(const json& step) {
    const StepKind* found = nullptr;
    if (step.is_object())
        for (const auto& k : kinds())
            if (step.contains(k.key)) {
                if (found) throw StepFormatError(fmt::format("a step makes one change: --{} or --{}", found->key, k.key));
                found = &k;
            }
    if (!found) throw StepFormatError("a step needs one of " + step_options_list());
    return *found;
}

// Makes the change of one step; the edits of planning/scenario.hpp validate and describe it.
void make_change(Scenario& s, const StepKind& kind, const json& step, const CheckMix& check_mix) {
    const std::string key = kind.key;
    const auto value = text_of(step.at(kind.key), kind.key);
    const auto quarter = optional_text(step, "quarter");
    if (key == "move-pm") {
        if (!step.contains("to")) throw StepFormatError("--move-pm needs --to KIND:ID");
        std::string target;
        const auto target_kind = parse_target(text_of(step.at("to"), "to"), target);
        move_pm(s, value, target_kind, target, number_of(step, "share", 1.0, {0, 1, true}));
    } else if (key == "add-team") {
        const auto makers = number_of(step, "makers", 0, {0, 100000});
        if (makers != std::floor(makers)) throw StepFormatError("--makers: give a whole number from 0 to 100000");
        add_team(s, value, optional_text(step, "name"), static_cast<int>(makers), optional_text(step, "product"),
                 optional_text(step, "segment"));
    } else if (key == "add-makers") {
        const auto [team, n] = split_pair(value, "add-makers", "TEAM=N with a whole N from -100000 to 100000, e.g. ana-query=3");
        const auto delta = parse_in(n, {-100000, 100000}, "add-makers",
                                    "TEAM=N with a whole N from -100000 to 100000, e.g. ana-query=3");
        if (delta != std::floor(delta))
            throw StepFormatError("--add-makers '" + value + "': write TEAM=N with a whole N from -100000 to 100000, e.g. ana-query=3");
        change_makers(s, team, static_cast<int>(delta), quarter);
    } else if (key == "move-person") {
        move_person(s, value, optional_text(step, "to-manager"), optional_text(step, "to-team"));
    } else if (key == "set-fte") {
        const auto [person, fte] = split_pair(value, "set-fte", "PERSON=FTE, e.g. E0100=0.5");
        set_fte(s, person, parse_in(fte, {0, 1, true}, "set-fte", "PERSON=FTE with an FTE above 0 and at most 1"));
    } else if (key == "allocate") {
        const char* example = "PERSON=TEAM:SHARE with a share from 0 to 1, e.g. E0100=ana-query:0.5";
        const auto [person, rest] = split_pair(value, "allocate", example);
        const auto colon = rest.rfind(':');
        if (colon == std::string::npos || colon == 0) throw StepFormatError("--allocate '" + value + "': write " + example);
        allocate(s, person, rest.substr(0, colon), parse_in(rest.substr(colon + 1), {0, 1}, "allocate", example));
    } else if (key == "open-role") {
        const auto family_text = step.contains("family") ? text_of(step.at("family"), "family") : "maker";
        const auto family = parse_family(family_text);
        if (!family)
            throw StepFormatError("--family '" + family_text + "': use maker, pm, product_leader, eng_manager or other");
        open_role(s, value, *family, number_of(step, "fte", 1.0, {0, 1, true}), quarter);
    } else if (key == "depart") {
        plan_departure(s, value, quarter);
    } else if (key == "close-position") {
        close_position(s, value);
    } else if (key == "set") {
        const auto [setting, number] = split_pair(value, "set", "KEY=NUMBER, e.g. ratio.threshold=8");
        double v;
        try {
            v = require_number(number, setting_range(setting), "--set " + setting);
        } catch (const StepFormatError&) {
            throw;
        } catch (const Error& e) {
            throw StepFormatError(e.what());
        }
        set_setting(s, setting, v);
    } else if (key == "mix") {
        check_mix(value);
        set_mix(s, value);
    }
}

} // namespace

std::string step_options_list() {
    std::vector<std::string> names;
    for (const auto& k : kinds()) names.push_back(std::string("--") + k.key);
    return text::join(names, ", ");
}

std::vector<json> split_steps(const json& options) {
    if (!options.is_object()) throw StepFormatError("the changes must be a JSON object of apply's options");
    for (const auto& [key, value] : options.items()) {
        bool known = false, used = false;
        std::vector<std::string> owners;
        for (const auto& k : kinds()) {
            if (key == k.key) known = used = true;
            for (const auto* w : k.with)
                if (key == w) {
                    known = true;
                    owners.push_back(std::string("--") + k.key);
                    used |= options.contains(k.key);
                }
        }
        if (!known) throw StepFormatError("apply has no option --" + key + "; the changes are " + step_options_list());
        if (!used) throw StepFormatError("--" + key + " goes with " + text::join(owners, " or "));
    }
    std::vector<json> steps;
    for (const auto& k : kinds()) {
        if (!options.contains(k.key)) continue;
        const auto& given = options.at(k.key);
        if (given.is_array() && !k.repeatable) throw StepFormatError(std::string("--") + k.key + " takes one value");
        for (const auto& value : given.is_array() ? given : json::array({given})) {
            json step{{k.key, value}};
            for (const auto* w : k.with)
                if (options.contains(w)) step[w] = options.at(w);
            steps.push_back(std::move(step));
        }
    }
    if (steps.empty()) throw StepFormatError("nothing to change; give " + step_options_list());
    return steps;
}

void apply_step(Scenario& s, const json& step, const CheckMix& check_mix, const std::string& by, const std::string& at) {
    const auto& kind = kind_of(step);
    for (const auto& [key, value] : step.items())
        if (key != kind.key && std::none_of(kind.with.begin(), kind.with.end(), [&, k = key](const char* w) { return k == w; }))
            throw StepFormatError(fmt::format("--{} does not go with --{}", key, kind.key));
    const auto before = s.changes.size();
    make_change(s, kind, step, check_mix);
    std::vector<std::string> said(s.changes.begin() + static_cast<long>(before), s.changes.end());
    s.steps.push_back({step, text::join(said, "; "), by, at});
}

std::vector<std::pair<std::string, std::string>> step_subjects(const json& step) {
    std::vector<std::pair<std::string, std::string>> out;
    const auto& kind = kind_of(step);
    const std::string key = kind.key;
    const auto value = text_of(step.at(kind.key), kind.key);
    const auto left = value.substr(0, value.find('='));
    if (key == "move-pm" || key == "depart") out.emplace_back("person", value);
    if (key == "move-person") {
        out.emplace_back("person", value);
        if (const auto m = optional_text(step, "to-manager"); !m.empty()) out.emplace_back("person", m);
        if (const auto t = optional_text(step, "to-team"); !t.empty()) out.emplace_back("team", t);
    }
    if (key == "set-fte") out.emplace_back("person", left);
    if (key == "allocate") {
        out.emplace_back("person", left);
        const auto rest = value.substr(std::min(value.size(), left.size() + 1));
        out.emplace_back("team", rest.substr(0, rest.rfind(':')));
    }
    if (key == "add-makers") out.emplace_back("team", left);
    if (key == "open-role") out.emplace_back("team", value);
    if (key == "move-pm" && step.contains("to")) {
        const auto to = text_of(step.at("to"), "to");
        if (to.rfind("team:", 0) == 0) out.emplace_back("team", to.substr(5));
    }
    return out;
}

Scenario without_step(const Scenario& s, Scenario start, std::size_t index, const CheckMix& check_mix) {
    if (index >= s.steps.size())
        throw Error(fmt::format("scenario {} has {} changes; there is no change {}", s.name, s.steps.size(), index + 1));
    for (std::size_t i = 0; i < s.steps.size(); ++i) {
        if (i == index) continue;
        const auto& step = s.steps[i];
        if (step.options.is_null())
            throw Error(fmt::format("change {} ('{}') of scenario {} was kept only as text, so the scenario cannot be "
                                    "made again without change {}; copy what you want into a new scenario instead",
                                    i + 1, step.text, s.name, index + 1));
        try {
            apply_step(start, step.options, check_mix, step.by, step.at);
            start.steps.back().version = step.version; // made again, not made anew
        } catch (const Error& e) {
            throw Error(fmt::format("change {} ('{}') depends on change {} ('{}'): without it, {}", i + 1, step.text,
                                    index + 1, s.steps[index].text, e.what()));
        }
    }
    start.name = s.name;
    start.created_at = s.created_at;
    start.owner = s.owner;
    start.status = s.status;
    start.version = s.version;
    return start;
}

} // namespace orgplan
