// The org a scenario was made from, kept copy-on-write: creating a scenario copies nothing; from then on, every
// write to an org table first keeps the row as it was (SQLite triggers, so no write path can forget it). A base is
// then the live tables with the rows kept since it opened put back. What a scenario stores is only what it changes
// (model/org_records.hpp), and a merge compares three orgs without a copy of any.
//
// Rows are kept once, for the newest base only: the org as of an older base is, per row, the first row kept by it
// or a newer base, else the live row. Triggers and the kept rows' tables (base_TABLE) exist only while a base does,
// so an org without scenarios writes at full speed. They are made again from the schema's columns whenever a base
// opens, so a column a migration adds is kept from then on (rows kept before read it as NULL).
#pragma once

#include <string>

#include "orgplan/storage/database.hpp"

#include "orgplan/org.hpp"

namespace orgplan {

/// The base for a new scenario of the live org, with the org's settings now (`settings`, JSON text): the newest
/// base when nothing was written to the org since it opened and its settings are the same, else a new one. Inside
/// the caller's write transaction.
long long open_scenario_base(Database& db, const std::string& settings);

/// The settings the base was opened with (JSON text, as given). Throws orgplan::Error for an unknown base.
std::string scenario_base_settings(Database& db, long long base);

/// Whether the org is as it was when `base` opened (nothing written to an org table since).
bool base_is_live(Database& db, long long base);

/// The org as it was when `base` opened; the interrupts and task forces are the org's (logs, not planned). Reads
/// inside the caller's transaction, what it wrote included.
Org load_base_org(Database& db, long long base);

/// Forgets bases no scenario names, keeping what older bases still need; when none is left, the triggers and kept
/// rows go too.
void release_unused_bases(Database& db);

/// A writer about to empty every org table (import --replace) sets the triggers aside and copies the tables aside
/// once (a per-row trigger tripled the time); resume_base_capture, before the commit, keeps for the newest base the
/// rows that are not there again as they were and marks new keys absent then, in one statement per table, and makes
/// the triggers again (prune_kept_rows resumes too). Without bases, both do nothing.
void suspend_base_capture(Database& db);
void resume_base_capture(Database& db);

/// Forgets kept rows the org has again as they were (an import that deletes and writes the same people): a base
/// then reads them from the live table, the same. Inside the writer's transaction, after its writes.
void prune_kept_rows(Database& db);

/// Erasing a person (after the org's rows went): their kept rows go, and kept rows of people they managed name
/// `manager` instead (their manager in the org; empty: the one their kept row names). Returns the newest base that
/// had them (bases up to it did), or 0.
long long erase_from_bases(Database& db, const std::string& id, const std::string& manager);

} // namespace orgplan
