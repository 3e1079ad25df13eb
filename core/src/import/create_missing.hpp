// Records created because something refers to them (`--create-missing products,segments`).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "incoming.hpp"
#include "orgplan/org.hpp"

namespace orgplan::importing {

/// Kind -> ids of the records created.
using CreatedRecords = std::map<std::string, std::vector<std::string>>;

/// Adds to `in`, by id and named after it, a record of each kind in `wanted` (segments, products, initiatives,
/// accounts, teams) that some incoming record refers to and no file, broken record or the `stored` org has. Each
/// takes the location of its first reference.
CreatedRecords create_missing(const std::set<std::string>& wanted, const Org& stored, IncomingRecords& in);

} // namespace orgplan::importing
