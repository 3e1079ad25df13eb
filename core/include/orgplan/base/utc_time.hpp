// Now, in UTC, as the database and the change log write it.
#pragma once

#include <string>

namespace orgplan {

/// Today's date (UTC), YYYY-MM-DD.
std::string today();
/// Now (UTC) to the second, ISO 8601: 2026-12-05T17:04:27Z.
std::string utc_now();

} // namespace orgplan
