// The read commands the server answers, and what of each a request may ask: the words after the command and the
// options, each named once here. Anything else (--db, --out, files on the server, plugin directories, --save) is
// refused, so a request can never make a command read or write what the caller names.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "../context.hpp"

namespace orgplan::cli::serve {

/// One read command as the API and the pages offer it.
struct AnswerRoute {
    std::string command;                     ///< orgplan COMMAND; also /api/v1/COMMAND and the page /COMMAND
    int (*run)(const Args&);                 ///< the CLI's own command
    std::string title;                       ///< the page's name in the menu
    std::vector<std::string> words;          ///< the words it may take after the command (taskforce list, show NAME)
    std::vector<std::string> options;        ///< --OPTION VALUE it may take
    std::vector<std::string> flags;          ///< --FLAG it may take (a query parameter with no value, or true/1)
    std::string default_words;               ///< the words used when the request gives none ("list")
};

/// Every read command of the API, in menu order.
const std::vector<AnswerRoute>& answer_routes();
/// The route of `command`, or nullptr.
const AnswerRoute* find_route(const std::string& command);

/// What a query string asks a route for, as the CLI's arguments (without --db and --format). Throws UsageError
/// naming a parameter the route does not take, a word it does not take, or a flag given a value.
Args command_args(const AnswerRoute& route, const std::vector<std::string>& words,
                  const std::multimap<std::string, std::string>& params);

} // namespace orgplan::cli::serve
