#include "parse.hpp"

#include <optional>

#include <fmt/format.h>

#include "orgplan/base/text.hpp"
#include "orgplan/model/enums.hpp"
#include "orgplan/model/settings.hpp"
#include "orgplan/storage/history.hpp"

namespace orgplan::importing {

namespace {

// Reads one record's fields into typed values, adding a problem for each bad field.
class RecordParser {
public:
    RecordParser(const HeaderMap& f, const Record& r, Loc loc, Problems& p) : f_(f), r_(r), loc_(loc), p_(p) {}

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
    // A number in (low, high]; `inclusive_low` makes it [low, high]. Hints are views: a million records make no
    // string of them unless one fails.
    std::optional<double> number(std::string_view name, double low, double high, bool inclusive_low,
                                 std::string_view hint) {
        const auto raw = f_.get(r_, name);
        if (raw.empty()) return std::nullopt;
        const auto v = text::parse_number(raw);
        if (!v || (inclusive_low ? *v < low : *v <= low) || *v > high) {
            fail(name, quoted_value(raw) + " " + std::string(hint));
            return std::nullopt;
        }
        return v;
    }
    template <typename E>
    E choice(std::string_view name, std::optional<E> (*parse)(std::string_view), E fallback,
             std::string_view allowed) {
        const auto raw = f_.get(r_, name);
        if (raw.empty()) return fallback;
        if (auto v = parse(raw)) return *v;
        fail(name, quoted_value(raw) + " is not one of " + std::string(allowed));
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
    const HeaderMap& f_;
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

void parse_interrupt(RecordParser& p, Loc loc, IncomingRecords& in) {
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
constexpr std::string_view kFteHint = "is not a number from 0.01 to 1; write FTE as a fraction like 0.5";
constexpr std::string_view kShareHint = "is not a number greater than 0 and at most 1; write a share like 0.5";

// What a record's parser writes into and checks against.
struct RecordContext {
    const std::string& kind;
    Loc loc;
    Problems& problems;
    const TitleRules& rules;
    IncomingRecords& in;
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
        x.decided_by({match.matched ? FamilyOrigin::Source::rule : FamilyOrigin::Source::unmatched, &match.pattern});
        return;
    }
    person.family =
        p.choice<Family>("family", parse_family, Family::other, "maker, pm, product_leader, eng_manager, other");
    x.decided_by({FamilyOrigin::Source::column, nullptr});
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
    person.manager_id = p.view("manager");
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
    for (auto& id : text::split_list(p.text("products"))) g.product_ids.emplace_back(id);
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

} // namespace

void parse_record(const std::string& kind, const HeaderMap& f, const Record& r, Loc loc, const TitleRules& rules,
                  Problems& problems, IncomingRecords& in) {
    RecordParser p(f, r, loc, problems);
    const auto parser = record_parsers().find(kind);
    if (parser != record_parsers().end()) parser->second(p, {kind, loc, problems, rules, in});
    // A record that failed still names its id, so that references to it are not reported a second time.
    const auto id = f.has("id") ? f.get(r, "id") : std::string_view();
    if (!p.ok && !id.empty()) in.broken_ids[kind].emplace_back(id);
}

// Longer fields are a broken quote swallowing the file, or an attack; no HR field needs more.
constexpr std::size_t kMaxFieldBytes = 64 * 1024;

bool record_readable(const RecordSource& source, const Record& record, Loc loc, Problems& problems) {
    if (const auto width = source.columns().size(); !source.positions_are_records() && record.values.size() != width) {
        problems.add(loc, "", fmt::format("has {} fields but the header has {}; quote fields that contain commas",
                                          record.values.size(), width));
        return false;
    }
    bool ok = true;
    for (std::size_t i = 0; i < record.values.size(); ++i) {
        const auto& value = record.values[i];
        // Named only for a problem: twenty fields of a million records would make twenty million strings.
        const auto column = [&] { return i < source.columns().size() ? source.columns()[i] : std::to_string(i + 1); };
        if (value.size() > kMaxFieldBytes) {
            problems.add(loc, column(),
                         fmt::format("is {} bytes long; a field holds at most {} (is a quote left open?)", value.size(),
                                     kMaxFieldBytes));
            ok = false;
        } else if (const auto nul = value.find('\0'); nul != std::string_view::npos) {
            problems.add(loc, column(), fmt::format("holds a NUL byte (byte {} of the field); save the file as text",
                                                  nul + 1));
            ok = false;
        } else if (const auto bad = text::utf8_error(value)) {
            problems.add(loc, column(), fmt::format("is not valid UTF-8 (byte {} of the field); save the file as UTF-8",
                                                  *bad + 1));
            ok = false;
        }
    }
    return ok;
}

} // namespace orgplan::importing
