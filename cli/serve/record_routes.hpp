// Fixing data in place: a person's or a team's record read and changed by hr (PATCH with If-Match, validated as an
// import row is), and HR export files uploaded in the browser, previewed (what would be created, changed, removed)
// before they are applied all or nothing. Every change goes through the importer, so it is checked, snapshotted and
// logged like any import, in the name of the signed-in user.
#pragma once

#include <httplib.h>

#include "served_org.hpp"

namespace orgplan::cli::serve {

/// Registers /api/v1/people/ID, /api/v1/teams/ID, /api/v1/import and the /people/ID, /teams/ID and /import pages.
/// Must come before the server's catch-all routes.
void add_record_routes(httplib::Server& http, ServedOrg& org);

} // namespace orgplan::cli::serve
