#include "context.hpp"
#include "orgplan/storage/settings_store.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <future>
#include <sstream>
#include <iostream>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "orgplan/analysis/data_gaps.hpp"
#include "orgplan/analysis/shared_work.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/storage/read_transaction.hpp"
#include "orgplan/base/text.hpp"

namespace orgplan::cli {

void add_common(po::options_description& desc, Common& common, bool with_format) {
    desc.add_options()("db", po::value(&common.db)->value_name("PATH"),
                       "org database (default: $ORGPLAN_DB, else ./orgplan.db)");
    if (with_format)
        desc.add_options()("format", po::value(&common.format)->value_name("table|json|csv|md|xlsx|html"),
                           "output format (default: table)")(
            "out", po::value(&common.out)->value_name("FILE"),
            "write the output to FILE (created readable by you only) instead of stdout");
    desc.add_options()("help,h", po::bool_switch(&common.help), "show this help");
}

bool parse(const Args& args, const po::options_description& desc, const po::positional_options_description& pos,
           Common& common, const std::string& usage) {
    po::variables_map vm;
    // Short options are off so that "-0.05" reads as a number (config set plan.maker_growth -0.05, --growth -0.05);
    // -h is the one short option and is spelt out here.
    Args spelt(args);
    for (auto& a : spelt)
        if (a == "-h") a = "--help";
    const auto style = po::command_line_style::unix_style & ~po::command_line_style::allow_short;
    try {
        po::store(po::command_line_parser(spelt).options(desc).positional(pos).style(style).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        throw UsageError(std::string(e.what()) + "\nusage: " + usage + "\n(see --help)");
    }
    if (common.help) {
        std::cout << "usage: " << usage << "\n\n" << desc;
        return false;
    }
    output_format(common); // reject a bad --format before doing any work
    return true;
}

Format output_format(const Common& common) {
    try {
        return parse_format(common.format);
    } catch (const Error& e) {
        throw UsageError(e.what());
    }
}

namespace {

void check_choice(const std::string& value, const std::string& option, const std::vector<std::string>& choices) {
    if (std::find(choices.begin(), choices.end(), value) != choices.end()) return;
    std::string listed;
    for (std::size_t i = 0; i < choices.size(); ++i)
        listed += (i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ") + choices[i];
    throw UsageError(fmt::format("{} '{}': use {}{}", option, value, choices.size() > 3 ? "one of " : "", listed));
}

} // namespace

po::typed_value<std::string>* choice_option(std::string& target, const std::string& option,
                                            std::vector<std::string> choices) {
    const auto shown = text::join(choices, "|");
    return po::value<std::string>()
        ->notifier([&target, option, choices = std::move(choices)](const std::string& text) {
            check_choice(text, option, choices);
            target = text;
        })
        ->value_name(shown);
}

po::typed_value<std::vector<std::string>>* choices_option(std::vector<std::string>& target, const std::string& option,
                                                          std::vector<std::string> choices) {
    return po::value<std::vector<std::string>>()
        ->notifier([&target, option, choices = std::move(choices)](const std::vector<std::string>& values) {
            for (const auto& v : values) check_choice(v, option, choices);
            target = values;
        })
        ->value_name("NAME");
}

po::typed_value<std::string>* date_option(std::string& target, const std::string& option) {
    return po::value<std::string>()->notifier([&target, option](const std::string& text) {
        try {
            check_date(text, option);
        } catch (const Error& e) {
            throw UsageError(e.what());
        }
        target = text;
    });
}

po::typed_value<std::string>* number_option(std::optional<double>& target, const std::string& option,
                                            const Range& range) {
    return po::value<std::string>()->notifier([&target, option, range](const std::string& text) {
        const auto value = parse_number_in(text, range);
        if (!value)
            throw UsageError(option + " '" + text + "': give a number " + range.describe());
        target = *value;
    });
}

po::typed_value<std::string>* setting_option(std::optional<double>& target, const std::string& option,
                                             const std::string& key) {
    return number_option(target, option, setting_range(key));
}

long long whole_number(const std::string& text, const std::string& option, long long low, long long high) {
    const auto value = parse_number_in(text, {static_cast<double>(low), static_cast<double>(high)});
    if (!value || *value != static_cast<double>(static_cast<long long>(*value)))
        throw UsageError(fmt::format("{} '{}': give a whole number from {} to {}", option, text, low, high));
    return static_cast<long long>(*value);
}

namespace {
constexpr int kMaxQuarters = 80;
constexpr int kMaxTrials = 10000000;
// Every trial keeps each quarter's PM count and gap (two doubles): 20 million trial-quarters are about 320 MB.
constexpr double kMaxTrialQuarters = 20e6;
} // namespace

po::typed_value<std::string>* quarters_option(int& quarters) {
    return whole_option(quarters, "--quarters", 1, kMaxQuarters)->value_name("N");
}

void add_plan_options(po::options_description& desc, PlanOptions& plan, const std::string& horizon_help,
                      bool simulation) {
    desc.add_options()("quarters", quarters_option(plan.quarters), (horizon_help + " (default 8)").c_str())(
        "mix", po::value(&plan.mix)->value_name("NAME"), "hiring mix plugin for the PM hires (default balanced)");
    if (!simulation) return;
    desc.add_options()("simulate", whole_option(plan.trials, "--simulate", 0, kMaxTrials)->value_name("N"),
                       "also run N Monte Carlo trials for risk")(
        "seed", whole_option(plan.seed, "--seed", 0, 9007199254740992LL)->value_name("S"),
        "random seed for --simulate (default 1; same seed, same answer)");
}

void check_simulation_size(const PlanOptions& plan) {
    const double trial_quarters = static_cast<double>(plan.trials) * plan.quarters;
    if (trial_quarters <= kMaxTrialQuarters) return;
    throw UsageError(fmt::format("--simulate {} over {} quarters would keep {} trial-quarters in memory (about {:.1f} "
                                 "GB); at most {:g} fit the limit: fewer trials (10,000 give percentiles within "
                                 "about 1%) or fewer quarters",
                                 plan.trials, plan.quarters, trial_quarters,
                                 trial_quarters * 2 * sizeof(double) / 1e9, kMaxTrialQuarters));
}

void override_setting(Settings& settings, const std::string& key, const std::optional<double>& value) {
    if (value) settings.set(key, *value); // checked against the setting's range when parsed
}

std::string db_path(const Common& common) { return resolve_db_path(common.db); }

void add_as_of(po::options_description& desc, std::string& as_of) {
    desc.add_options()("as-of", date_option(as_of, "--as-of")->value_name("YYYY-MM-DD"),
                       "answer as the org stood on that date (the latest snapshot on or before it; orgplan history)");
}

std::unique_ptr<Database> open_for_answers(const std::string& path, const std::string& as_of,
                                           std::optional<SnapshotInfo>* used) {
    auto db = std::make_unique<Database>(path, Database::Open::read);
    if (as_of.empty()) return db; // not given (a given date was checked when parsed)
    const auto snapshot = snapshot_on(*db, as_of);
    if (used) *used = snapshot;
    return materialize_snapshot(path, snapshot.id);
}

OrgAndSettings read_org_and_settings(Database& db) {
    const ReadTransaction snapshot(db);
    OrgAndSettings out;
    out.org = load_org(db); // first: its read can then be shared by two connections
    out.settings = load_settings(db);
    return out;
}

void note_snapshot(Output& output, const std::optional<SnapshotInfo>& used) {
    if (!used) return;
    output.fields["as_of"] = used->as_of;
    output.notes.insert(output.notes.begin(), "as of " + used->as_of + " (the snapshot in force on the date asked)");
}

namespace {
bool progress_shown = false;
std::string written;
thread_local AnswerCapture* capture = nullptr;

// The capture's messages as a stream, per thread.
std::ostringstream& capture_stream() {
    thread_local std::ostringstream stream;
    return stream;
}
} // namespace

CaptureAnswers::CaptureAnswers(AnswerCapture& c) : previous_(capture) {
    capture = &c;
    capture_stream().str("");
}

CaptureAnswers::~CaptureAnswers() {
    capture->messages = capture_stream().str();
    capture = previous_;
}

bool answers_captured() { return capture != nullptr; }

std::ostream& message_stream() { return capture ? capture_stream() : std::cerr; }

void note_written(std::string what) { written = std::move(what); }
const std::string& written_note() { return written; }

std::atomic<int>& termination_signal() {
    static std::atomic<int> signal{0};
    return signal;
}

ProgressFn terminal_progress() {
    const bool shown = !capture && ::isatty(STDERR_FILENO);
    return [shown](std::string_view stage, std::size_t done, std::size_t total) {
        if (termination_signal()) throw Error("stopped"); // main reports the signal
        if (!shown) return;
        progress_shown = true;
        std::cerr << "\r\033[K" << stage;
        if (done) std::cerr << ": " << done;
        if (total) std::cerr << " / " << total;
        std::cerr << std::flush;
    };
}

void finish_progress() {
    if (progress_shown) std::cerr << "\r\033[K" << std::flush;
    progress_shown = false;
}

namespace {

// Runs a writer into `out`, turning its own failures (the workbook library's) into output errors naming `path`.
void write_into(std::ostream& out, const std::string& path, const std::function<void(std::ostream&)>& write) {
    try {
        write(out);
    } catch (const OutputError&) {
        throw;
    } catch (const Error& e) { // the answer was not written
        throw OutputError(path + ": " + e.what());
    }
    out.flush();
    if (!out) throw OutputError(path + ": cannot write (" + std::strerror(errno ? errno : EIO) + ")");
}

} // namespace

void write_private_file(const std::string& path, const std::function<void(std::ostream&)>& write) {
    // An existing device, pipe or socket (/dev/null, a FIFO another program reads) is written into, never replaced:
    // renaming a file over it would put a regular file in place of the device.
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode)) throw OutputError(path + ": is a directory; give a file name for --out");
        std::ofstream out(path, std::ios::binary);
        if (!out) throw OutputError(path + ": cannot write (" + std::strerror(errno ? errno : EIO) + ")");
        write_into(out, path, write);
        return;
    }
    const auto slash = path.find_last_of('/');
    auto temp = (slash == std::string::npos ? std::string() : path.substr(0, slash + 1)) + ".orgplan-out-XXXXXX";
    const int fd = ::mkstemp(temp.data()); // 0600
    if (fd < 0)
        throw OutputError(path + ": cannot write (" + std::strerror(errno) + "); check the directory exists and is writable");
    ::close(fd);
    try {
        {
            std::ofstream out(temp, std::ios::binary | std::ios::trunc);
            write_into(out, path, write);
        }
        if (std::rename(temp.c_str(), path.c_str()) != 0)
            throw OutputError(path + ": cannot write (" + std::strerror(errno) + ")");
    } catch (...) {
        std::remove(temp.c_str());
        throw;
    }
}

namespace {

nlohmann::json gaps_json(const std::vector<DataGap>& found) {
    auto gaps = nlohmann::json::array();
    for (const auto& g : found)
        gaps.push_back({{"id", g.id}, {"what", g.what}, {"records", g.records}, {"fix", g.fix}});
    return gaps;
}

} // namespace

nlohmann::json answer_gaps(std::string_view answer, const Org& org, Database& db) {
    return gaps_json(gaps_for_answer(answer, org, load_family_sources(db, true)));
}

void note_gaps(Output& output, std::string_view answer, const Org& org, Database& db) {
    output.fields["gaps"] = answer_gaps(answer, org, db);
}

struct GapsAhead::Pending {
    FamilySources family_source; // read here, on the caller's thread: the connection stays with its thread
    std::future<std::vector<DataGap>> gaps;
};

GapsAhead::GapsAhead(std::string_view answer, const Org& org, Database& db, const MakerTotals* makers)
    : pending_(std::make_unique<Pending>()) {
    pending_->family_source = load_family_sources(db, true);
    pending_->gaps = std::async(std::launch::async, [answer = std::string(answer), &org, sources = pending_.get(),
                                                     makers] {
        // The gaps need the coverage and the people index the answer needs too: worked out here, the answer's thread
        // does its other work meanwhile. An answer given maker totals covers the org with them, not shared work.
        if (!makers) prepare_shared_work(org);
        return gaps_for_answer(answer, org, sources->family_source, makers);
    });
}

GapsAhead::~GapsAhead() {
    // The thread reads the org and the family sources: it must end before either goes, even when the answer failed.
    if (pending_ && pending_->gaps.valid()) pending_->gaps.wait();
}

nlohmann::json GapsAhead::json() { return gaps_json(pending_->gaps.get()); }

void note_gaps(Output& output, GapsAhead& gaps) { output.fields["gaps"] = gaps.json(); }

void say_gaps(const nlohmann::json& gaps) {
    if (!gaps.is_array() || gaps.empty()) return;
    std::string listed;
    for (const auto& g : gaps)
        listed += fmt::format("{}{} ({})", listed.empty() ? "" : ", ", g["id"].get<std::string>(),
                              g["records"].get<std::size_t>());
    std::cerr << fmt::format("note: this answer rests on {} in the data: {}; orgplan check says what each changes "
                             "and how to close it\n",
                             gaps.size() == 1 ? "a gap" : std::to_string(gaps.size()) + " gaps", listed);
}

namespace {
// The gaps an answer carries in its JSON (note_gaps), said on stderr.
void say_gaps_of(const Output& output) {
    if (auto it = output.fields.find("gaps"); it != output.fields.end()) say_gaps(*it);
}
} // namespace

void emit(const Output& output, const Common& common) {
    if (capture) { // the caller renders it (the gaps are in the answer's JSON)
        capture->output = output;
        return;
    }
    const auto format = output_format(common);
    const auto writer = output_writer(format);
    if (!common.out.empty()) {
        write_private_file(common.out, [&](std::ostream& out) { writer->write(output, out); });
    } else {
        if (format == Format::xlsx && ::isatty(STDOUT_FILENO))
            throw UsageError("--format xlsx writes a workbook, not text: add --out FILE.xlsx");
        writer->write(output, std::cout);
    }
    say_gaps_of(output);
}

MainRows::MainRows(std::vector<Column> columns, const Common& common) : kept_(std::move(columns)) {
    if (output_format(common) == Format::csv && common.out.empty() && !capture)
        written_.emplace(std::cout, kept_.columns());
}

void MainRows::add(std::vector<Cell> cells) {
    if (written_)
        written_->row(cells);
    else
        kept_.add(std::move(cells));
}

Table MainRows::table() {
    Table out(kept_.columns());
    std::swap(out, kept_);
    return out;
}

void emit(const Output& output, MainRows& rows, const Common& common) {
    if (!rows.written_) return emit(output, common);
    rows.written_.reset(); // writes what it still holds
    say_gaps_of(output);
}

void emit_done(const Common& common, const std::vector<std::string>& lines, nlohmann::json fields) {
    Table table(std::vector<Column>{{"message", "message"}});
    for (const auto& line : lines) table.add({line});
    fields["messages"] = lines;
    auto output = Output::of(std::move(table), std::move(fields));
    output.sections[0].json_key.clear(); // the messages are a list of text in JSON, not rows
    output.sections[0].layout = Layout::lines;
    emit(output, common);
}

void print_rows(const Table& table, const Common& common, nlohmann::json fields) {
    emit(Output::of(table, std::move(fields)), common);
}

void add_plugin_options(po::options_description& desc, PluginOptions& options, bool with_params) {
    desc.add_options()("plugin-dir", po::value(&options.dirs)->value_name("DIR"),
                       "also load plugins from DIR (after the built-in ones and $ORGPLAN_PLUGIN_PATH; repeatable)")(
        "strict-plugins", po::bool_switch(&options.strict),
        "stop when a plugin cannot be loaded or fails, instead of going on without it")(
        "isolate", po::bool_switch(&options.isolate),
        "run each plugin call in a child process with a time and memory limit (default with "
        "ORGPLAN_ISOLATE_PLUGINS=1; limits: ORGPLAN_PLUGIN_TIMEOUT, ORGPLAN_PLUGIN_MEMORY_MB)");
    if (with_params)
        desc.add_options()("param", po::value(&options.params)->value_name("KEY=VALUE"),
                           "parameter for the plugin, e.g. --param senior=0.5 (repeatable)");
}

std::unique_ptr<PluginHost> load_plugins(const PluginOptions& options) {
    auto host = std::make_unique<PluginHost>(options.strict ? PluginHost::OnError::fail : PluginHost::OnError::skip);
    host->load_default(options.dirs);
    const char* by_default = std::getenv("ORGPLAN_ISOLATE_PLUGINS");
    if (options.isolate || (by_default && std::string(by_default) == "1")) {
        try {
            host->isolate(isolation_limits_from_environment());
        } catch (const Error& e) {
            throw UsageError(e.what());
        }
    }
    for (const auto& w : host->warnings()) message_stream() << "orgplan: skipped plugin: " << w << "\n";
    for (const auto& n : host->notices()) message_stream() << "orgplan: note: " << n << "\n";
    return host;
}

sdk::Params plugin_params(const PluginOptions& options) {
    sdk::Params params;
    for (const auto& p : options.params) {
        const auto eq = p.find('=');
        if (eq == std::string::npos || eq == 0) throw UsageError("--param '" + p + "': expected KEY=VALUE");
        params[p.substr(0, eq)] = p.substr(eq + 1);
    }
    return params;
}

PluginRun plugin_run(const PluginHost& host, const PluginOptions& options, const char* command) {
    PluginRun run{host, plugin_params(options), options.strict, command, nullptr};
    run.warn = [command](const std::string& message) {
        message_stream() << "orgplan " << command << ": " << message << "\n";
    };
    return run;
}

TitleRules title_rules(const std::string& file) {
    std::string path = file;
    if (path.empty())
        if (const char* env = std::getenv("ORGPLAN_RULES"); env && *env) path = env;
    if (path.empty()) return TitleRules::builtin();
    return TitleRules::parse(read_file(path), path);
}

} // namespace orgplan::cli
