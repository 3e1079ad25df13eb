#include "orgplan/storage/org_store.hpp"

#include <algorithm>
#include <future>
#include <map>
#include <optional>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "orgplan/base/error.hpp"
#include "orgplan/model/enums.hpp"
#include "../model/text_pool.hpp"
#include "orgplan/storage/interrupt_store.hpp"
#include "orgplan/storage/position_store.hpp"
#include "orgplan/storage/read_transaction.hpp"
#include "orgplan/storage/row_statement.hpp"
#include "orgplan/storage/scenario_base.hpp"
#include "orgplan/storage/task_force_store.hpp"
#include "people_halves.hpp"
#include "people_rows.hpp"
#include "pm_memberships.hpp"
#include "snapshot_twin.hpp"
#include "statements.hpp"

namespace orgplan {
namespace {

// Goals with the products each is about.
std::vector<Goal> load_goals(Database& db) {
    std::map<std::string, std::vector<std::string>> products_of;
    for_each_row(db, "SELECT goal_id, product_id FROM goal_product ORDER BY goal_id, product_id",
                 [&](const Row& r) { products_of[r.text(0)].push_back(r.text(1)); });
    return select_rows(db,
                       "SELECT id, function, objective, name, metric, metric_kind, incentive, north_star, counter_metric, "
                       "theme FROM goal ORDER BY id",
                       [&](const Row& r) {
                           Goal g;
                           g.id = r.text(0);
                           g.function = r.text(1);
                           g.objective = r.text(2);
                           g.name = r.text(3);
                           g.metric = r.text(4);
                           g.metric_kind = parse_metric_kind(r.text(5)).value_or(MetricKind::outcome);
                           g.incentive = r.flag(6);
                           g.north_star = r.flag(7);
                           g.counter_metric = r.text(8);
                           g.theme = r.text(9);
                           for (auto& id : products_of[g.id]) g.product_ids.emplace_back(id);
                           return g;
                       });
}

// Segments, products, initiatives and accounts: few rows each.
void load_portfolio(Database& db, Org& org) {
    org.segments = select_rows(db, "SELECT id, name FROM segment ORDER BY id",
                               [](const Row& r) { return Segment{r.text(0), r.text(1)}; });
    org.products = select_rows(db, "SELECT id, name, status, segment_id FROM product ORDER BY id", [](const Row& r) {
        return Product{r.text(0), r.text(1), parse_product_status(r.text(2)).value_or(ProductStatus::active), r.text(3)};
    });
    org.initiatives = select_rows(db, "SELECT id, name FROM initiative ORDER BY id",
                                  [](const Row& r) { return Initiative{r.text(0), r.text(1)}; });
    org.accounts = select_rows(db, "SELECT id, name, segment_id FROM account ORDER BY id",
                               [](const Row& r) { return Account{r.text(0), r.text(1), r.text(2)}; });
}

// Teams, people and memberships come by the hundred thousand: read as views, copied once.
std::vector<Team> load_teams(Database& db, PersonDetail detail) {
    std::vector<Team> teams;
    teams.reserve(static_cast<std::size_t>(db.sql().execAndGet("SELECT count(*) FROM team").getInt64()));
    RowQuery q(db, detail == PersonDetail::no_makers
                       ? "SELECT id, name, '', product_id, segment_id, '' FROM team ORDER BY id"
                       : "SELECT id, name, type, product_id, segment_id, parent_unit FROM team ORDER BY id");
    TextPool shared; // types, products, segments and units repeat across teams
    while (q.step())
        teams.push_back({Text(q.text(0)), Text(q.text(1)), shared.get(q.text(2)), shared.get(q.text(3)),
                         shared.get(q.text(4)), shared.get(q.text(5))});
    return teams;
}

// Everyone but the makers, with only what ratios read: every column comes from the partial index person_not_maker,
// a tenth of the table (a million makers' names and titles cost more to read than every ratio costs to compute).
void load_people_but_makers(Database& db, std::vector<Person>& people) {
    RowQuery q(db, "SELECT id, name, family, manager_id, fte FROM person WHERE family <> 'maker' ORDER BY id");
    while (q.step()) {
        auto& p = people.emplace_back();
        p.id = q.text(0);
        p.name = q.text(1);
        p.family = parse_family(q.text(2)).value_or(Family::other);
        p.manager_id = q.text(3);
        p.fte = q.real(4);
    }
}

// Everyone, whole.
void load_all_people(Database& db, std::size_t count, std::vector<Person>& people) {
    read_people(db, std::string("SELECT ") + kPersonColumns + " FROM person ORDER BY id", count, people);
}

std::vector<Person> load_people(Database& db, PersonDetail detail) {
    std::vector<Person> people;
    // Counting first saves growing (and copying) a vector of a million people several times over.
    const std::string where = detail == PersonDetail::no_makers ? " WHERE family <> 'maker'" : "";
    const auto count = static_cast<std::size_t>(db.sql().execAndGet("SELECT count(*) FROM person" + where).getInt64());
    if (detail == PersonDetail::no_makers) {
        people.reserve(count);
        load_people_but_makers(db, people);
    } else {
        load_all_people(db, count, people);
    }
    return people;
}

std::vector<Membership> load_memberships(Database& db, PersonDetail detail, const std::vector<Person>& people,
                                         const TeamIds& teams) {
    // Without makers, only PMs' memberships matter (a PM with no assignment covers their teams).
    if (detail == PersonDetail::no_makers) return read_pm_memberships(db, people, teams);
    std::vector<Membership> memberships; // counted first, as people are: a million rows grown by doubling move twice
    memberships.reserve(static_cast<std::size_t>(db.sql().execAndGet("SELECT count(*) FROM membership").getInt64()));
    RowQuery q(db, "SELECT person_id, team_id, allocation FROM membership ORDER BY person_id, team_id");
    MembershipRows rows(people.data(), people.size(), false, teams); // both in id order
    while (q.step()) memberships.push_back(rows.read(q));
    return memberships;
}

// People and memberships, in two halves at once when a twin connection reads the same commit.
void load_people_and_memberships(Database& db, PeopleHalves* halves, const TeamIds& teams, PersonDetail detail,
                                 Org& org) {
    if (halves) return halves->finish(teams, org.people, org.memberships);
    org.people = load_people(db, detail);
    org.memberships = load_memberships(db, detail, org.people, teams);
}

// Everyone but the makers and the PMs' memberships (what ratio reports load), read on a twin connection by a thread
// of their own while the caller reads the teams and the rest of the org. The memberships (one key lookup per PM,
// the longest read) are then read from both ends at once: the thread goes up from the smallest id once it has the
// teams (whose ids the memberships share), the caller down from the largest once its own reads are done, until
// they meet. The load takes about half the two threads' work instead of the longer side's.
class NonMakersOnTwin {
public:
    /// `also_read` (if any) runs on the thread with the twin once the people are read: the teams take longer.
    NonMakersOnTwin(Database& twin, const std::function<void(Database&)>& also_read) {
        read_ = std::async(std::launch::async, [this, &twin, &also_read, teams = teams_.get_future()]() mutable {
            try {
                people_ = load_people(twin, PersonDetail::no_makers);
                claims_.open(people_.size());
            } catch (...) {
                people_read_.set_exception(std::current_exception());
                throw;
            }
            people_read_.set_value();
            if (also_read) also_read(twin);
            up_ = read_pm_memberships_end(twin, false, people_, *teams.get(), claims_);
        });
    }
    /// Given up before finish() (a read on the caller's side failed): the thread stops at the teams, or at its next
    /// claim, and is waited for.
    ~NonMakersOnTwin() {
        claims_.close();
        if (!teams_given_) teams_.set_exception(std::make_exception_ptr(Error("the org's load was given up")));
        if (read_.valid()) read_.wait();
    }
    NonMakersOnTwin(const NonMakersOnTwin&) = delete;
    NonMakersOnTwin& operator=(const NonMakersOnTwin&) = delete;

    /// The teams the memberships name; `teams` must outlive finish().
    void teams_read(const TeamIds& teams) {
        teams_given_ = &teams;
        teams_.set_value(&teams);
    }
    /// After teams_read(): reads the memberships' other end on `db` (the caller's connection, on the twin's commit),
    /// waits for the thread and hands over what both read; throws what either threw.
    void finish(Database& db, std::vector<Person>& people, std::vector<Membership>& memberships) {
        std::vector<Membership> down;
        try {
            people_read_.get_future().get();
            down = read_pm_memberships_end(db, true, people_, *teams_given_, claims_);
        } catch (...) {
            claims_.close();
            read_.wait();
            throw;
        }
        read_.get();
        people = std::move(people_);
        memberships = std::move(up_);
        memberships.reserve(memberships.size() + down.size());
        append_descending(down, memberships);
    }

private:
    std::promise<const TeamIds*> teams_;
    const TeamIds* teams_given_ = nullptr; // by teams_read(); none: the load was given up before
    std::promise<void> people_read_; // the people, and the claims open over them
    Claims claims_;
    std::vector<Person> people_;
    std::vector<Membership> up_;
    std::future<void> read_; // last: the thread uses the members above
};

std::vector<Assignment> load_assignments(Database& db) {
    return select_rows(db, "SELECT pm_id, target_kind, target_id, share FROM pm_assignment ORDER BY pm_id, target_kind, "
                           "target_id",
                       [](const Row& r) {
                           return Assignment{r.text(0), parse_target_kind(r.text(1)).value_or(TargetKind::team),
                                             r.text(2), r.real(3)};
                       });
}

} // namespace

Org load_org(Database& db, PersonDetail detail, const std::function<void(Database&)>& also_read) {
    const ReadTransaction snapshot(db); // every table from the same commit
    // Taken before the first read: a twin must see the commit this transaction will.
    const auto twin = detail != PersonDetail::none ? SnapshotTwin::begin(db, kFileBytesForHalves) : nullptr;
    Org org;
    std::optional<TeamIds> team_ids; // memberships share their team's id; made before the helpers, it outlives them
    std::optional<PeopleHalves> halves; // its helper counts and reads people while this thread reads the teams
    std::optional<NonMakersOnTwin> non_makers; // the same for a ratio report's people
    if (twin && detail == PersonDetail::full) halves.emplace(db, twin->db());
    if (twin && detail == PersonDetail::no_makers) non_makers.emplace(twin->db(), also_read);
    load_portfolio(db, org);
    org.teams = load_teams(db, detail);
    if (detail != PersonDetail::none) team_ids.emplace(org.teams);
    if (non_makers)
        non_makers->teams_read(*team_ids);
    else if (team_ids)
        load_people_and_memberships(db, halves ? &*halves : nullptr, *team_ids, detail, org);
    org.assignments = load_assignments(db);
    org.goals = load_goals(db);
    org.interrupts = load_interrupts(db);
    for (auto& t : load_task_forces(db)) org.task_forces.push_back(std::move(t.task_force));
    org.positions = load_positions(db);
    if (also_read && !non_makers) also_read(db);
    if (non_makers) non_makers->finish(db, org.people, org.memberships);
    return org;
}

StoredPeople load_stored_people(Database& db) {
    StoredPeople out;
    auto& text = out.text;
    out.people.reserve(static_cast<std::size_t>(db.sql().execAndGet("SELECT count(*) FROM person").getInt64()));
    RowQuery people(db, "SELECT id, email, coalesce(manager_id, ''), family, fte FROM person ORDER BY id");
    while (people.step())
        out.people.push_back({text.keep(people.text(0)), text.keep(people.text(1)), text.keep(people.text(2)),
                              people.real(4), parse_family(people.text(3)).value_or(Family::other)});
    // Both in person order: a membership views its person's id rather than a copy (only teams' ids are copied, once
    // per team in a row, as people of a team often follow each other).
    const auto memberships_count = db.sql().execAndGet("SELECT count(*) FROM membership").getInt64();
    out.memberships.reserve(static_cast<std::size_t>(memberships_count));
    RowQuery memberships(db, "SELECT person_id, team_id, allocation FROM membership ORDER BY person_id, team_id");
    std::size_t at = 0;
    PackedText team;
    while (memberships.step()) {
        const auto person = memberships.text(0);
        while (at < out.people.size() && out.people[at].id < person) ++at;
        const PackedText id =
            at < out.people.size() && out.people[at].id == person ? out.people[at].id : PackedText(text.keep(person));
        if (memberships.text(1) != team) team = text.keep(memberships.text(1));
        out.memberships.push_back({id, team, memberships.real(2)});
    }
    return out;
}

std::unordered_map<std::string, std::string> load_family_sources(Database& db, bool unmatched_only) {
    std::unordered_map<std::string, std::string> out;
    // Both through the partial index person_family_not_rule, whose condition each query repeats so SQLite uses it.
    RowQuery q(db, unmatched_only
                       ? "SELECT id, family_source FROM person WHERE family_source <> 'rule' AND family_source = 'unmatched'"
                       : "SELECT id, family_source FROM person WHERE family_source <> 'rule'");
    while (q.step()) out.emplace(std::string(q.text(0)), std::string(q.text(1)));
    return out;
}

ReportingLines load_reporting_lines(Database& db) {
    ReportingLines out;
    out.lines.reserve(static_cast<std::size_t>(db.sql().execAndGet("SELECT count(*) FROM person").getInt64()));
    RowQuery q(db, "SELECT id, name, coalesce(manager_id, ''), unit, family FROM person ORDER BY id");
    while (q.step()) {
        auto& line = out.lines.emplace_back();
        line.id = out.text.keep(q.text(0));
        line.name = out.text.keep(q.text(1));
        line.manager_id = out.text.keep(q.text(2));
        line.unit = out.text.keep(q.text(3));
        line.family = parse_family(q.text(4)).value_or(Family::other);
    }
    return out;
}

std::vector<TitleClass> load_title_classes(Database& db, bool unmatched_only) {
    return select_rows(db,
                       std::string("SELECT p.title, p.family, p.family_source, CASE WHEN p.family_source = 'rule' THEN "
                                   "coalesce(t.pattern, '') ELSE '' END, count(*) AS n FROM person p LEFT JOIN "
                                   "title_match t ON t.title = p.title ") +
                           (unmatched_only ? "WHERE p.family_source = 'unmatched' " : "") +
                           "GROUP BY 1, 2, 3, 4 ORDER BY p.family_source = 'unmatched' DESC, n DESC, p.title",
                       [](const Row& r) { return TitleClass{r.text(0), r.text(1), r.text(2), r.text(3), r.integer(4)}; });
}

bool person_exists(Database& db, const std::string& id) { return any_row(db, "SELECT 1 FROM person WHERE id = ?1", id); }

std::unordered_set<std::string> people_with_family_column(Database& db) {
    std::unordered_set<std::string> ids;
    for_each_row(db, "SELECT id FROM person WHERE family_source = 'column'", [&](const Row& r) { ids.insert(r.text(0)); });
    return ids;
}

MakerTotals load_maker_totals(Database& db) {
    MakerTotals totals;
    RowQuery q(db, "SELECT team_id, fte FROM team_maker_fte"); // a row per team: read as views
    while (q.step())
        if (const auto team = q.text(0); team.empty())
            totals.unallocated = q.real(1);
        else
            totals.team_fte.emplace_back(team, q.real(1));
    return totals;
}

void refresh_maker_totals(Database& db) {
    db.sql().exec("DELETE FROM team_maker_fte;"
                  "INSERT INTO team_maker_fte(team_id, fte) SELECT m.team_id, total(p.fte * m.allocation) FROM membership m "
                  "JOIN person p ON p.id = m.person_id WHERE p.family = 'maker' GROUP BY m.team_id;"
                  "INSERT INTO team_maker_fte(team_id, fte) SELECT '', max(0, (SELECT total(fte) FROM person WHERE family = "
                  "'maker') - (SELECT total(fte) FROM team_maker_fte));");
}

void store_maker_totals(Database& db, const MakerTotals& totals) {
    db.sql().exec("DELETE FROM team_maker_fte");
    SQLite::Statement q(db.sql(), "INSERT INTO team_maker_fte(team_id, fte) VALUES(?1, ?2)");
    for (const auto& [team, fte] : totals.team_fte) {
        q.bind(1, team.str()); // copied: a Text is no C string, and a temporary one would be gone at exec()
        q.bind(2, fte);
        q.exec();
        q.reset();
    }
    q.bind(1, "");
    q.bind(2, totals.unallocated);
    q.exec();
}

} // namespace orgplan
