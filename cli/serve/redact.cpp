#include "redact.hpp"

#include <algorithm>

namespace orgplan::cli::serve {
namespace {

bool about_cost(const std::string& key) { return key.find("cost") != std::string::npos; }

void remove_cost_keys(nlohmann::json& value) {
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end();) {
            if (about_cost(it.key())) {
                it = value.erase(it);
            } else {
                remove_cost_keys(it.value());
                ++it;
            }
        }
    } else if (value.is_array()) {
        for (auto& item : value) remove_cost_keys(item);
    }
}

} // namespace

void remove_costs(Output& output) {
    for (auto& section : output.sections)
        section.table = section.table.select([](const Column& c) { return !c.money && !about_cost(c.key); });
    remove_cost_keys(output.fields);
    // Sentences for people may quote a sum; they go when they speak of cost.
    const auto drop = [](std::vector<std::string>& lines) {
        lines.erase(std::remove_if(lines.begin(), lines.end(),
                                   [](const std::string& l) { return l.find("cost") != std::string::npos; }),
                    lines.end());
    };
    drop(output.intro);
    drop(output.notes);
}

} // namespace orgplan::cli::serve
