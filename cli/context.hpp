// What every command shares: common options, parsing, output and progress helpers.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include "orgplan/base/error.hpp"
#include "orgplan/import/importer.hpp"
#include "orgplan/answers/answers.hpp"
#include "orgplan/plugin_host/plugin_host.hpp"
#include "orgplan/base/number.hpp"
#include "orgplan/analysis/org_chart.hpp"
#include "orgplan/storage/history.hpp"
#include "orgplan/output/output.hpp"
#include "orgplan/output/table.hpp"
#include "orgplan/model/settings.hpp"

namespace orgplan::cli {

namespace po = boost::program_options;
using Args = std::vector<std::string>;

/// A mistake in how the command was called; exit code 2.
class UsageError : public Error {
public:
    using Error::Error;
};

/// The answer could not be written (a full disk, a closed file, an unwritable --out); exit code 5.
class OutputError : public Error {
public:
    using Error::Error;
};

/// Says what a command has committed before printing its answer, so that a failure to print says the data is safe.
void note_written(std::string what);
/// What note_written last said ("" when nothing).
const std::string& written_note();

/// Options every command takes.
struct Common {
    std::string db;
    std::string format = "table";
    std::string out; ///< --out FILE: write the answer there (created 0600) instead of to stdout
    bool help = false;
};

/// Adds --db, --help and (for commands that print data) --format to `desc`.
void add_common(po::options_description& desc, Common& common, bool with_format = true);

/// Parses `args`; returns false (after printing `usage` and the options) when --help was asked.
bool parse(const Args& args, const po::options_description& desc, const po::positional_options_description& pos,
           Common& common, const std::string& usage);

Format output_format(const Common& common);

// One checked parser for every number an option takes: the text is read by the same rules as numbers in files and
// settings (finite decimals only), checked against its range as soon as it is parsed, and refused with a usage error
// that names the option and the range. An option left out keeps its default: no value (-1 included) means "not
// given".

/// --OPTION N for a number in `range`; `target` stays empty when the option is not given.
po::typed_value<std::string>* number_option(std::optional<double>& target, const std::string& option,
                                            const Range& range);
/// --OPTION N overriding the setting `key`, checked against the setting's range.
po::typed_value<std::string>* setting_option(std::optional<double>& target, const std::string& option,
                                             const std::string& key);
/// A whole number from `low` to `high` as given in `text`, or a usage error naming `option`.
long long whole_number(const std::string& text, const std::string& option, long long low, long long high);
/// --OPTION N for a whole number from `low` to `high`; `target` keeps its default when the option is not given.
template <typename T>
po::typed_value<std::string>* whole_option(T& target, const std::string& option, long long low, long long high) {
    return po::value<std::string>()->notifier(
        [&target, option, low, high](const std::string& text) { target = static_cast<T>(whole_number(text, option, low, high)); });
}
/// --OPTION WORD for one of `choices`, checked when parsed and refused with a usage error that lists them; `target`
/// keeps its default when the option is not given. The value name shows the choices ("svg|dot|html").
po::typed_value<std::string>* choice_option(std::string& target, const std::string& option,
                                            std::vector<std::string> choices);
/// A repeatable --OPTION WORD, each one of `choices` (checked as choice_option does).
po::typed_value<std::vector<std::string>>* choices_option(std::vector<std::string>& target, const std::string& option,
                                                          std::vector<std::string> choices);
/// --OPTION YYYY-MM-DD, checked as a date when given (an empty value is refused, never taken as "not given").
po::typed_value<std::string>* date_option(std::string& target, const std::string& option);
/// The options that shape a headcount plan, one range each wherever a command plans (plan, report): --quarters,
/// --mix, and with `simulation` --simulate and --seed. `horizon_help` says what --quarters is for.
void add_plan_options(po::options_description& desc, PlanOptions& plan, const std::string& horizon_help,
                      bool simulation = true);
/// --quarters N alone (scenario diff), with the range add_plan_options gives it.
po::typed_value<std::string>* quarters_option(int& quarters);
/// Refuses a simulation too large to keep in memory (trials × quarters), saying what would fit.
void check_simulation_size(const PlanOptions& plan);
/// Applies the value of a setting_option over the stored setting `key` when it was given.
void override_setting(Settings& settings, const std::string& key, const std::optional<double>& value);
std::string db_path(const Common& common);

/// Adds --as-of DATE: answer from the snapshot in force on that date.
void add_as_of(po::options_description& desc, std::string& as_of);
/// The database a reading command answers from: the org file, or with `as_of`, the org of the snapshot in force on
/// that date rebuilt in memory (history never changes the file). `used` receives that snapshot.
std::unique_ptr<Database> open_for_answers(const std::string& path, const std::string& as_of,
                                           std::optional<SnapshotInfo>* used = nullptr);
/// The org and its settings, read from one commit.
struct OrgAndSettings {
    Org org;
    Settings settings;
};
OrgAndSettings read_org_and_settings(Database& db);
/// Says in the answer which snapshot it comes from (a note, and JSON `as_of`).
void note_snapshot(Output& output, const std::optional<SnapshotInfo>& used);

/// The termination signal this process received (SIGTERM, SIGINT, SIGHUP), 0 while none (main's signal thread).
std::atomic<int>& termination_signal();

/// Progress of long work: printed on stderr when it is a terminal (nothing when piped), and the point where work
/// outside SQLite notices a termination signal: it then throws, and the command unwinds like any failure.
ProgressFn terminal_progress();
void finish_progress();

/// The data gaps the answer of command `answer` rests on, as JSON: [{id, what, records, fix}], empty when none.
nlohmann::json answer_gaps(std::string_view answer, const Org& org, Database& db);
/// Puts answer_gaps() into the answer's JSON as `gaps`, where emit() finds them to say so on stderr.
void note_gaps(Output& output, std::string_view answer, const Org& org, Database& db);
/// The data gaps of an answer, found on a second thread while the answer itself is worked out: both only read the
/// org, and at a million people the gaps take a fifth of the answer's time. Declare it after the org it reads.
/// With `makers` (the teams' maker totals of an org loaded without its makers), the gaps count makers from them, and
/// nothing is worked out for the answer to share; declare it after them too.
class GapsAhead {
public:
    GapsAhead(std::string_view answer, const Org& org, Database& db, const MakerTotals* makers = nullptr);
    GapsAhead(const GapsAhead&) = delete;
    GapsAhead& operator=(const GapsAhead&) = delete;
    ~GapsAhead();
    /// Waits for the gaps (rethrowing what finding them threw) and returns them as answer_gaps() does.
    nlohmann::json json();

private:
    struct Pending;
    std::unique_ptr<Pending> pending_;
};
/// Puts the gaps found ahead into the answer's JSON as `gaps`, as note_gaps() does.
void note_gaps(Output& output, GapsAhead& gaps);
/// One line on stderr naming the gaps an answer rests on (nothing when none): never in the answer's own output.
void say_gaps(const nlohmann::json& gaps);

/// Where a command's answer goes instead of stdout while one is installed on this thread: `orgplan serve` runs the
/// read commands in its own threads and renders the Output they build as JSON, a page, CSV or XLSX. What the command
/// would say on stderr (plugin warnings, skipped checks) is kept in `messages`; no progress is shown.
struct AnswerCapture {
    std::optional<Output> output;
    std::string messages;
};
/// Installs `capture` for this thread until destroyed.
class CaptureAnswers {
public:
    explicit CaptureAnswers(AnswerCapture& capture);
    ~CaptureAnswers();
    CaptureAnswers(const CaptureAnswers&) = delete;
    CaptureAnswers& operator=(const CaptureAnswers&) = delete;

private:
    AnswerCapture* previous_;
};
/// Whether answers are captured on this thread (a command must then not write to stdout itself).
bool answers_captured();
/// Where a command says things beside its answer: stderr, or the capture's messages.
std::ostream& message_stream();

/// Writes the answer in the format asked for, to --out FILE or stdout (XLSX is refused on a terminal), then says on
/// stderr which data gaps it rests on (note_gaps).
void emit(const Output& output, const Common& common);
/// The rows of an answer's main table as a command makes them. They are kept for the answer's Output, except when the
/// answer is CSV on stdout: CSV holds the main table only, so each row is written as it comes and a report of a
/// hundred thousand rows is never held. Make the Output around table(), and emit it with these rows.
class MainRows {
public:
    MainRows(std::vector<Column> columns, const Common& common);
    void add(std::vector<Cell> cells);
    /// The rows kept (none when they were written as they came), taken out.
    Table table();

private:
    friend void emit(const Output& output, MainRows& rows, const Common& common);
    Table kept_;
    std::optional<CsvWriter> written_;
};
/// emit() for an answer whose main table came through `rows`: rows written as they came are not written again (the
/// gaps are still said).
void emit(const Output& output, MainRows& rows, const Common& common);
/// What a write command did: its lines for people (table format), the same lines under "messages" beside `fields`
/// in JSON, a one-column table of them in CSV, Markdown and XLSX. Every write command answers through it, so
/// --format json gives a script what was written.
void emit_done(const Common& common, const std::vector<std::string>& lines,
               nlohmann::json fields = nlohmann::json::object());
/// An answer of one table (rows under "rows" in JSON, beside `fields`).
void print_rows(const Table& table, const Common& common, nlohmann::json fields = nlohmann::json::object());
/// Writes a file only this user can read (0600: answers hold personal data), whole or not at all: the text goes to a
/// private file beside `path` that replaces it when complete. An existing device or pipe (/dev/null, a FIFO) is
/// written into instead, never replaced. Throws OutputError naming the path.
void write_private_file(const std::string& path, const std::function<void(std::ostream&)>& write);

/// How plugins are found and what happens when one is broken.
struct PluginOptions {
    std::vector<std::string> dirs;
    bool strict = false;
    bool isolate = false; ///< run plugin calls in a child process (--isolate)
    std::vector<std::string> params; ///< key=value pairs handed to the plugin
};
void add_plugin_options(po::options_description& desc, PluginOptions& options, bool with_params = true);
/// Loads built-in, $ORGPLAN_PLUGIN_PATH and --plugin-dir plugins; warns on stderr about skipped ones.
std::unique_ptr<PluginHost> load_plugins(const PluginOptions& options);
sdk::Params plugin_params(const PluginOptions& options);
/// What an answer needs to run plugins for `command`: the host, --param values, --strict-plugins, and a warning on
/// stderr for each plugin skipped.
PluginRun plugin_run(const PluginHost& host, const PluginOptions& options, const char* command);

int cmd_import(const Args& args);
int cmd_plugins(const Args& args);
int cmd_align(const Args& args);
int cmd_diagnose(const Args& args);
int cmd_hire(const Args& args);
int cmd_mentoring(const Args& args);
int cmd_plan(const Args& args);
int cmd_scenario(const Args& args);
int cmd_ratios(const Args& args);
int cmd_roles(const Args& args);
int cmd_spans(const Args& args);
int cmd_backup(const Args& args);
int cmd_restore(const Args& args);
/// The title rules of --rules FILE, else of $ORGPLAN_RULES, else the built-in ones.
TitleRules title_rules(const std::string& file);

int cmd_person(const Args& args);
int cmd_log(const Args& args);
int cmd_history(const Args& args);
int cmd_trend(const Args& args);
int cmd_changes(const Args& args);
int cmd_portfolio(const Args& args);
int cmd_interrupts(const Args& args);
int cmd_taskforce(const Args& args);
int cmd_config(const Args& args);
int cmd_chart(const Args& args);
int cmd_report(const Args& args);
int cmd_check(const Args& args);
int cmd_roster(const Args& args);
int cmd_positions(const Args& args);
int cmd_user(const Args& args);
int cmd_token(const Args& args);
int cmd_serve(const Args& args);


} // namespace orgplan::cli
