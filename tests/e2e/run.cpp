#include "run.hpp"

#include <cstdio>
#include <memory>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

namespace orgplan::e2e {

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

nlohmann::json Result::json() const {
    try {
        return nlohmann::json::parse(out);
    } catch (const std::exception& e) {
        FAIL("stdout is not JSON: " << e.what() << "\n" << out << "\nstderr: " << err);
        throw;
    }
}

Result run_quietly(const std::string& args, const std::string& env, const std::string& wrapper,
                   const std::string& binary) {
    char err_template[] = "/tmp/orgplan-e2e-err-XXXXXX";
    const int fd = ::mkstemp(err_template);
    if (fd < 0) throw std::runtime_error("cannot create a file for stderr under /tmp");
    ::close(fd);
    const std::string command =
        wrapper + (wrapper.empty() ? "" : " ") + std::string("env -u ORGPLAN_DB -u ORGPLAN_PLUGIN_PATH -u ORGPLAN_RULES ") + env + " '" + binary + "' " + args +
        " 2>'" + err_template + "' </dev/null";
    Result r;
    r.args = args;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) {
        std::remove(err_template);
        throw std::runtime_error("cannot start: " + command);
    }
    std::array<char, 4096> buffer{};
    std::size_t n;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) r.out.append(buffer.data(), n);
    const int status = ::pclose(pipe);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.err = read_text(err_template);
    std::remove(err_template);
    return r;
}

const Result& logged(const Result& r) {
    UNSCOPED_INFO("orgplan " << r.args << "\nexit " << r.exit_code << "\nstdout:\n" << r.out << "\nstderr:\n" << r.err);
    return r;
}

Result run(const std::string& args, const std::string& env, const std::string& wrapper, const std::string& binary) {
    return logged(run_quietly(args, env, wrapper, binary));
}

TempDb::TempDb() {
    char dir_template[] = "/tmp/orgplan-e2e-XXXXXX";
    REQUIRE(::mkdtemp(dir_template));
    dir_ = dir_template;
    path_ = dir_ + "/org.db";
}

TempDb::~TempDb() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
}

std::vector<std::vector<std::string>> csv_records(const std::string& text) {
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> record;
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') cell += text[++i];
            else if (c == '"') quoted = false;
            else cell += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',' || c == '\n') {
            if (!cell.empty() && cell.back() == '\r' && c == '\n') cell.pop_back();
            record.push_back(cell);
            cell.clear();
            if (c == '\n') records.push_back(std::move(record)), record.clear();
        } else {
            cell += c;
        }
    }
    return records;
}

std::string fixture(const std::string& name) { return std::string(ORGPLAN_FIXTURES) + "/" + name; }
std::string sqlite_value(const std::string& path, const std::string& query) {
    const std::string command = "sqlite3 -readonly '" + path + "' \"" + query + "\"";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
    std::string out;
    char buffer[256];
    while (pipe && std::fgets(buffer, sizeof buffer, pipe.get())) out += buffer;
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

std::string data(const std::string& name) { return std::string(ORGPLAN_DATA) + "/" + name; }

} // namespace orgplan::e2e
