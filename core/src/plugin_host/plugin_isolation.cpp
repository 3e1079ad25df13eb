#include "orgplan/plugin_host/plugin_isolation.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include "orgplan/base/error.hpp"
#include "orgplan/base/number.hpp"

namespace orgplan {
namespace {

using json = nlohmann::json;

// AddressSanitizer reserves terabytes of shadow address space up front: under it an address-space limit would stop
// the child from mapping anything at all, so sanitizer builds run isolated calls without one.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSpaceLimit = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSpaceLimit = false;
#else
constexpr bool kAddressSpaceLimit = true;
#endif
#else
constexpr bool kAddressSpaceLimit = true;
#endif

// In the child: only the pipe and stderr stay open (no database handle survives), stdout goes nowhere, and the
// address space is capped.
void enter_child(int pipe_out, const IsolationLimits& limits) {
    const int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (null >= 0) ::dup2(null, STDOUT_FILENO);
    const int max_fd = static_cast<int>(::sysconf(_SC_OPEN_MAX));
    for (int fd = 3; fd < max_fd && fd < 65536; ++fd)
        if (fd != pipe_out) ::close(fd);
    if (kAddressSpaceLimit) {
        rlimit memory{};
        memory.rlim_cur = memory.rlim_max = static_cast<rlim_t>(limits.memory_mb) * 1024 * 1024;
        ::setrlimit(RLIMIT_AS, &memory);
    }
}

void write_all(int fd, const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        const auto n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        done += static_cast<std::size_t>(n);
    }
}

std::string signal_name(int sig) {
    const char* name = ::strsignal(sig);
    return fmt::format("signal {} ({})", sig, name ? name : "unknown");
}

} // namespace

IsolationLimits isolation_limits_from_environment() {
    IsolationLimits limits;
    if (const char* t = std::getenv("ORGPLAN_PLUGIN_TIMEOUT"); t && *t)
        limits.seconds = require_number(t, {0, 86400, true}, "ORGPLAN_PLUGIN_TIMEOUT (seconds)");
    if (const char* m = std::getenv("ORGPLAN_PLUGIN_MEMORY_MB"); m && *m)
        limits.memory_mb =
            static_cast<std::size_t>(require_number(m, {16, 1048576}, "ORGPLAN_PLUGIN_MEMORY_MB (megabytes)"));
    return limits;
}

json run_isolated(const std::string& who, const IsolationLimits& limits, const std::function<json()>& work) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) throw Error(who + ": cannot isolate it (" + std::strerror(errno) + ")");
    std::fflush(nullptr); // nothing buffered may be written twice, by the child too
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        throw Error(who + ": cannot start a process for it (" + std::strerror(errno) + ")");
    }
    if (pid == 0) {
        ::close(fds[0]);
        // The parent's termination handler wakes a thread the child does not have: a signal ends the child outright.
        for (const int s : {SIGTERM, SIGINT, SIGHUP}) ::signal(s, SIG_DFL);
        enter_child(fds[1], limits);
        std::string answer;
        try {
            answer = "R" + work().dump();
        } catch (const std::bad_alloc&) {
            answer = "M";
        } catch (const std::exception& e) {
            // The SDK's trampoline turns a plugin's bad_alloc into a failed status: still memory.
            const std::string what = e.what();
            answer = what.find("bad_alloc") != std::string::npos ? "M" : "E" + what;
        } catch (...) {
            answer = "Eunknown exception";
        }
        write_all(fds[1], answer);
        ::_exit(0); // no destructor or atexit handler of the parent's objects runs here
    }
    ::close(fds[1]);
    std::string answer;
    bool timed_out = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(limits.seconds);
    char buffer[65536];
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            timed_out = true;
            break;
        }
        pollfd p{fds[0], POLLIN, 0};
        const int ready = ::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 1000)));
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) continue;
        const auto n = ::read(fds[0], buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        answer.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fds[0]);
    if (timed_out) ::kill(pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (timed_out)
        throw Error(fmt::format("{} did not finish within {:g} s and was stopped (ORGPLAN_PLUGIN_TIMEOUT sets the "
                                "limit)",
                                who, limits.seconds));
    if (WIFSIGNALED(status))
        throw Error(who + " crashed (" + signal_name(WTERMSIG(status)) + ")");
    if (!answer.empty() && answer[0] == 'M')
        throw Error(fmt::format("{} ran out of memory (limit {} MB, ORGPLAN_PLUGIN_MEMORY_MB)", who, limits.memory_mb));
    if (!answer.empty() && answer[0] == 'E') throw Error(answer.substr(1));
    if (answer.empty() || answer[0] != 'R' || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw Error(who + " ended without an answer (exit status " +
                    std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")");
    try {
        return json::parse(answer.begin() + 1, answer.end());
    } catch (const json::exception& e) {
        throw Error(who + " returned an answer that could not be read (" + e.what() + ")");
    }
}

json to_wire(const sdk::Proposal& p) {
    auto assignments = json::array();
    for (const auto& a : p.assignments)
        assignments.push_back({a.pm_id, static_cast<int>(a.kind), a.target_id, a.share});
    return {{"assignments", assignments}, {"pm_roles", p.pm_roles}, {"rationale", p.rationale}, {"unfilled", p.unfilled},
            {"not_applicable", p.not_applicable}};
}

json to_wire(const sdk::HiringPlan& p) {
    auto groups = json::array();
    for (const auto& g : p.groups)
        groups.push_back({static_cast<int>(g.origin), g.count, g.unit_cost, g.lead_quarters, g.ramp_quarters,
                          g.coaching_need_hours, g.coaching_give_hours});
    return {{"groups", groups},
            {"total_cost", p.total_cost},
            {"coaching_need_hours", p.coaching_need_hours},
            {"coaching_give_hours", p.coaching_give_hours},
            {"notes", p.notes}};
}

json to_wire(const std::vector<sdk::Finding>& findings) {
    auto out = json::array();
    for (const auto& f : findings)
        out.push_back({f.check, static_cast<int>(f.severity), f.subject, f.evidence, f.recommendation});
    return out;
}

// Numbers travel as JSON numbers; NaN and infinities, which JSON lacks, arrive as null and are read back as NaN so
// the host's checks still refuse them.
double number_of(const json& j) {
    return j.is_number() ? j.get<double>() : std::numeric_limits<double>::quiet_NaN();
}

sdk::Proposal proposal_from_wire(const json& j) {
    sdk::Proposal p;
    for (const auto& a : j.at("assignments"))
        p.assignments.push_back({a.at(0).get<std::string>(), static_cast<TargetKind>(a.at(1).get<int>()),
                                 a.at(2).get<std::string>(), number_of(a.at(3))});
    p.pm_roles = j.at("pm_roles").get<std::map<std::string, std::string>>();
    p.rationale = j.at("rationale").get<std::vector<std::string>>();
    p.unfilled = j.at("unfilled").get<std::vector<std::string>>();
    p.not_applicable = j.at("not_applicable").get<std::string>();
    return p;
}

sdk::HiringPlan hiring_plan_from_wire(const json& j) {
    sdk::HiringPlan p;
    for (const auto& g : j.at("groups"))
        p.groups.push_back({static_cast<Origin>(g.at(0).get<int>()), number_of(g.at(1)), number_of(g.at(2)),
                            number_of(g.at(3)), number_of(g.at(4)), number_of(g.at(5)), number_of(g.at(6))});
    p.total_cost = number_of(j.at("total_cost"));
    p.coaching_need_hours = number_of(j.at("coaching_need_hours"));
    p.coaching_give_hours = number_of(j.at("coaching_give_hours"));
    p.notes = j.at("notes").get<std::vector<std::string>>();
    return p;
}

std::vector<sdk::Finding> findings_from_wire(const json& j) {
    std::vector<sdk::Finding> out;
    for (const auto& f : j)
        out.push_back({f.at(0).get<std::string>(), static_cast<sdk::Severity>(f.at(1).get<int>()),
                       f.at(2).get<std::string>(), f.at(3).get<std::string>(), f.at(4).get<std::string>()});
    return out;
}

} // namespace orgplan
