// orgplan: product-org design and capacity planning from HR data.
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <thread>

#include <fcntl.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <iostream>
#include <map>


#include "context.hpp"
#include "orgplan/storage/database.hpp"

namespace {

using namespace orgplan::cli;

struct CommandEntry {
    int (*run)(const Args&);
    const char* summary;
};

const std::map<std::string, CommandEntry>& commands() {
    static const std::map<std::string, CommandEntry> table = {
        {"import", {cmd_import, "load people, teams, assignments, goals... from CSV or JSON (all or nothing)"}},
        {"ratios", {cmd_ratios, "maker:PM ratios by team, product, segment, pm, leader or org"}},
        {"roster", {cmd_roster, "who is in the org: people and the teams they work in, by team, manager or family"}},
        {"check", {cmd_check, "gaps and assumptions in the data that change an answer, each with its fix"}},
        {"positions", {cmd_positions, "planned positions: open roles and planned departures; close one when done"}},
        {"roles", {cmd_roles, "how job titles were classified into role families"}},
        {"backup", {cmd_backup, "a consistent copy of the org database, while others read or write it"}},
        {"restore", {cmd_restore, "check a backup and put it back in place of the org database"}},
        {"portfolio", {cmd_portfolio, "people, cost, ratios and goals per product, segment or status; what retiring frees"}},
        {"interrupts", {cmd_interrupts, "what executive and sales interrupts cost the PMs, by requester, PM, kind... and month"}},
        {"taskforce", {cmd_taskforce, "propose, save and list task forces: working groups and review audiences"}},
        {"history", {cmd_history, "the snapshots every import records, by date"}},
        {"trend", {cmd_trend, "the org's numbers per snapshot: ratio, PM FTE, makers, teams without PM, spans..."}},
        {"changes", {cmd_changes, "joiners, leavers, team moves, family and manager changes between two dates"}},
        {"log", {cmd_log, "every write to the org database: when, which command, what changed, who"}},
        {"person", {cmd_person, "everything stored about one person (export), or erase them everywhere"}},
        {"spans", {cmd_spans, "spans of control and layers of the reporting tree, by manager, person, unit or family"}},
        {"plugins", {cmd_plugins, "list the loaded plugins, or show one (plugins info NAME)"}},
        {"align", {cmd_align, "propose PM assignments under an organizing principle, or compare them all"}},
        {"diagnose", {cmd_diagnose, "findings on ratios, coverage, coaching and goal misalignments"}},
        {"hire", {cmd_hire, "compare hiring mixes for N PM hires: cost, ramp-up and mentoring load"}},
        {"mentoring", {cmd_mentoring, "who coaches whom: an optimal mentor for every novice PM (plan, show)"}},
        {"plan", {cmd_plan, "quarter-by-quarter PM hires, ramp-up, attrition and coaching, with Monte Carlo risk"}},
        {"scenario", {cmd_scenario, "named copies of the org to change and compare (create, apply, diff...)"}},
        {"config", {cmd_config, "show or change the org's settings (thresholds, coaching, planning)"}},
        {"chart", {cmd_chart, "the reporting tree as SVG, Graphviz dot or a page, folded to stay readable"}},
        {"serve", {cmd_serve, "the org in the browser for everyone allowed to see it (pages and a JSON API)"}},
        {"user", {cmd_user, "who may sign in to orgplan serve: add, list, remove, passwd"}},
        {"token", {cmd_token, "bearer tokens for scripts using the API: create, list, revoke"}},
        {"report", {cmd_report, "every answer in one self-contained HTML file with charts, to share or print"}},
    };
    return table;
}

void print_usage(std::ostream& out) {
    out << "usage: orgplan COMMAND [options]   (orgplan COMMAND --help for a command's options)\n\ncommands:\n";
    for (const auto& [name, entry] : commands())
        out << "  " << name << std::string(name.size() < 11 ? 11 - name.size() : 1, ' ') << entry.summary << "\n";
    out << "\ncommon options: --db PATH (default $ORGPLAN_DB, else ./orgplan.db), --format table|json|csv|md|xlsx|html, --out FILE\n";
}

// Options given before the command (orgplan --db x ratios) are moved after it.
Args reorder(int argc, char** argv, std::string& command) {
    Args leading, rest;
    int i = 1;
    for (; i < argc; ++i) {
        const std::string a = argv[i];
        if (a.rfind("-", 0) != 0) break;
        leading.push_back(a);
        const bool takes_value = a == "--db" || a == "--format" || a == "--plugin-dir";
        if (takes_value && i + 1 < argc) leading.push_back(argv[++i]);
    }
    if (i < argc) command = argv[i++];
    for (; i < argc; ++i) rest.push_back(argv[i]);
    rest.insert(rest.end(), leading.begin(), leading.end());
    return rest;
}

// The database a command was pointed at, for messages about it.
std::string db_named_in(const Args& args) {
    std::string flag;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--db" && i + 1 < args.size()) flag = args[i + 1];
        if (args[i].rfind("--db=", 0) == 0) flag = args[i].substr(5);
    }
    return orgplan::resolve_db_path(flag);
}

// Output that could not be written (a full disk, a closed file) is a failure, not a success with nothing to show;
// when the command had already committed its data, the message says so.
bool output_written(const std::string& command) {
    errno = 0;
    std::cout.flush();
    if (std::cout && std::fflush(stdout) == 0) return true;
    std::cerr << "orgplan" << (command.empty() ? "" : " " + command) << ": cannot write the output ("
              << std::strerror(errno ? errno : EIO) << "); check the disk or the file it goes to";
    if (!written_note().empty()) std::cerr << "; " << written_note() << ": only this summary was lost";
    std::cerr << "\n";
    return false;
}

// Termination signals (SIGTERM, SIGINT, SIGHUP) end a command the way an error does instead of killing it where it
// stands: SQLite is interrupted, an open write rolls back, connections close (removing the WAL files they made), and
// orgplan exits 128 + the signal. The handler only notes the signal and wakes a watcher thread through a pipe (it
// may run on any thread, a sanitizer's own included); the watcher interrupts SQLite. A command busy outside SQLite
// (computing an answer) gets a grace period to finish, then the process ends.
int signal_pipe[2] = {-1, -1};

void note_termination(int signal) {
    const int saved = errno;
    termination_signal() = signal; // lock-free: safe in a handler
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signal_pipe[1], &byte, 1);
    errno = saved;
}

void take_termination_signals() {
    termination_signal() = 0; // constructed now, never first in the handler
    if (::pipe2(signal_pipe, O_CLOEXEC) != 0) return; // then the defaults apply
    std::thread([] {
        char byte = 0;
        while (::read(signal_pipe[0], &byte, 1) < 0 && errno == EINTR) {
        }
        const int signal = termination_signal().load();
        orgplan::interrupt_open_databases();
        std::this_thread::sleep_for(std::chrono::seconds(3));
        ::_exit(128 + signal);
    }).detach();
    struct sigaction action {};
    action.sa_handler = note_termination;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART; // other system calls carry on; SQLite is interrupted by the watcher
    for (const int s : {SIGTERM, SIGINT, SIGHUP}) ::sigaction(s, &action, nullptr);
}

// A command that ended because of a termination signal says so, and exits 128 + the signal.
int stopped_by_signal(const std::string& command) {
    const int signal = termination_signal().load();
    std::cerr << "orgplan " << command << ": stopped by " << (signal == SIGINT ? "SIGINT" : signal == SIGHUP ? "SIGHUP" : "SIGTERM")
              << "; anything it was writing was rolled back\n";
    return 128 + signal;
}

// The message and exit code of the exception being handled (call it inside a catch block).
int report_failure(const std::string& command, const Args& args) {
    try {
        throw;
    } catch (const UsageError& e) {
        std::cerr << "orgplan " << command << ": " << e.what() << "\n";
        return 2;
    } catch (const OutputError& e) {
        std::cerr << "orgplan " << command << ": " << e.what() << "\n";
        return 5;
    } catch (const orgplan::InputErrors& e) {
        std::cerr << e.what() << "\n";
        return 3;
    } catch (const orgplan::DatabaseError& e) {
        std::cerr << "orgplan " << command << ": " << e.what() << "\n";
        return 4;
    } catch (const orgplan::Error& e) {
        std::cerr << "orgplan " << command << ": " << e.what() << "\n";
        return 3;
    } catch (const std::exception& e) {
        if (const auto failure = orgplan::describe_database_failure(e, db_named_in(args))) {
            std::cerr << "orgplan " << command << ": " << *failure << "\n";
            return 4;
        }
        std::cerr << "orgplan " << command << ": " << e.what() << "\n";
        return 1;
    }
}

} // namespace

int main(int argc, char** argv) {
#ifdef __GLIBC__
    // A run of orgplan builds and drops vectors of a million rows. By default glibc maps each large block afresh and
    // returns it on free, so every one costs its page faults again (a fifth of a large report's time); keeping
    // them in the heap lets later blocks reuse pages already touched.
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
    mallopt(M_TOP_PAD, 64 << 20);
#endif
    std::string command;
    const auto args = reorder(argc, argv, command);
    if (command.empty()) {
        for (const auto& a : args) {
            if (a == "--version") {
                std::cout << "orgplan " << ORGPLAN_VERSION << "\n";
                return output_written("") ? 0 : 5;
            }
            if (a == "--help" || a == "-h") {
                print_usage(std::cout);
                return output_written("") ? 0 : 5;
            }
        }
        print_usage(std::cerr);
        return 2;
    }
    if (command == "help") {
        print_usage(std::cout);
        return output_written("") ? 0 : 5;
    }
    const auto it = commands().find(command);
    if (it == commands().end()) {
        std::cerr << "orgplan: unknown command '" << command << "'\n";
        print_usage(std::cerr);
        return 2;
    }
    take_termination_signals();
    try {
        // A command that finished did its work, signal or not (a write may have committed): it answers as usual.
        const int code = it->second.run(args);
        return output_written(command) ? code : 5;
    } catch (...) {
        if (termination_signal()) return stopped_by_signal(command);
        return report_failure(command, args);
    }
}
