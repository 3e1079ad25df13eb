// The person table read into Person structs on two threads: this one steps SQLite and copies each row's columns
// into batches, a helper makes the structs (the strings they hold) from them. A million people take about half
// the time of one thread doing both.
#pragma once

#include <string>
#include <vector>

#include "orgplan/org.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/storage/row_statement.hpp"
#include "../model/text_pool.hpp"

namespace orgplan {

/// A person's columns in the order the functions below read them, for a SELECT.
extern const char* const kPersonColumns;

/// Sets `person` (a new one) from `q`'s current row, whose columns are kPersonColumns. NULL text is empty; a NULL
/// pm_years, cost or coaching_hours is no value; a NULL fte is 0. The columns people share come from `shared`.
void read_person(const RowQuery& q, TextPool& shared, Person& person);

/// Appends the people `sql` selects to `people`, room made for `expected` of them (more or fewer are fine; a helper
/// thread only for many). The query's columns are kPersonColumns. Call it inside a read
/// transaction: every row comes from it, on this thread.
void read_people(Database& db, const std::string& sql, std::size_t expected, std::vector<Person>& people);

} // namespace orgplan
