#include "orgplan/model/settings.hpp"
#include "orgplan/import/importer.hpp"

#include <algorithm>
#include <map>
#include <filesystem>
#include <future>
#include <optional>
#include <unordered_map>
#include <set>
#include <tuple>
#include <unordered_set>

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <tsl/robin_map.h>

#include "orgplan/storage/bulk_write.hpp"
#include "orgplan/storage/change_log.hpp"
#include "orgplan/storage/history.hpp"
#include "orgplan/model/enums.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/storage/interrupt_store.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/storage/task_force_store.hpp"
#include "orgplan/base/text.hpp"

namespace orgplan {

const std::vector<std::string>& record_kinds() {
    static const std::vector<std::string> kinds = {"segments", "products", "initiatives", "accounts", "teams",
                                                   "people",   "goals",    "memberships", "assignments",
                                                   "interrupts", "taskforces"};
    return kinds;
}

const std::vector<std::string>& creatable_kinds() {
    static const std::vector<std::string> kinds = {"segments", "products", "initiatives", "accounts", "teams"};
    return kinds;
}

std::string kind_of_name(const std::string& name) {
    static const std::vector<std::pair<std::string, std::string>> words = {
        {"people", "people"},          {"person", "people"},          {"employee", "people"},
        {"staff", "people"},           {"team", "teams"},             {"membership", "memberships"},
        {"allocation", "memberships"}, {"assignment", "assignments"}, {"product", "products"},
        {"segment", "segments"},       {"initiative", "initiatives"}, {"account", "accounts"},
        {"goal", "goals"},             {"okr", "goals"},              {"squad", "teams"},
        {"coverage", "assignments"},   {"interrupt", "interrupts"},   {"escalation", "interrupts"},
        {"taskforce", "taskforces"},   {"task", "taskforces"},        {"committee", "taskforces"}};
    // The last word that names a kind decides: "hr_export_people" and "pm_assignments" both work. A word names a
    // kind whole, singular or plural: "peoplez" or "teamwork" name nothing.
    const auto key = text::normalise_key(name);
    std::string found;
    std::size_t start = 0;
    while (start <= key.size()) {
        auto end = key.find('_', start);
        if (end == std::string::npos) end = key.size();
        const auto word = key.substr(start, end - start);
        for (const auto& [prefix, kind] : words)
            if (word == prefix || word == prefix + "s" || word == prefix + "es") found = kind;
        start = end + 1;
    }
    return found;
}

namespace {

constexpr double kEpsilon = 1e-9;
// Imports of at least this many people and memberships are written in bulk (see bulk_write.hpp).
constexpr std::size_t kBulkRows = 50000;

// Where an incoming record came from, compact so a million of them stay cheap.
struct Loc {
    std::uint32_t source = 0;
    long position = 0;
};

template <typename T>
struct Incoming {
    std::vector<T> items;
    std::vector<Loc> locs;
    /// The columns each record had, as bits over updatable_columns(kind); for memberships and assignments, bit 0
    /// says whether the allocation or share was given.
    std::vector<ColumnSet> present;
    void reserve_more(std::size_t n) {
        items.reserve(items.size() + n);
        locs.reserve(locs.size() + n);
        present.reserve(present.size() + n);
    }
    void add(T item, Loc loc, ColumnSet columns = kAllColumns) {
        items.push_back(std::move(item));
        locs.push_back(loc);
        present.push_back(columns);
    }
};

class Problems {
public:
    explicit Problems(std::size_t max) : max_(max) {}

    std::uint32_t add_source(const std::string& name, bool records) {
        sources_.push_back({name, records});
        return static_cast<std::uint32_t>(sources_.size() - 1);
    }
    void add(Loc loc, std::string field, std::string message) {
        ++total_;
        if (list_.size() >= max_) return;
        const auto& s = sources_.at(loc.source);
        list_.push_back({s.name, loc.position, std::move(field), std::move(message), s.records});
    }
    std::string where(Loc loc) const {
        const auto& s = sources_.at(loc.source);
        return s.records ? s.name + " record " + std::to_string(loc.position)
                         : s.name + ":" + std::to_string(loc.position);
    }
    bool any() const { return total_ > 0; }
    /// Throws every problem, ordered by file and line so they read like the files.
    [[noreturn]] void raise() {
        std::stable_sort(list_.begin(), list_.end(), [](const InputProblem& a, const InputProblem& b) {
            return a.file != b.file ? a.file < b.file : a.line < b.line;
        });
        throw InputErrors(std::move(list_), total_);
    }

private:
    struct Source {
        std::string name;
        bool records;
    };
    std::vector<Source> sources_;
    std::vector<InputProblem> list_;
    std::size_t total_ = 0;
    std::size_t max_;
};

// key: every file of the kind needs it. new_record: a record that creates something needs it, an update of a stored
// record may leave it out (a file of FTE changes has no names). optional: may be left out.
enum class Need { optional, new_record, key };

struct ColumnSpec {
    std::string name;
    Need need;
    std::vector<std::string> synonyms;
};

constexpr Need kKey = Need::key;
constexpr Need kNew = Need::new_record;
constexpr Need kOpt = Need::optional;

const std::map<std::string, std::vector<ColumnSpec>>& column_specs() {
    static const std::map<std::string, std::vector<ColumnSpec>> specs = {
        {"segments", {{"id", kKey, {"segment_id"}}, {"name", kNew, {}}}},
        {"initiatives", {{"id", kKey, {"initiative_id"}}, {"name", kNew, {}}}},
        {"products",
         {{"id", kKey, {"product_id"}}, {"name", kNew, {}}, {"status", kOpt, {"lifecycle"}},
          {"segment", kOpt, {"segment_id"}}}},
        {"accounts", {{"id", kKey, {"account_id"}}, {"name", kNew, {}}, {"segment", kOpt, {"segment_id"}}}},
        {"teams",
         {{"id", kKey, {"team_id", "squad_id", "squad"}}, {"name", kNew, {"team_name", "squad_name"}},
          {"type", kOpt, {"team_type"}},
          {"product", kOpt, {"product_id"}}, {"segment", kOpt, {"segment_id"}},
          {"parent_unit", kOpt, {"parent", "unit", "department"}}}},
        // Synonyms cover the headers of the usual HR-system exports (Workday, BambooHR, Personio, HiBob style),
        // compared after normalising ("Employee ID" -> employee_id, "FTE %" -> fte_%); docs/formats.md lists them.
        {"people",
         {{"id", kKey, {"person_id", "employee_id", "employee_number", "worker_id", "staff_id"}},
          {"name", kNew, {"full_name", "employee_name", "preferred_name", "display_name", "legal_name", "worker"}},
          {"email", kOpt, {"work_email", "email_address", "business_email", "company_email"}},
          {"title", kOpt, {"job_title", "business_title", "position_title", "position"}},
          {"family", kOpt, {"role_family"}},
          {"level", kOpt, {"grade", "job_level", "career_level", "management_level", "pay_grade"}},
          {"pm_years", kOpt, {"years_pm", "pm_experience"}},
          {"origin", kOpt, {"hire_origin"}},
          {"manager", kOpt,
           {"manager_id", "manager_email", "supervisor_id", "supervisor_email", "manager_employee_id",
            "manager_employee_number", "supervisor_employee_id", "supervisor_employee_number", "reports_to_id",
            "line_manager_id"}},
          {"location", kOpt, {"timezone", "work_location", "office", "site", "country", "work_country"}},
          {"fte", kOpt, {}},
          {"fte_percent", kOpt, {"fte_%", "fte_(%)", "fte_pct", "fte_percentage", "percent_fte"}},
          {"cost", kOpt, {"salary", "annual_salary", "base_salary", "annual_cost"}},
          {"currency", kOpt, {"cost_currency", "salary_currency", "currency_code", "pay_currency"}},
          {"coaching_hours", kOpt, {}},
          {"team", kOpt, {"team_id", "squad"}},
          {"allocation", kOpt, {}},
          {"unit", kOpt, {"department", "org_unit", "division", "business_unit", "supervisory_organization"}},
          {"cost_center", kOpt, {"cost_centre", "cost_center_id"}},
          // An HR system's job family ("Software Engineering", "Product Management") names a department of work,
          // not one of orgplan's role families: it is the function, and the title rules still decide makers and PMs.
          {"function", kOpt, {"job_function", "job_family_group", "job_family"}}}},
        {"memberships",
         {{"person", kKey, {"person_id", "employee_id"}}, {"team", kKey, {"team_id"}}, {"allocation", kOpt, {}}}},
        {"assignments",
         {{"pm", kKey, {"pm_id", "person", "person_id", "pm_employee_id", "product_manager_id"}},
          {"kind", kKey, {"target_kind"}},
          {"target", kKey, {"target_id", "team", "team_id", "squad", "squad_id"}},
          {"share", kOpt, {"pm_share"}}}},
        {"goals",
         {{"id", kKey, {"goal_id"}}, {"function", kNew, {}}, {"objective", kOpt, {"okr"}},
          {"name", kNew, {"goal"}}, {"metric", kOpt, {}}, {"metric_kind", kNew, {"kind"}},
          {"incentive", kOpt, {"bonus", "quota"}}, {"north_star", kOpt, {}},
          {"products", kOpt, {"product", "product_ids"}}, {"counter_metric", kOpt, {}}, {"theme", kOpt, {}}}},
        // An interrupt names its requester by person id, or by name and function for someone outside the people
        // data; and whom it hit: a PM, a team or a product (docs/interrupts.md).
        {"interrupts",
         {{"id", kOpt, {"interrupt_id", "ticket", "ticket_id"}}, {"date", kKey, {"day", "occurred_on"}},
          {"requester", kOpt, {"requester_id", "requested_by", "requested_by_id"}},
          {"requester_name", kOpt, {"requested_by_name"}},
          {"requester_function", kOpt, {"requester_department", "requester_unit"}},
          {"pm", kOpt, {"pm_id", "affected_pm"}}, {"team", kOpt, {"team_id", "affected_team"}},
          {"product", kOpt, {"product_id", "affected_product"}},
          {"hours", kKey, {"duration_hours", "time_spent_hours", "time_hours"}},
          {"kind", kOpt, {"type", "interrupt_kind", "category"}}, {"planned", kOpt, {"scheduled"}}}},
        // One row per seat: a task force given in a file gets exactly its rows' seats.
        {"taskforces",
         {{"taskforce", kKey, {"task_force", "committee", "working_group"}},
          {"person", kKey, {"person_id", "employee_id", "member"}}, {"role", kOpt, {"seat"}},
          {"topic", kOpt, {}}, {"reason", kOpt, {}}}},
    };
    return specs;
}

// Column positions of one file for one kind, resolved once per file.
std::vector<const std::string*> names_of(const ColumnSpec& spec) {
    std::vector<const std::string*> names{&spec.name};
    for (const auto& s : spec.synonyms) names.push_back(&s);
    return names;
}

// Levenshtein distance, for suggesting the column a misspelt header meant.
std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

class Fields {
public:
    /// `constants` (column -> value, from --set) stand in for columns the file lacks; `used` collects the names of
    /// those that did.
    Fields(const RecordSource& source, const std::vector<ColumnSpec>& specs, Problems& problems, Loc header,
           bool& ok, std::vector<std::string>& ignored, const std::map<std::string, std::string>& constants,
           std::set<std::string>& used) {
        ok = true;
        // Two columns for one field would let the first win silently.
        std::unordered_map<std::string_view, std::size_t> first_at;
        for (std::size_t i = 0; i < source.columns().size(); ++i) {
            const auto& column = source.columns()[i];
            const auto [at, fresh] = first_at.emplace(column, i);
            if (fresh || column.empty()) continue;
            problems.add(header, column,
                         fmt::format("appears twice in the header (columns {} and {}); keep one or rename the other",
                                     at->second + 1, i + 1));
            ok = false;
        }
        for (const auto& spec : specs) {
            std::vector<std::string_view> given;
            for (const auto* name : names_of(spec))
                if (source.column(*name) >= 0) given.push_back(*name);
            if (given.size() > 1) {
                problems.add(header, spec.name,
                             fmt::format("columns '{}' and '{}' both give the {}; keep one", given[0], given[1],
                                         spec.name));
                ok = false;
            }
        }
        for (const auto& spec : specs) {
            int index = source.column(spec.name);
            for (std::size_t i = 0; index < 0 && i < spec.synonyms.size(); ++i)
                index = source.column(spec.synonyms[i]);
            if (index < 0)
                if (auto c = constants.find(spec.name); c != constants.end()) {
                    index = kConstant;
                    constants_.emplace_back(spec.name, c->second);
                    used.insert(spec.name);
                }
            index_.emplace_back(spec.name, index);
            // The header is not echoed: when a file lacks its header line, the first line is someone's record.
            if (index == -1 && spec.need == Need::key) {
                problems.add(header, spec.name,
                             fmt::format("required column '{}' is missing from the header ({} columns); the first "
                                         "line must name the columns: rename one to '{}' or map it with --map "
                                         "{}=\"Your Header\" (or give every record one value with --set {}=VALUE)",
                                         spec.name, source.columns().size(), spec.name, spec.name, spec.name));
                ok = false;
            }
        }
        if (ok) note_unused_columns(source, specs, ignored);
    }
    bool has(std::string_view name) const { return index_of(name) >= 0 || index_of(name) == kConstant; }
    /// Whether the record has the column at all (JSON records may lack keys that others have).
    bool present(const Record& r, std::string_view name) const {
        const int i = index_of(name);
        return i == kConstant || (i >= 0 && (r.absent.empty() || !r.absent[static_cast<std::size_t>(i)]));
    }
    /// The record's columns as bits over `columns` (updatable_columns of its kind).
    ColumnSet present_columns(const Record& r, const std::vector<std::string_view>& columns) const {
        ColumnSet set = 0;
        for (std::size_t i = 0; i < columns.size(); ++i)
            if (present(r, columns[i])) set |= ColumnSet{1} << i;
        return set;
    }
    /// The trimmed value of a column of this kind, empty when the file lacks it. A view into the record's text.
    std::string_view get(const Record& r, std::string_view name) const {
        const int i = index_of(name);
        if (i == kConstant) return constant(name);
        if (i < 0 || i >= static_cast<int>(r.values.size())) return {};
        return text::trim(r.values[i]);
    }

private:
    // Columns no spec uses, with the closest known name: a misspelt header would otherwise lose its data silently.
    // A file with thousands of stray columns gets the first few and a count.
    static void note_unused_columns(const RecordSource& source, const std::vector<ColumnSpec>& specs,
                                    std::vector<std::string>& notes) {
        constexpr std::size_t kListed = 10;
        std::size_t unused = 0;
        for (const auto& column : source.columns()) {
            if (column.empty()) continue;
            std::string closest;
            std::size_t best = 3; // suggest names at most two edits away
            bool used = false;
            for (const auto& spec : specs) {
                for (const auto* name : names_of(spec)) {
                    if (*name == column) used = true;
                    if (used) break;
                    if (const auto d = edit_distance(*name, column); d < best) {
                        best = d;
                        closest = spec.name;
                    }
                }
                if (used) break;
            }
            if (used || ++unused > kListed) continue;
            notes.push_back(source.source() + ": column '" + column + "' is not used" +
                            (closest.empty() ? "" : " (did you mean '" + closest + "'?)"));
        }
        if (unused > kListed)
            notes.push_back(fmt::format("{}: and {} more columns are not used", source.source(), unused - kListed));
    }

    // A kind has at most fifteen columns: a scan of short names beats a map on every field of every record.
    // -1 when the file lacks the column or the kind has no such column.
    int index_of(std::string_view name) const {
        for (const auto& [column, index] : index_)
            if (column == name) return index;
        return -1;
    }
    std::string_view constant(std::string_view name) const {
        for (const auto& [column, value] : constants_)
            if (column == name) return text::trim(value);
        return {};
    }
    static constexpr int kConstant = -2; // index_ value of a column given by --set
    std::vector<std::pair<std::string_view, int>> index_; // our column name (from column_specs) -> file column
    std::vector<std::pair<std::string_view, std::string_view>> constants_; // --set values this file uses
};

struct PersonIn {
    PersonRow person;
    FamilyOrigin how;
    std::string_view manager_ref; // id or email, resolved after all people are read
    bool family_given = false;    // a family cell with text: it wins over title rules
    bool family_kept = false;     // a stored person's family stands (no family, and no title or a family column)
};

struct InterruptIn {
    std::string id; // the file's id, empty when it has none
    Interrupt interrupt;
};

struct SeatIn {
    std::string task_force, topic;
    TaskForceSeat seat;
};

struct Input {
    Incoming<Segment> segments;
    Incoming<Product> products;
    Incoming<Initiative> initiatives;
    Incoming<Account> accounts;
    Incoming<Team> teams;
    Incoming<PersonIn> people;
    Incoming<Goal> goals;
    Incoming<MembershipRow> memberships;
    Incoming<Assignment> assignments;
    Incoming<InterruptIn> interrupts;
    Incoming<SeatIn> seats;
    // Ids of records that failed to parse: they exist in the file, so references to them are not
    // reported a second time as unknown.
    std::map<std::string, std::vector<std::string>> broken_ids;
    // People whose family column says otherwise than the title rules would (the column wins), and one example.
    std::size_t family_unlike_rules = 0;
    std::string family_unlike_example;
    // The currency of the costs (a currency column), and where it was first given.
    std::string currency;
    Loc currency_loc;
};

// A value a message may show so the user finds it: short, and never an email address (values may be personal;
// ids, numbers and codes are what these messages quote).
std::string quoted_value(std::string_view raw) {
    if (raw.find('@') != std::string_view::npos) return "the value given";
    constexpr std::size_t kShown = 24;
    return "'" + std::string(raw.substr(0, kShown)) + (raw.size() > kShown ? "...'" : "'");
}
std::string quoted_reference(std::string_view ref) {
    return ref.find('@') != std::string_view::npos ? "(the email given)" : quoted_value(ref);
}

// Reads one record's fields into typed values, adding a problem for each bad field.
class RecordParser {
public:
    RecordParser(const Fields& f, const Record& r, Loc loc, Problems& p) : f_(f), r_(r), loc_(loc), p_(p) {}

    std::string text(std::string_view name) const { return std::string(view(name)); }
    std::string required(std::string_view name) { return std::string(required_view(name)); }
    /// Views into the record's text, for the records that come by the million (people, memberships).
    std::string_view view(std::string_view name) const { return f_.get(r_, name); }
    /// A column every record must fill where the file has it; an absent new_record column reads as empty and is
    /// checked once it is known whether the record is new.
    std::string_view required_view(std::string_view name) {
        const auto v = view(name);
        if (v.empty() && f_.present(r_, name)) fail(name, "is empty; every record needs a " + std::string(name));
        return v;
    }
    bool present(std::string_view name) const { return f_.present(r_, name); }
    ColumnSet columns(std::string_view kind) const { return f_.present_columns(r_, updatable_columns(kind)); }
    // A number in (low, high]; `inclusive_low` makes it [low, high].
    std::optional<double> number(std::string_view name, double low, double high, bool inclusive_low,
                                 const std::string& hint) {
        const auto raw = f_.get(r_, name);
        if (raw.empty()) return std::nullopt;
        const auto v = text::parse_number(raw);
        if (!v || (inclusive_low ? *v < low : *v <= low) || *v > high) {
            fail(name, quoted_value(raw) + " " + hint);
            return std::nullopt;
        }
        return v;
    }
    template <typename E>
    E choice(std::string_view name, std::optional<E> (*parse)(std::string_view), E fallback,
             const std::string& allowed) {
        const auto raw = f_.get(r_, name);
        if (raw.empty()) return fallback;
        if (auto v = parse(raw)) return *v;
        fail(name, quoted_value(raw) + " is not one of " + allowed);
        return fallback;
    }
    bool flag(std::string_view name) {
        const auto raw = f_.get(r_, name);
        if (auto v = text::parse_bool(raw)) return *v;
        fail(name, quoted_value(raw) + " is not yes or no");
        return false;
    }
    void fail(std::string_view field, std::string message) {
        ok = false;
        p_.add(loc_, std::string(field), std::move(message));
    }
    bool ok = true;

private:
    const Fields& f_;
    const Record& r_;
    Loc loc_;
    Problems& p_;
};

bool is_date(const std::string& text) {
    try {
        check_date(text, "date");
        return true;
    } catch (const Error&) {
        return false;
    }
}

void parse_interrupt(RecordParser& p, Loc loc, Input& in) {
    InterruptIn x;
    x.id = p.text("id");
    auto& i = x.interrupt;
    i.date = p.required("date");
    if (!i.date.empty() && !is_date(i.date))
        p.fail("date", "'" + i.date + "' is not a date; write it as YYYY-MM-DD, e.g. 2026-11-01");
    i.requester_id = p.text("requester");
    i.requester_name = p.text("requester_name");
    i.requester_function = text::lower(p.text("requester_function"));
    if (i.requester_id.empty() && (i.requester_name.empty() || i.requester_function.empty()))
        p.fail("requester", "is empty; give the requester's person id, or requester_name and requester_function "
                            "for someone outside the people data");
    i.pm_id = p.text("pm");
    i.team_id = p.text("team");
    i.product_id = p.text("product");
    if (i.pm_id.empty() && i.team_id.empty() && i.product_id.empty())
        p.fail("pm", "no pm, team or product is given; name whom the interrupt took time from");
    if (p.text("hours").empty()) p.fail("hours", "is empty; every interrupt needs the hours it took");
    i.hours = p.number("hours", 0, 168, false, "is not a number of hours greater than 0 and at most 168 (a week); "
                                               "split longer work into one row per week").value_or(0);
    i.kind = p.choice<InterruptKind>("kind", parse_interrupt_kind, InterruptKind::other,
                                     "executive_request, sales_escalation, customer_call, support_escalation, other");
    i.planned = p.flag("planned");
    if (p.ok) in.interrupts.add(std::move(x), loc);
}

// Below a hundredth (24 minutes a week) an FTE is a slip, and near 0 it would blow every ratio up.
constexpr double kMinFte = 0.01;
const std::string kFteHint = "is not a number from 0.01 to 1; write FTE as a fraction like 0.5";
const std::string kShareHint = "is not a number greater than 0 and at most 1; write a share like 0.5";

// What a record's parser writes into and checks against.
struct RecordContext {
    const std::string& kind;
    Loc loc;
    Problems& problems;
    const TitleRules& rules;
    Input& in;
};

void parse_segment_or_initiative(RecordParser& p, const RecordContext& c) {
    auto id = p.required("id");
    auto name = p.required("name");
    if (!p.ok) return;
    if (c.kind == "segments")
        c.in.segments.add({id, name}, c.loc, p.columns(c.kind));
    else
        c.in.initiatives.add({id, name}, c.loc, p.columns(c.kind));
}

void parse_product(RecordParser& p, const RecordContext& c) {
    Product x{p.required("id"), p.required("name"), ProductStatus::active, p.text("segment")};
    x.status = p.choice<ProductStatus>("status", parse_product_status, ProductStatus::active,
                                       "active, maintenance, unsupported, retired");
    if (p.ok) c.in.products.add(std::move(x), c.loc, p.columns(c.kind));
}

void parse_account(RecordParser& p, const RecordContext& c) {
    Account x{p.required("id"), p.required("name"), p.text("segment")};
    if (p.ok) c.in.accounts.add(std::move(x), c.loc, p.columns(c.kind));
}

void parse_team(RecordParser& p, const RecordContext& c) {
    Team x{p.required("id"), p.required("name"), p.text("type"), p.text("product"), p.text("segment"),
           p.text("parent_unit")};
    if (p.ok) c.in.teams.add(std::move(x), c.loc, p.columns(c.kind));
}

// A person's family: the family column when the file has one (it wins, and how often the title rules would have said
// otherwise is worth a note), else the title rules.
void family_of(RecordParser& p, const RecordContext& c, PersonIn& x) {
    auto& person = x.person;
    x.family_given = !p.view("family").empty();
    if (!x.family_given) {
        const auto& match = c.rules.classify(person.title);
        person.family = match.family;
        x.how = {match.matched ? "rule" : "unmatched", match.pattern};
        return;
    }
    person.family =
        p.choice<Family>("family", parse_family, Family::other, "maker, pm, product_leader, eng_manager, other");
    x.how = {"column", ""};
    if (const auto& match = c.rules.classify(person.title); match.matched && match.family != person.family) {
        if (c.in.family_unlike_rules++ == 0)
            c.in.family_unlike_example = fmt::format("'{}': {} in the file, {} by the rules", person.title,
                                                     to_string(person.family), to_string(match.family));
    }
}

// The costs' currency: one per import, the first given stands and a different one is refused where it stands.
void currency_of(RecordParser& p, const RecordContext& c) {
    const auto currency = p.view("currency");
    if (currency.empty()) return;
    auto& in = c.in;
    if (!valid_text_setting("cost.currency", std::string(currency)))
        p.fail("currency", quoted_value(currency) + " is not a currency code or symbol (1 to 12 characters, no "
                                                    "spaces or commas), e.g. EUR");
    else if (in.currency.empty()) {
        in.currency = currency;
        in.currency_loc = c.loc;
    } else if (currency != in.currency) {
        p.fail("currency", fmt::format("{} differs from '{}' at {}: costs are added up, so give them all in one "
                                       "currency (convert them first)",
                                       quoted_value(currency), in.currency, c.problems.where(in.currency_loc)));
    }
}

void parse_person(RecordParser& p, const RecordContext& c) {
    PersonIn x;
    auto& person = x.person;
    person.id = p.required_view("id");
    person.name = p.required_view("name");
    person.email = p.view("email");
    person.title = p.view("title");
    family_of(p, c, x);
    person.level = p.view("level");
    person.pm_years = p.number("pm_years", 0, 80, true, "is not a number of years from 0 to 80");
    person.origin =
        p.choice<Origin>("origin", parse_origin, Origin::unknown, "external_senior, internal_transfer, newcomer");
    x.manager_ref = p.view("manager");
    person.location = p.view("location");
    person.fte = p.number("fte", kMinFte, 1, true, kFteHint).value_or(1.0);
    // FTE as a percentage [1-100], as HR systems export it; a file giving both is refused at the header.
    const auto fte_percent = p.number("fte_percent", kMinFte * 100, 100, true, "is not a percentage from 1 to 100");
    if (fte_percent) person.fte = *fte_percent / 100.0;
    person.cost = p.number("cost", 0, 1e12, true, "is not a non-negative number");
    currency_of(p, c);
    person.coaching_hours = p.number("coaching_hours", 0, 80, true, "is not a number of hours from 0 to 80");
    person.unit = p.view("unit");
    person.cost_center = p.view("cost_center");
    person.function = p.view("function");
    const auto team = p.view("team");
    const auto allocation = p.number("allocation", 0, 1, false, kShareHint).value_or(1.0);
    if (!p.ok) return;
    if (!team.empty()) c.in.memberships.add({person.id, team, allocation}, c.loc, p.present("allocation") ? 1 : 0);
    auto columns = p.columns(c.kind);
    if (p.present("fte_percent")) columns |= column_bit(c.kind, "fte");
    c.in.people.add(std::move(x), c.loc, columns);
}

void parse_membership(RecordParser& p, const RecordContext& c) {
    MembershipRow x{p.required_view("person"), p.required_view("team"), 1.0};
    x.allocation = p.number("allocation", 0, 1, false, kShareHint).value_or(1.0);
    if (p.ok) c.in.memberships.add(std::move(x), c.loc, p.present("allocation") ? 1 : 0);
}

void parse_assignment(RecordParser& p, const RecordContext& c) {
    Assignment x;
    x.pm_id = p.required("pm");
    x.kind = p.choice<TargetKind>("kind", parse_target_kind, TargetKind::team,
                                  "team, product, segment, initiative, account");
    x.target_id = p.required("target");
    x.share = p.number("share", 0, 1, false, kShareHint).value_or(1.0);
    if (p.ok) c.in.assignments.add(std::move(x), c.loc, p.present("share") ? 1 : 0);
}

void parse_goal(RecordParser& p, const RecordContext& c) {
    Goal g;
    g.id = p.required("id");
    g.function = text::lower(p.required("function"));
    g.objective = p.text("objective");
    g.name = p.required("name");
    g.metric = p.text("metric");
    if (p.present("metric_kind") && p.text("metric_kind").empty())
        p.fail("metric_kind", "is empty; use activity, output, outcome or revenue");
    g.metric_kind = p.choice<MetricKind>("metric_kind", parse_metric_kind, MetricKind::outcome,
                                         "activity, output, outcome, revenue");
    g.incentive = p.flag("incentive");
    g.north_star = p.flag("north_star");
    g.product_ids = text::split_list(p.text("products"));
    g.counter_metric = p.text("counter_metric");
    g.theme = text::normalise_key(p.text("theme"));
    if (p.ok) c.in.goals.add(std::move(g), c.loc, p.columns(c.kind));
}

void parse_interrupt_record(RecordParser& p, const RecordContext& c) { parse_interrupt(p, c.loc, c.in); }

void parse_seat(RecordParser& p, const RecordContext& c) {
    SeatIn x{p.required("taskforce"), p.text("topic"), {p.required("person"), false, p.text("reason")}};
    const auto role = text::normalise_key(p.text("role"));
    if (role == "review" || role == "reviewer" || role == "review_audience")
        x.seat.review = true;
    else if (!role.empty() && role != "working" && role != "working_group" && role != "member")
        p.fail("role", "'" + p.text("role") + "' is not one of working, review");
    if (p.ok) c.in.seats.add(std::move(x), c.loc);
}

using ParseKind = void (*)(RecordParser&, const RecordContext&);
const std::map<std::string, ParseKind>& record_parsers() {
    static const std::map<std::string, ParseKind> table = {
        {"segments", parse_segment_or_initiative}, {"initiatives", parse_segment_or_initiative},
        {"products", parse_product},               {"accounts", parse_account},
        {"teams", parse_team},                     {"people", parse_person},
        {"memberships", parse_membership},         {"assignments", parse_assignment},
        {"goals", parse_goal},                     {"interrupts", parse_interrupt_record},
        {"taskforces", parse_seat}};
    return table;
}

void parse_record(const std::string& kind, const Fields& f, const Record& r, Loc loc, Problems& problems,
                  const TitleRules& rules, Input& in) {
    RecordParser p(f, r, loc, problems);
    const auto parser = record_parsers().find(kind);
    if (parser != record_parsers().end()) parser->second(p, {kind, loc, problems, rules, in});
    // A record that failed still names its id, so that references to it are not reported a second time.
    const auto id = f.has("id") ? f.get(r, "id") : std::string_view();
    if (!p.ok && !id.empty()) in.broken_ids[kind].emplace_back(id);
}

// Longer fields are a broken quote swallowing the file, or an attack; no HR field needs more.
constexpr std::size_t kMaxFieldBytes = 64 * 1024;

// A record's shape and text, checked before any field is read: the right number of fields, none too long, all valid
// UTF-8 (so that every stored text can be printed, as JSON too). Each problem names the column, never the value.
bool fields_readable(const RecordSource& source, const Record& record, Loc loc, std::size_t width, Problems& problems) {
    if (!source.positions_are_records() && record.values.size() != width) {
        problems.add(loc, "", fmt::format("has {} fields but the header has {}; quote fields that contain commas",
                                          record.values.size(), width));
        return false;
    }
    bool ok = true;
    for (std::size_t i = 0; i < record.values.size(); ++i) {
        const auto& value = record.values[i];
        const std::string column = i < source.columns().size() ? source.columns()[i] : std::to_string(i + 1);
        if (value.size() > kMaxFieldBytes) {
            problems.add(loc, column, fmt::format("is {} bytes long; a field holds at most {} (is a quote left open?)",
                                                  value.size(), kMaxFieldBytes));
            ok = false;
        } else if (const auto nul = value.find('\0'); nul != std::string_view::npos) {
            problems.add(loc, column, fmt::format("holds a NUL byte (byte {} of the field); save the file as text",
                                                  nul + 1));
            ok = false;
        } else if (const auto bad = text::utf8_error(value)) {
            problems.add(loc, column, fmt::format("is not valid UTF-8 (byte {} of the field); save the file as UTF-8",
                                                  *bad + 1));
            ok = false;
        }
    }
    return ok;
}

std::vector<std::string> expand_paths(const std::vector<std::string>& paths) {
    std::vector<std::string> out;
    for (const auto& path : paths) {
        std::error_code ec;
        if (std::filesystem::is_directory(path, ec)) {
            std::vector<std::string> files;
            std::filesystem::directory_iterator entries(path, ec), end;
            for (; !ec && entries != end; entries.increment(ec)) {
                const auto& entry = *entries;
                const auto ext = text::lower(entry.path().extension().string());
                std::error_code type_error;
                if (entry.is_regular_file(type_error) && (ext == ".csv" || ext == ".json")) files.push_back(entry.path());
            }
            if (ec) throw Error(path + ": cannot list the directory (" + ec.message() + ")");
            if (files.empty()) throw Error(path + ": the directory holds no .csv or .json files");
            std::sort(files.begin(), files.end());
            out.insert(out.end(), files.begin(), files.end());
        } else {
            out.push_back(path);
        }
    }
    return out;
}

// Ids of one kind, what the database already has plus what this import brings, each with a dense index.
// Keys are views into strings that outlive the set (incoming records, the stored org, broken ids).
class IdIndex {
public:
    void reserve(std::size_t n) {
        index_.reserve(n);
        ids_.reserve(n);
    }
    /// Adds an id and returns its index and whether it is new; an id already present keeps its first index.
    std::pair<std::uint32_t, bool> add(std::string_view id) {
        const auto [it, fresh] = index_.emplace(id, static_cast<std::uint32_t>(ids_.size()));
        if (fresh) ids_.push_back(id);
        return {it->second, fresh};
    }
    std::size_t size() const { return ids_.size(); }
    std::string_view id(std::size_t index) const { return ids_[index]; }
    bool has(std::string_view id) const { return index_.count(id) != 0; }
    long find(std::string_view id) const {
        auto it = index_.find(id);
        return it == index_.end() ? -1 : static_cast<long>(it->second);
    }

private:
    // Open addressing: a million ids are a million lookups each way, and node-based maps allocate per id.
    tsl::robin_map<std::string_view, std::uint32_t> index_;
    std::vector<std::string_view> ids_;
};

template <typename T, typename IdOf>
void check_duplicates(const Incoming<T>& in, IdOf id_of, const std::string& what, Problems& problems) {
    std::unordered_map<std::string, std::size_t> first;
    first.reserve(in.items.size());
    for (std::size_t i = 0; i < in.items.size(); ++i) {
        auto [it, fresh] = first.emplace(id_of(in.items[i]), i);
        if (!fresh)
            problems.add(in.locs[i], "id",
                         "duplicate " + what + " id '" + it->first + "' (first at " +
                             problems.where(in.locs[it->second]) + "); ids must be unique");
    }
}

// Indexes 0..n-1 in the order `less` defines, where `key` gives each one's leading string. Prefixes are sorted
// packed beside their index, so a million comparisons stay in cache; `less` runs only for equal prefixes.
template <typename Key, typename Less>
std::vector<std::uint32_t> key_order(std::size_t n, Key key, Less less) {
    struct Entry {
        std::uint64_t prefix;
        std::uint32_t index;
    };
    std::vector<Entry> entries(n);
    for (std::uint32_t i = 0; i < n; ++i) entries[i] = {text::sort_prefix(key(i)), i};
    std::sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
        return a.prefix != b.prefix ? a.prefix < b.prefix : less(a.index, b.index);
    });
    std::vector<std::uint32_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = entries[i].index;
    return order;
}

void check_ref(const IdIndex& ids, std::string_view ref, Loc loc, const std::string& field, const std::string& what,
               Problems& problems) {
    if (!ref.empty() && !ids.has(ref))
        problems.add(loc, field, "unknown " + what + " '" + std::string(ref) + "'; add it to the " + what +
                                     "s file, fix the reference, or create it by id with --create-missing " + what +
                                     "s");
}

// A record that creates something must bring the columns no new record can do without (a name, a goal's function...);
// an update of a stored record may leave them out. `is_stored(i)` says whether record i updates a stored one.
template <typename T, typename IsStored>
void check_new_records(const std::string& kind, const Incoming<T>& in, IsStored is_stored, const std::string& what,
                       Problems& problems) {
    std::vector<std::pair<std::string_view, ColumnSet>> needed;
    for (const auto& spec : column_specs().at(kind))
        if (spec.need == Need::new_record) needed.emplace_back(spec.name, column_bit(kind, spec.name));
    for (std::size_t i = 0; i < in.items.size(); ++i) {
        for (const auto& [column, bit] : needed) {
            if ((in.present[i] & bit) || is_stored(i)) continue;
            problems.add(in.locs[i], std::string(column),
                         fmt::format("is missing: a new {} needs a {} (add the column, or import this {} with one "
                                     "first; an update of a stored {} may leave it out)",
                                     what, column, what, what));
        }
    }
}

template <typename T, typename Stored>
void check_new_records(const std::string& kind, const Incoming<T>& in, const std::vector<Stored>& stored,
                       const std::string& what, Problems& problems) {
    std::unordered_set<std::string_view> ids;
    for (const auto& x : stored) ids.insert(x.id);
    check_new_records(kind, in, [&](std::size_t i) { return ids.count(in.items[i].id) != 0; }, what, problems);
}

// Ids of stored people whose family came from a family column: a new title alone does not reclassify them.
std::unordered_set<std::string> family_from_column(SQLite::Database& db) {
    std::unordered_set<std::string> ids;
    SQLite::Statement q(db, "SELECT id FROM person WHERE family_source = 'column'");
    while (q.executeStep()) ids.insert(q.getColumn(0).getString());
    return ids;
}

// One import, phase by phase. The phases share what they find (the records read, the indexes of ids, per-person
// facts) as members; each reads what earlier phases left and adds its own.
struct ImportRun {
    Database& db;
    const ImportOptions& options;
    Problems problems;
    ImportSummary summary;
    std::vector<KindedSource> sources; // records are views into their text: kept for the whole import
    Input in;
    using Orders = std::pair<std::vector<std::uint32_t>, std::vector<std::uint32_t>>;
    std::future<Orders> write_order;   // declared after `in`, which its thread reads
    bool bulk = false;
    // Restored in reverse order: the transaction ends before foreign keys are put back.
    std::optional<DeferredForeignKeys> deferred_keys;
    std::optional<SQLite::Transaction> tx;
    Org existing;
    IdIndex segments, products, initiatives, accounts, teams;
    // People: incoming records first, then stored people, then ids of broken records; vectors over that index.
    std::size_t n_in = 0, n_known = 0;
    IdIndex people;
    std::vector<std::string_view> id_of, manager_ref;
    std::vector<Family> family;
    std::vector<double> fte;
    std::vector<long> item_of; // incoming record behind each person, -1 for stored ones
    std::vector<bool> stored;  // in the database already: only their rows are updated, old memberships cleared
    std::vector<std::uint32_t> person_of_item;
    std::vector<long> manager; // manager's person index, -1 for none
    std::vector<std::uint32_t> membership_count;
    std::vector<double> allocated, team_maker_fte;
    std::vector<bool> assignment_replaced;
    std::set<std::string> constants_used; // --set columns some file lacked

    ImportRun(Database& database, const ImportOptions& o) : db(database), options(o), problems(o.max_problems) {}
    bool membership_replaced(long p) const { return membership_count[p] > 0; }

    // Reads every file, maps its headers and parses its records; a file whose header lacks a key column is skipped after reporting it.
    void read(const std::vector<std::string>& paths) {
    // 1. Read every file; a file whose header lacks a required column is skipped after reporting it.
    for (const auto& path : expand_paths(paths)) {
        auto opened = open_records(path, options.kind, options.mapping, &kind_of_name, options.max_file_size);
        for (auto& s : opened) sources.push_back(std::move(s));
    }
    for (auto& [kind, source] : sources) {
        const auto loc_source = problems.add_source(source->source(), source->positions_are_records());
        bool ok = false;
        const Fields fields(*source, column_specs().at(kind), problems, {loc_source, 1}, ok, summary.ignored_columns,
                            options.constants, constants_used);
        if (ok && kind == "people" && fields.has("fte") && fields.has("fte_percent")) {
            problems.add({loc_source, 1}, "fte_percent",
                         "the file gives FTE twice, as a fraction (fte) and as a percentage; keep one");
            ok = false;
        }
        if (!ok) continue;
        // A million people grow these vectors once instead of copying them over and over.
        if (kind == "people") {
            in.people.reserve_more(source->size_hint());
            if (fields.has("team")) in.memberships.reserve_more(source->size_hint());
        } else if (kind == "memberships") {
            in.memberships.reserve_more(source->size_hint());
        }
        Record record;
        std::size_t count = 0;
        const auto width = source->columns().size();
        while (source->next(record)) {
            const Loc loc{loc_source, record.position};
            if (++count % 100000 == 0 && options.progress) options.progress("reading " + kind, count, 0);
            if (!fields_readable(*source, record, loc, width, problems)) {
                // The record exists, so references to its id are not reported a second time.
                if (const auto id = fields.has("id") ? fields.get(record, "id") : std::string_view(); !id.empty())
                    in.broken_ids[kind].emplace_back(id);
                continue;
            }
            parse_record(kind, fields, record, loc, problems, *options.rules, in);
        }
        // A file with a header and no records is a truncated export or the wrong file, not an update of nothing.
        if (count == 0)
            problems.add({loc_source, 1}, "",
                         "the file names its columns but holds no records; check the export (or leave the file out)");
        summary.records[kind] += count;
    }
    for (const auto& [column, value] : options.constants)
        if (!constants_used.count(column))
            summary.notes.push_back("--set " + column + " was not used: no file read lacks that column");
    if (in.family_unlike_rules)
        summary.notes.push_back(fmt::format(
            "{} {} a family column that differs from what the title rules say (e.g. {}); the column wins; "
            "orgplan roles lists how each title was classed",
            in.family_unlike_rules, in.family_unlike_rules == 1 ? "person has" : "people have",
            in.family_unlike_example));
    }

    // Sorts the write order of people and memberships on a second thread while validation runs.
    void sort_write_order() {
    // Rows are written in key order so SQLite appends to its B-trees instead of splitting pages all over them.
    // The orders are sorted on a second thread while this one validates; both only read the records' keys.
    if (!options.dry_run) {
        write_order = std::async(std::launch::async, [&people = in.people.items, &memberships = in.memberships.items] {
            Orders orders;
            orders.first = key_order(
                people.size(), [&](std::uint32_t i) -> std::string_view { return people[i].person.id; },
                [&](std::uint32_t a, std::uint32_t b) { return people[a].person.id < people[b].person.id; });
            orders.second = key_order(
                memberships.size(), [&](std::uint32_t i) -> std::string_view { return memberships[i].person_id; },
                [&](std::uint32_t a, std::uint32_t b) {
                    const auto& x = memberships[a];
                    const auto& y = memberships[b];
                    return x.person_id != y.person_id ? x.person_id < y.person_id : x.team_id < y.team_id;
                });
            return orders;
        });
    }
    }

    // Opens the write transaction and reads the stored org the import is checked against.
    void begin() {
    // 2. Merge with what the database holds (unless replacing) and check every reference.
    // The write transaction starts before the stored org is read, so no other writer can change what this import
    // is validated against; its destructor rolls everything back if anything fails. A large page cache keeps the
    // secondary indexes' random inserts in memory (SQLite's default is 2 MB). A large import checks foreign keys
    // once at the end (declared first, so it is restored after the transaction ends). It stays in WAL: leaving it
    // for the rollback journal saved 3% at a million people, and made a failed import rewrite the file's header and
    // a killed one leave a hot journal behind.
    const std::size_t incoming_rows = in.people.items.size() + in.memberships.items.size();
    bulk = !options.dry_run && incoming_rows >= kBulkRows;
    if (bulk) deferred_keys.emplace(db.sql());
    if (!options.dry_run) {
        db.sql().exec("PRAGMA cache_size = -262144");
        tx.emplace(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
    }
    // A first snapshot kept in the org tables goes into history before they change.
    if (!options.dry_run) prepare_snapshot(db.sql(), options.as_of.empty() ? today() : options.as_of);
    if (!options.replace) existing = load_org(db.sql(), PersonDetail::lean); // validation needs ids, not names
    if (options.progress) options.progress("validating", 0, 0);
    }

    // Duplicate ids and references among segments, products, initiatives, accounts, teams and goals.
    void check_records() {
    check_duplicates(in.segments, [](const Segment& x) { return x.id; }, "segment", problems);
    check_duplicates(in.products, [](const Product& x) { return x.id; }, "product", problems);
    check_duplicates(in.initiatives, [](const Initiative& x) { return x.id; }, "initiative", problems);
    check_duplicates(in.accounts, [](const Account& x) { return x.id; }, "account", problems);
    check_duplicates(in.teams, [](const Team& x) { return x.id; }, "team", problems);
    check_duplicates(in.goals, [](const Goal& x) { return x.id; }, "goal", problems);

    create_missing(); // before the indexes, which view the records' ids
    for (const auto& x : in.segments.items) segments.add(x.id);
    for (const auto& x : existing.segments) segments.add(x.id);
    for (const auto& x : in.products.items) products.add(x.id);
    for (const auto& x : existing.products) products.add(x.id);
    for (const auto& x : in.initiatives.items) initiatives.add(x.id);
    for (const auto& x : existing.initiatives) initiatives.add(x.id);
    for (const auto& x : in.accounts.items) accounts.add(x.id);
    for (const auto& x : existing.accounts) accounts.add(x.id);
    for (const auto& x : in.teams.items) teams.add(x.id);
    for (const auto& x : existing.teams) teams.add(x.id);
    for (const auto& id : in.broken_ids["segments"]) segments.add(id);
    for (const auto& id : in.broken_ids["products"]) products.add(id);
    for (const auto& id : in.broken_ids["initiatives"]) initiatives.add(id);
    for (const auto& id : in.broken_ids["accounts"]) accounts.add(id);
    for (const auto& id : in.broken_ids["teams"]) teams.add(id);

    for (std::size_t i = 0; i < in.products.items.size(); ++i)
        check_ref(segments, in.products.items[i].segment_id, in.products.locs[i], "segment", "segment", problems);
    for (std::size_t i = 0; i < in.accounts.items.size(); ++i)
        check_ref(segments, in.accounts.items[i].segment_id, in.accounts.locs[i], "segment", "segment", problems);
    for (std::size_t i = 0; i < in.teams.items.size(); ++i) {
        check_ref(products, in.teams.items[i].product_id, in.teams.locs[i], "product", "product", problems);
        check_ref(segments, in.teams.items[i].segment_id, in.teams.locs[i], "segment", "segment", problems);
    }
    for (std::size_t i = 0; i < in.goals.items.size(); ++i)
        for (const auto& product : in.goals.items[i].product_ids)
            check_ref(products, product, in.goals.locs[i], "products", "product", problems);
    check_new_records("segments", in.segments, existing.segments, "segment", problems);
    check_new_records("initiatives", in.initiatives, existing.initiatives, "initiative", problems);
    check_new_records("products", in.products, existing.products, "product", problems);
    check_new_records("accounts", in.accounts, existing.accounts, "account", problems);
    check_new_records("teams", in.teams, existing.teams, "team", problems);
    check_new_records("goals", in.goals, existing.goals, "goal", problems);
    }

    // Creates, by id and named after it, the records of the kinds in options.create_missing that something refers to
    // and no file or stored org has; each is listed in the summary and takes the location of its first reference.
    void create_missing() {
        const auto& wanted = options.create_missing;
        if (wanted.empty()) return;
        // Ids of each kind in the files, the stored org and broken records, copied: records are added as we go.
        std::map<std::string, std::unordered_set<std::string>> known;
        const auto know = [&](const std::string& kind, const auto& incoming, const auto& stored) {
            auto& ids = known[kind];
            for (const auto& x : incoming.items) ids.emplace(x.id);
            for (const auto& x : stored) ids.emplace(x.id);
            for (const auto& id : in.broken_ids[kind]) ids.emplace(id);
        };
        know("segments", in.segments, existing.segments);
        know("products", in.products, existing.products);
        know("initiatives", in.initiatives, existing.initiatives);
        know("accounts", in.accounts, existing.accounts);
        know("teams", in.teams, existing.teams);
        auto create = [&](const char* kind, std::string_view id, Loc loc, auto&& add) {
            if (id.empty() || !wanted.count(kind) || !known[kind].emplace(id).second) return;
            const std::string name(id);
            add(name, loc);
            summary.created[kind].push_back(name);
        };
        auto segment = [&](std::string_view id, Loc loc) {
            create("segments", id, loc, [&](const std::string& s, Loc at) {
                in.segments.add({s, s}, at);
            });
        };
        auto product = [&](std::string_view id, Loc loc) {
            create("products", id, loc, [&](const std::string& s, Loc at) {
                in.products.add({s, s, ProductStatus::active, ""}, at);
            });
        };
        auto team = [&](std::string_view id, Loc loc) {
            create("teams", id, loc, [&](const std::string& s, Loc at) {
                in.teams.add({s, s, "", "", "", ""}, at);
            });
        };
        // Indexes, not references: adding records may move the vectors being read.
        for (std::size_t i = 0; i < in.products.items.size(); ++i)
            segment(std::string(in.products.items[i].segment_id), in.products.locs[i]);
        for (std::size_t i = 0; i < in.accounts.items.size(); ++i)
            segment(std::string(in.accounts.items[i].segment_id), in.accounts.locs[i]);
        for (std::size_t i = 0; i < in.teams.items.size(); ++i) {
            product(std::string(in.teams.items[i].product_id), in.teams.locs[i]);
            segment(std::string(in.teams.items[i].segment_id), in.teams.locs[i]);
        }
        for (std::size_t i = 0; i < in.goals.items.size(); ++i)
            for (const auto& id : in.goals.items[i].product_ids) product(id, in.goals.locs[i]);
        for (std::size_t i = 0; i < in.memberships.items.size(); ++i)
            team(in.memberships.items[i].team_id, in.memberships.locs[i]);
        for (std::size_t i = 0; i < in.assignments.items.size(); ++i) {
            const auto& a = in.assignments.items[i];
            const auto loc = in.assignments.locs[i];
            if (a.kind == TargetKind::team) team(a.target_id, loc);
            if (a.kind == TargetKind::product) product(a.target_id, loc);
            if (a.kind == TargetKind::segment) segment(a.target_id, loc);
            if (a.kind == TargetKind::initiative)
                create("initiatives", a.target_id, loc, [&](const std::string& s, Loc at) {
                    in.initiatives.add({s, s}, at);
                });
            if (a.kind == TargetKind::account)
                create("accounts", a.target_id, loc, [&](const std::string& s, Loc at) {
                    in.accounts.add({s, s, ""}, at);
                });
        }
    }

    // One dense index of incoming and stored people; stored values stand in for absent columns.
    void index_people() {
    // People merged into one dense index: incoming rows first (they override stored ones), then stored people,
    // then ids of rows that failed to parse. Everything per person below is a vector over that index.
    n_in = in.people.items.size();
    people.reserve(n_in + existing.people.size());
    // Returns the person's index; a second incoming record with the same id is a duplicate (the first one stands),
    // a stored person with an incoming id is that person.
    // A stored person updated by a record without some columns keeps the stored values: validation and maker totals
    // see the person as the write will leave them.
    const ColumnSet fte_bit = column_bit("people", "fte"), manager_bit = column_bit("people", "manager"),
                    title_bit = column_bit("people", "title"), family_bit = column_bit("people", "family");
    std::optional<std::unordered_set<std::string>> column_families; // read when first needed
    auto keep_stored = [&](std::uint32_t index, const Person& p) {
        const long item = item_of[index];
        if (item < 0) return;
        auto& x = in.people.items[item];
        auto& columns = in.people.present[item];
        if (!(columns & fte_bit)) fte[index] = x.person.fte = p.fte;
        if (!(columns & manager_bit)) manager_ref[index] = x.manager_ref = p.manager_id;
        bool keep_family = !x.family_given && !(columns & title_bit);
        if (!x.family_given && (columns & title_bit)) {
            if (!column_families) column_families = family_from_column(db.sql());
            keep_family = column_families->count(p.id) != 0;
        }
        if (keep_family) {
            family[index] = x.person.family = p.family;
            x.family_kept = true;
            columns &= ~family_bit;
        } else {
            columns |= family_bit;
        }
    };
    auto add_person = [&](std::string_view id, std::string_view manager, Family f, double person_fte, long item,
                          bool is_stored) -> std::uint32_t {
        const auto [index, fresh] = people.add(id);
        if (!fresh) {
            if (is_stored) stored[index] = true;
            if (item >= 0)
                problems.add(in.people.locs[item], "id",
                             "duplicate person id '" + std::string(id) + "' (first at " +
                                 problems.where(in.people.locs[item_of[index]]) + "); ids must be unique");
            return index;
        }
        id_of.push_back(id);
        manager_ref.push_back(manager);
        family.push_back(f);
        fte.push_back(person_fte);
        item_of.push_back(item);
        stored.push_back(is_stored);
        return index;
    };
    person_of_item.resize(n_in);
    for (std::size_t i = 0; i < n_in; ++i) {
        const auto& x = in.people.items[i];
        person_of_item[i] =
            add_person(x.person.id, x.manager_ref, x.person.family, x.person.fte, static_cast<long>(i), false);
    }
    for (const auto& p : existing.people)
        if (const auto index = add_person(p.id, p.manager_id, p.family, p.fte, -1, true); item_of[index] >= 0)
            keep_stored(index, p);
    n_known = id_of.size();
    check_new_records("people", in.people, [&](std::size_t i) { return stored[person_of_item[i]]; }, "person",
                      problems);
    for (const auto& id : in.broken_ids["people"]) add_person(id, {}, Family::other, 0.0, -1, false);
    }

    // Emails are unique; manager references (ids or emails) resolve.
    void check_managers() {
    // Emails name one person each: managers may be given by email.
    std::unordered_map<std::string, std::size_t> incoming_email; // lower-cased email -> first incoming record
    for (std::size_t i = 0; i < n_in; ++i) {
        const auto& email = in.people.items[i].person.email;
        if (email.empty()) continue;
        const auto [at, fresh] = incoming_email.emplace(text::lower(email), i);
        if (!fresh && person_of_item[at->second] != person_of_item[i])
            problems.add(in.people.locs[i], "email",
                         "the same email as '" + std::string(in.people.items[at->second].person.id) + "' (" +
                             problems.where(in.people.locs[at->second]) + "); emails must be unique");
    }
    // Manager references are ids, or emails: stored people's emails are indexed once, when some reference is not an
    // id.
    std::optional<std::unordered_map<std::string, std::uint32_t>> by_email;
    auto email_index = [&](std::string_view ref) -> long {
        if (!by_email) {
            by_email.emplace();
            for (const auto& x : in.people.items)
                if (!x.person.email.empty()) by_email->emplace(text::lower(x.person.email), people.find(x.person.id));
            for (const auto& p : existing.people)
                if (!p.email.empty()) by_email->emplace(text::lower(p.email), people.find(p.id));
        }
        auto it = by_email->find(text::lower(ref));
        return it == by_email->end() ? -1 : static_cast<long>(it->second);
    };
    manager.assign(id_of.size(), -1);
    for (std::size_t i = 0; i < n_known; ++i) {
        const auto ref = manager_ref[i];
        if (ref.empty()) continue;
        const long item = item_of[i];
        long m = people.find(ref);
        if (m < 0 && item >= 0) m = email_index(ref);
        manager[i] = m;
        if (item < 0) continue; // stored rows were valid when written
        auto& x = in.people.items[item];
        const auto loc = in.people.locs[item];
        if (m < 0) {
            problems.add(loc, "manager",
                         "unknown manager " + quoted_reference(ref) +
                             "; give the manager's id or email as it appears in the people file");
        } else if (static_cast<std::size_t>(m) == i) {
            problems.add(loc, "manager",
                         quoted_reference(ref) + " is this person; a person cannot manage themselves");
            manager[i] = -1;
        } else {
            x.person.manager_id = id_of[m];
        }
    }
    }

    // No reporting cycles.
    void check_cycles() {
    // Reporting cycles: walk up from each incoming person; 1 = on the current path, 2 = reaches the top.
    {
        std::vector<std::uint8_t> state(id_of.size(), 0);
        std::vector<std::size_t> path;
        for (std::size_t start = 0; start < n_known; ++start) {
            if (item_of[start] < 0) continue;
            path.clear();
            long at = static_cast<long>(start);
            while (at >= 0 && state[at] == 0) {
                state[at] = 1;
                path.push_back(static_cast<std::size_t>(at));
                at = manager[at];
            }
            if (at >= 0 && state[at] == 1) {
                std::string cycle(id_of[at]);
                for (auto it = std::find(path.begin(), path.end(), static_cast<std::size_t>(at)) + 1; it != path.end(); ++it)
                    cycle += " -> " + std::string(id_of[*it]);
                cycle += " -> " + std::string(id_of[at]);
                const auto where = in.people.locs[item_of[at] >= 0 ? item_of[at] : item_of[start]];
                problems.add(where, "manager", "reporting cycle " + cycle + "; someone in it must report elsewhere");
            }
            for (auto id : path) state[id] = 2;
        }
    }
    }

    // Memberships: known people and teams, allocations at most 1, maker FTE per team.
    void check_memberships() {
    // A duplicate person row's team column is part of the duplicate: it is not checked a second time.
    std::set<std::pair<std::uint32_t, long>> duplicate_rows;
    for (std::size_t i = 0; i < n_in; ++i)
        if (item_of[person_of_item[i]] != static_cast<long>(i))
            duplicate_rows.insert({in.people.locs[i].source, in.people.locs[i].position});

    // Memberships: a person's incoming memberships replace their stored ones.
    const std::size_t n_memberships = in.memberships.items.size();
    std::vector<long> member(n_memberships); // person index of each incoming membership, -1 when unknown
    membership_count.assign(id_of.size(), 0);
    for (std::size_t i = 0; i < n_memberships; ++i)
        if ((member[i] = people.find(in.memberships.items[i].person_id)) >= 0) ++membership_count[member[i]];
    // A membership given again without an allocation column keeps its stored allocation.
    for (std::size_t i = 0; i < n_memberships; ++i) {
        auto& m = in.memberships.items[i];
        if (in.memberships.present[i] || member[i] < 0 || !stored[member[i]]) continue;
        const auto at = std::lower_bound(existing.memberships.begin(), existing.memberships.end(), m,
                                         [](const Membership& a, const MembershipRow& b) {
                                             return a.person_id != b.person_id ? a.person_id < b.person_id
                                                                               : a.team_id < b.team_id;
                                         });
        if (at != existing.memberships.end() && at->person_id == m.person_id && at->team_id == m.team_id)
            m.allocation = at->allocation;
    }
    // Maker FTE per team as the org will be after this import, stored with it for ratio reports.
    allocated.assign(id_of.size(), 0.0);
    team_maker_fte.assign(teams.size(), 0.0);
    auto add_maker_fte = [&](long p, long t, double allocation) {
        if (p >= 0 && t >= 0 && family[p] == Family::maker) team_maker_fte[t] += fte[p] * allocation;
    };
    for (const auto& m : existing.memberships) {
        const auto p = people.find(m.person_id);
        if (p < 0 || membership_replaced(p)) continue;
        allocated[p] += m.allocation;
        add_maker_fte(p, teams.find(m.team_id), m.allocation);
    }
    {
        // Only people with several incoming memberships can list a team twice; most have one.
        std::unordered_set<std::uint64_t> seen_pairs;
        for (std::size_t i = 0; i < n_memberships; ++i) {
            const auto& m = in.memberships.items[i];
            const auto loc = in.memberships.locs[i];
            if (!duplicate_rows.empty() && duplicate_rows.count({loc.source, loc.position})) continue;
            const long p = member[i];
            const long t = teams.find(m.team_id);
            if (p < 0) {
                problems.add(loc, "person",
                             "unknown person '" + std::string(m.person_id) + "'; add them to the people file");
                continue;
            }
            add_maker_fte(p, t, m.allocation);
            if (t < 0)
                check_ref(teams, m.team_id, loc, "team", "team", problems);
            else if (membership_count[p] > 1 &&
                     !seen_pairs.insert(static_cast<std::uint64_t>(p) << 32 | static_cast<std::uint64_t>(t)).second)
                problems.add(loc, "team", fmt::format("'{}' is listed in team '{}' more than once; give one row with "
                                                      "the total allocation", m.person_id, m.team_id));
            const double total = allocated[p] += m.allocation;
            if (total > 1.0 + kEpsilon && total - m.allocation <= 1.0 + kEpsilon)
                problems.add(loc, "allocation",
                             fmt::format("allocations of '{}' add up to {:.2f} here, more than 1.0; lower them "
                                         "so they sum to at most 1", m.person_id, total));
        }
    }
    }

    // Rows without a share: one given again keeps its stored share; a PM's other rows without one split evenly what
    // the PM's rows with a share leave (all of it when none has one), so a coverage file of PMs and teams needs no
    // share column.
    void split_unshared_assignments() {
        auto& rows = in.assignments;
        std::vector<bool> unshared(rows.items.size(), false);
        std::map<std::string_view, std::pair<double, std::size_t>> per_pm; // given shares, rows without one
        std::map<std::tuple<std::string_view, TargetKind, std::string_view>, double> stored_share; // when needed
        for (std::size_t i = 0; i < rows.items.size(); ++i) {
            auto& a = rows.items[i];
            bool has_share = rows.present[i] != 0;
            if (!has_share) {
                if (stored_share.empty())
                    for (const auto& old : existing.assignments)
                        stored_share.emplace(std::make_tuple(std::string_view(old.pm_id), old.kind,
                                                             std::string_view(old.target_id)),
                                             old.share);
                if (auto it = stored_share.find({a.pm_id, a.kind, a.target_id}); it != stored_share.end()) {
                    a.share = it->second;
                    has_share = true;
                }
            }
            auto& [given, open] = per_pm[a.pm_id];
            if (has_share)
                given += a.share;
            else
                ++open;
            unshared[i] = !has_share;
        }
        std::size_t split = 0;
        for (const auto& [pm, counts] : per_pm) split += counts.second > 1;
        for (std::size_t i = 0; i < rows.items.size(); ++i) {
            if (!unshared[i]) continue;
            auto& a = rows.items[i];
            const auto [given, open] = per_pm[a.pm_id];
            const double left = 1.0 - given;
            if (left <= kEpsilon) {
                problems.add(rows.locs[i], "share",
                             fmt::format("has no share, and the other rows of '{}' already give all of their time "
                                         "({:.2f}); give this row a share and lower the others",
                                         a.pm_id, given));
                continue;
            }
            a.share = left / static_cast<double>(open);
        }
        if (split)
            summary.notes.push_back(fmt::format(
                "assignments: {} PM{} with several rows and no share: their time is split evenly over those rows",
                split, split == 1 ? "" : "s"));
    }

    // Assignments: PMs are PMs, targets exist, shares at most 1.
    void check_assignments() {
    // Assignments: the PM must be a PM; the target must exist; shares sum to at most 1.
    assignment_replaced.assign(id_of.size(), false);
    for (const auto& a : in.assignments.items)
        if (auto p = people.find(a.pm_id); p >= 0) assignment_replaced[p] = true;
    split_unshared_assignments();
    std::vector<double> assigned(id_of.size(), 0.0);
    for (const auto& a : existing.assignments)
        if (auto p = people.find(a.pm_id); p >= 0 && !assignment_replaced[p]) assigned[p] += a.share;
    const IdIndex* targets[] = {&teams, &products, &segments, &initiatives, &accounts};
    std::set<std::tuple<long, TargetKind, std::string_view>> assigned_targets;
    for (std::size_t i = 0; i < in.assignments.items.size(); ++i) {
        const auto& a = in.assignments.items[i];
        const auto loc = in.assignments.locs[i];
        check_ref(*targets[static_cast<int>(a.kind)], a.target_id, loc, "target", std::string(to_string(a.kind)),
                  problems);
        const long p = people.find(a.pm_id);
        if (p < 0) {
            problems.add(loc, "pm", "unknown person '" + a.pm_id + "'; add them to the people file");
            continue;
        }
        // A second row would silently replace the first one's share while both count towards the total.
        if (!assigned_targets.emplace(p, a.kind, a.target_id).second)
            problems.add(loc, "target", fmt::format("'{}' is assigned to {} '{}' more than once; give one row with "
                                                    "the total share", a.pm_id, to_string(a.kind), a.target_id));
        // Product leaders may cover teams themselves (player-coaches): their shares count as PM FTE.
        if (static_cast<std::size_t>(p) < n_known && family[p] != Family::pm && family[p] != Family::product_leader)
            problems.add(loc, "pm", "'" + a.pm_id + "' is in family " + std::string(to_string(family[p])) +
                                        ", not pm; only PMs and product leaders take PM assignments (set their "
                                        "family column to pm if the title misleads)");
        const double total = assigned[p] += a.share;
        if (total > 1.0 + kEpsilon && total - a.share <= 1.0 + kEpsilon)
            problems.add(loc, "share", "assignment shares of '" + a.pm_id +
                                           "' add up to more than 1.0; lower them so they sum to at most 1");
    }
    }

    // Interrupts and task force seats: the people, PMs, teams and products they name exist; ids and seats unique.
    void check_logs() {
    auto known_person = [&](const std::string& id) { return people.find(id) >= 0; };
    std::map<std::string_view, Loc> interrupt_ids;
    for (std::size_t i = 0; i < in.interrupts.items.size(); ++i) {
        const auto& [id, x] = in.interrupts.items[i];
        const auto loc = in.interrupts.locs[i];
        if (!id.empty())
            if (auto [it, fresh] = interrupt_ids.emplace(id, loc); !fresh)
                problems.add(loc, "id", "duplicate interrupt id '" + id + "' (first at " + problems.where(it->second) +
                                            "); ids must be unique");
        if (!x.requester_id.empty() && !known_person(x.requester_id))
            problems.add(loc, "requester", "unknown person '" + x.requester_id + "'; for someone outside the people "
                                           "data leave requester empty and give requester_name and requester_function");
        if (!x.pm_id.empty()) {
            const long p = people.find(x.pm_id);
            if (p < 0)
                problems.add(loc, "pm", "unknown person '" + x.pm_id + "'; add them to the people file");
            else if (static_cast<std::size_t>(p) < n_known && family[p] != Family::pm &&
                     family[p] != Family::product_leader)
                problems.add(loc, "pm", "'" + x.pm_id + "' is in family " + std::string(to_string(family[p])) +
                                        ", not pm; name the PM it hit, or give only the team or product");
        }
        check_ref(teams, x.team_id, loc, "team", "team", problems);
        check_ref(products, x.product_id, loc, "product", "product", problems);
    }
    std::map<std::pair<std::string_view, std::string_view>, Loc> seats;
    for (std::size_t i = 0; i < in.seats.items.size(); ++i) {
        const auto& x = in.seats.items[i];
        const auto loc = in.seats.locs[i];
        if (!known_person(x.seat.person_id))
            problems.add(loc, "person", "unknown person '" + x.seat.person_id + "'; add them to the people file");
        if (auto [it, fresh] = seats.emplace(std::make_pair(std::string_view(x.task_force),
                                                            std::string_view(x.seat.person_id)), loc);
            !fresh)
            problems.add(loc, "person", "'" + x.seat.person_id + "' has a seat on task force '" + x.task_force +
                                            "' already (at " + problems.where(it->second) + "); give one row per seat");
    }
    }

    // Throws every problem found; counts titles no rule matched.
    void finish_checks() {
    if (!in.currency.empty()) {
        // A copy: a reference into the temporary Settings would dangle (ASan caught it; the release build aborted).
        const std::string stored = Settings::load(db.sql()).text("cost.currency");
        if (!stored.empty() && stored != in.currency)
            problems.add(in.currency_loc, "currency",
                         fmt::format("'{}' differs from the org's currency, {} (setting cost.currency): convert the "
                                     "costs, or run orgplan config set cost.currency {} if every cost is in it",
                                     in.currency, stored, in.currency));
    }
    if (problems.any()) problems.raise();
    for (const auto& x : in.people.items)
        if (x.how.source == "unmatched" && !x.family_kept) ++summary.unmatched_titles;
    }

    // Writes everything inside the transaction opened by begin().
    void write() {
    // 3. Write everything inside the transaction opened above.
    OrgWriter writer(db.sql());
    if (options.replace) writer.clear();
    // The costs' currency becomes the org's when it has none yet (finish_checks refused a different one).
    if (!in.currency.empty() && Settings::load(db.sql()).text("cost.currency").empty()) {
        Settings::store(db.sql(), "cost.currency", in.currency);
        summary.notes.push_back("cost.currency set to " + in.currency + " from the currency column");
    }
    // Rebuilding an index sorts the whole table once: cheaper than updating it row by row when this import brings
    // at least as many people as are stored.
    std::optional<DeferredIndexes> deferred_indexes;
    if (bulk && in.people.items.size() >= existing.people.size()) {
        deferred_indexes.emplace(db.sql(), std::vector<std::string>{"person", "membership"});
        // Rows in key order with no index to update need no large cache; a small one leaves memory to the import
        // (1M people: 0.83 GB -> 0.64 GB peak, and faster).
        db.sql().exec("PRAGMA cache_size = -16384");
    }
    for (std::size_t i = 0; i < in.segments.items.size(); ++i) writer.put(in.segments.items[i], in.segments.present[i]);
    for (std::size_t i = 0; i < in.products.items.size(); ++i) writer.put(in.products.items[i], in.products.present[i]);
    for (std::size_t i = 0; i < in.initiatives.items.size(); ++i)
        writer.put(in.initiatives.items[i], in.initiatives.present[i]);
    for (std::size_t i = 0; i < in.accounts.items.size(); ++i) writer.put(in.accounts.items[i], in.accounts.present[i]);
    for (std::size_t i = 0; i < in.teams.items.size(); ++i) writer.put(in.teams.items[i], in.teams.present[i]);
    if (options.progress) options.progress("writing people", 0, n_in);
    const auto [order, membership_order] = write_order.get();
    for (std::size_t k = 0; k < n_in; ++k) {
        const auto& x = in.people.items[order[k]];
        if (stored[person_of_item[order[k]]])
            writer.put(x.person, x.how, in.people.present[order[k]]);
        else
            writer.insert(x.person, x.how);
        if (options.progress && (k + 1) % 100000 == 0) options.progress("writing people", k + 1, n_in);
    }
    {
        std::unordered_set<std::string_view> titles;
        for (const auto& x : in.people.items)
            if (x.how.source == "rule" && !x.family_kept && titles.insert(x.person.title).second)
                writer.put_title_match(x.person.title, x.how.rule);
    }
    for (std::size_t i = 0; i < in.goals.items.size(); ++i) writer.put(in.goals.items[i], in.goals.present[i]);
    for (std::size_t p = 0; p < n_known; ++p) {
        if (!stored[p]) continue;
        if (membership_replaced(static_cast<long>(p))) writer.clear_memberships(std::string(id_of[p]));
        if (assignment_replaced[p]) writer.clear_assignments(std::string(id_of[p]));
    }
    for (std::size_t k = 0; k < membership_order.size(); ++k) {
        writer.put(in.memberships.items[membership_order[k]]);
        if (options.progress && (k + 1) % 100000 == 0)
            options.progress("writing memberships", k + 1, membership_order.size());
    }
    for (const auto& x : in.assignments.items) writer.put(x);
    writer.flush();
    write_logs();
    {
        MakerTotals makers;
        for (std::size_t t = 0; t < teams.size(); ++t)
            if (team_maker_fte[t] > 0) makers.team_fte.emplace_back(teams.id(t), team_maker_fte[t]);
        for (std::size_t p = 0; p < n_known; ++p)
            if (family[p] == Family::maker) makers.unallocated += fte[p] * std::max(0.0, 1.0 - allocated[p]);
        store_maker_totals(db.sql(), makers);
    }
    if (deferred_indexes) {
        if (options.progress) options.progress("indexing", 0, 0);
        deferred_indexes->rebuild();
    }
    if (deferred_keys) deferred_keys->check();
    {
        auto records = nlohmann::json(summary.records);
        if (!summary.created.empty()) records["created"] = summary.created;
        const auto command = options.log_command.empty() ? std::string("import") : options.log_command;
        const auto snapshot = record_snapshot(db.sql(), options.as_of.empty() ? today() : options.as_of, command);
        records["snapshot"] = snapshot.as_of;
        record_change(db.sql(), command, records);
    }
    if (options.progress) options.progress("committing", 0, 0);
    tx->commit();
    summary.written = true;
    }

    // Interrupts upsert by key; each task force a file names gets exactly that file's seats. With --replace, the
    // log and the task forces are replaced only by an import that brings files of them.
    void write_logs() {
    if (!in.interrupts.items.empty()) {
        InterruptWriter writer(db.sql());
        if (options.replace) writer.clear();
        std::map<std::string, int> occurrences;
        for (const auto& [id, x] : in.interrupts.items)
            writer.put(interrupt_key(id, x, id.empty() ? occurrences[interrupt_key("", x, 0)]++ : 0), x);
    }
    if (!in.seats.items.empty()) {
        if (options.replace) db.sql().exec("DELETE FROM task_force");
        std::map<std::string, StoredTaskForce> forces;
        for (const auto& x : in.seats.items) {
            auto& t = forces[x.task_force];
            t.task_force.name = x.task_force;
            if (t.task_force.topic.empty()) t.task_force.topic = x.topic;
            t.task_force.seats.push_back(x.seat);
        }
        for (const auto& [name, t] : forces) save_task_force(db.sql(), t);
    }
    }
};

} // namespace

void check_constant_column(const std::string& column) {
    std::set<std::string> all;
    for (const auto& [kind, specs] : column_specs())
        for (const auto& spec : specs) {
            if (spec.name == column) return;
            all.insert(spec.name);
        }
    std::string list;
    for (const auto& name : all) list += (list.empty() ? "" : ", ") + name;
    throw Error("--set " + column + ": no kind of record has a column '" + column + "'; columns are " + list);
}

ImportSummary import_org(Database& db, const std::vector<std::string>& paths, const ImportOptions& options) {
    if (!options.rules) throw Error("import needs title rules");
    if (paths.empty()) throw Error("import needs at least one file or directory");
    ImportRun run(db, options);
    run.read(paths);
    run.sort_write_order();
    run.begin();
    run.check_records();
    run.index_people();
    run.check_managers();
    run.check_cycles();
    run.check_memberships();
    run.check_assignments();
    run.check_logs();
    run.finish_checks();
    if (!options.dry_run) run.write();
    return run.summary;
}

} // namespace orgplan
