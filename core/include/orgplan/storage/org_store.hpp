// Reading the org snapshot from the database, whole or only what an answer needs (writing it: org_writer.hpp).
#pragma once

#include <functional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "orgplan/model/reporting_lines.hpp"
#include "orgplan/model/stored_people.hpp"
#include "orgplan/org.hpp"
#include "orgplan/storage/database.hpp"

namespace orgplan {

/// How much of each person to read: `full` is everything; `none` reads no people and no memberships (an import
/// reads those packed, with load_stored_people());
/// `no_makers` keeps only id, name, family, FTE and manager of everyone who is not a maker, only PMs' memberships,
/// and teams without type and parent unit, for ratio reports that take makers from load_maker_totals() instead
/// (plugins always get the whole org).
enum class PersonDetail { full, none, no_makers };

/// Maker FTE per team id, one entry per team with makers, and the maker FTE allocated to no team.
struct MakerTotals {
    std::vector<std::pair<Text, double>> team_fte;
    double unallocated = 0;
};
/// Whether a person with this id is stored.
bool person_exists(Database& db, const std::string& id);
/// Ids of stored people whose family came from a family column (not from title rules).
std::unordered_set<std::string> people_with_family_column(Database& db);

/// Reads the totals the last write stored (table team_maker_fte): one row per team, no join over people.
MakerTotals load_maker_totals(Database& db);
/// Replaces the stored totals; every write of people or memberships calls it in the same transaction.
void store_maker_totals(Database& db, const MakerTotals& totals);
/// Recomputes the stored maker totals from the people and memberships (after a write other than an import).
void refresh_maker_totals(Database& db);

/// The stored people and memberships with only what an import checks (see StoredPeople), inside the caller's
/// transaction: a million of them in a fifth of the memory of the org's structs.
StoredPeople load_stored_people(Database& db);

/// Reads the whole org, all of it from one commit (inside the caller's transaction, or a read transaction of its
/// own). Rows come back ordered by id so output is stable run to run. `also_read`, when given, reads what else the
/// caller needs in the same commit (a ratio report's stored maker totals) from the connection it is given, once,
/// before load_org returns: `db` on this thread after the org's other tables, or, for PersonDetail::no_makers when a
/// twin connection reads the people, that twin on its thread once they are read, while this thread reads the teams.
Org load_org(Database& db, PersonDetail detail = PersonDetail::full,
             const std::function<void(Database&)>& also_read = {});

/// How the import set the role family of each person whose family no title rule set: person id -> "column" or
/// "unmatched"; a person not listed had theirs from a rule (most people, and no answer asks which rule: at a million
/// people, listing them all was a map of a million ids). With `unmatched_only`, only the people whose title no rule
/// matched (a gap every answer counting families rests on).
std::unordered_map<std::string, std::string> load_family_sources(Database& db, bool unmatched_only = false);

/// Everyone's reporting line, in id order, with the text the lines view (spans and layers need no more).
ReportingLines load_reporting_lines(Database& db);

/// People grouped by title, family and how the family was set, with the rule pattern that matched: orgplan roles.
struct TitleClass {
    std::string title, family, source, pattern;
    long long people = 0;
};
/// Unmatched titles first, then the most common; only unmatched ones with `unmatched_only`.
std::vector<TitleClass> load_title_classes(Database& db, bool unmatched_only);

} // namespace orgplan
