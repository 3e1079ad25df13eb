// Runs the real orgplan binary for end-to-end tests.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace orgplan::e2e {

struct Result {
    std::string args; ///< what orgplan was run with
    int exit_code = -1;
    std::string out;
    std::string err;
    nlohmann::json json() const; ///< parses stdout; fails the test when it is not JSON
};

/// Runs `orgplan ARGS` through the shell (ARGS is shell text; quote as needed) with orgplan's variables
/// unset, then `env` (shell text such as "ORGPLAN_DB=/tmp/x.db") set.
/// `wrapper` (shell text) runs the command through another program, e.g. one that drops privileges; `binary`
/// replaces the orgplan under test (a copy another user can reach).
Result run(const std::string& args, const std::string& env = "", const std::string& wrapper = "",
           const std::string& binary = ORGPLAN_BIN);
/// run() without telling the test framework, which is not thread-safe: for runs on threads of their own. Pass the
/// result to logged() on the test's thread. Throws std::runtime_error when orgplan cannot be started.
Result run_quietly(const std::string& args, const std::string& env = "", const std::string& wrapper = "",
                   const std::string& binary = ORGPLAN_BIN);
/// Shows the run (its arguments, exit code, stdout and stderr) with the test's next failure; returns it.
const Result& logged(const Result& r);

/// A fresh database path in a private temporary directory, removed with the object.
class TempDb {
public:
    TempDb();
    ~TempDb();
    const std::string& path() const { return path_; }
    std::string flag() const { return "--db '" + path_ + "'"; }
    const std::string& dir() const { return dir_; }

private:
    std::string dir_;
    std::string path_;
};

std::string fixture(const std::string& name);
/// What SQLite's own shell prints for `query` on the database at `path` (read-only), without the final newline.
std::string sqlite_value(const std::string& path, const std::string& query);
std::string data(const std::string& name);
std::string read_text(const std::string& path);
/// The records of CSV text (RFC 4180: quotes, doubled quotes, CRLF), each a list of unquoted cells.
std::vector<std::vector<std::string>> csv_records(const std::string& text);

} // namespace orgplan::e2e
