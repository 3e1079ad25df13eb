#include "answer_routes.hpp"

#include <algorithm>

#include "orgplan/base/text.hpp"

namespace orgplan::cli::serve {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

// Query parameters the server reads itself, never handed to a command.
bool server_parameter(const std::string& name) { return name == "format" || name == "csrf"; }

} // namespace

const std::vector<AnswerRoute>& answer_routes() {
    static const std::vector<AnswerRoute> routes = {
        {"ratios", cmd_ratios, "Ratios", {},
         {"by", "segment", "product", "leader", "status", "threshold", "max-spread", "from", "to", "as-of"},
         {"planned", "net-of-interrupts"}, ""},
        {"diagnose", cmd_diagnose, "Diagnostics", {}, {"check", "hires", "mix", "as-of"}, {}, ""},
        {"spans", cmd_spans, "Spans and layers", {}, {"by", "as-of"}, {}, ""},
        {"portfolio", cmd_portfolio, "Portfolio", {}, {"by", "what-if-retire", "as-of"}, {}, ""},
        {"interrupts", cmd_interrupts, "Interrupts", {}, {"by", "from", "to"}, {}, ""},
        {"taskforce", cmd_taskforce, "Task forces", {"list", "show"}, {}, {}, "list"},
        {"plan", cmd_plan, "Plan", {}, {"quarters", "mix", "simulate", "seed", "growth", "delay-probability"},
         {"planned", "include-unassigned"}, ""},
        {"mentoring", cmd_mentoring, "Mentoring", {"plan", "show"}, {"candidates"}, {}, "plan"},
        {"trend", cmd_trend, "Trend", {}, {"metric", "last"}, {}, ""},
        {"changes", cmd_changes, "Changes", {}, {"from", "to"}, {}, ""},
        {"history", cmd_history, "History", {}, {}, {}, ""},
        {"roster", cmd_roster, "Roster", {}, {"team", "manager", "family", "as-of"}, {}, ""},
        {"check", cmd_check, "Data gaps", {}, {}, {}, ""},
    };
    return routes;
}

const AnswerRoute* find_route(const std::string& command) {
    for (const auto& r : answer_routes())
        if (r.command == command) return &r;
    return nullptr;
}

Args command_args(const AnswerRoute& route, const std::vector<std::string>& words,
                  const std::multimap<std::string, std::string>& params) {
    Args args;
    if (words.empty() && !route.default_words.empty()) args.push_back(route.default_words);
    for (std::size_t i = 0; i < words.size(); ++i) {
        // The first word is an action from the route's list; a second one is its argument (a task force's name).
        if (i == 0 && !contains(route.words, words[0]))
            throw UsageError(route.command + ": '" + words[0] + "' is not an answer here; use " +
                             (route.words.empty() ? std::string("none") : text::join(route.words, ", ")));
        if (i > 1 || (i == 1 && words[0] != "show")) throw UsageError(route.command + ": too many words in the path");
        // A value starting with '-' would read as an option.
        if (!words[i].empty() && words[i][0] == '-') throw UsageError("'" + words[i] + "' cannot start with '-'");
        args.push_back(words[i]);
    }
    for (const auto& [name, value] : params) {
        if (server_parameter(name)) continue;
        if (contains(route.flags, name)) {
            if (!value.empty() && value != "true" && value != "1")
                throw UsageError("'" + name + "' is a switch: give it with no value, or true");
            args.push_back("--" + name);
        } else if (contains(route.options, name)) {
            if (!value.empty()) args.push_back("--" + name + "=" + value); // a form's empty field: not given
        } else {
            std::vector<std::string> known = route.options;
            known.insert(known.end(), route.flags.begin(), route.flags.end());
            throw UsageError("'" + name + "' is not a parameter of " + route.command + "; it takes " +
                             (known.empty() ? std::string("none") : text::join(known, ", ")));
        }
    }
    return args;
}

} // namespace orgplan::cli::serve
