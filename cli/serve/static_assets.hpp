// The style sheet and script of the server's pages, compiled into the binary: nothing is fetched from elsewhere and
// a request can only name one of these (no file system behind /static/).
#pragma once

#include <string>

#include "response_body.hpp"

namespace orgplan::cli::serve {

struct StaticAsset {
    SharedText content; ///< compressed once, at the first request
    const char* type;
};

/// "app.css", "app.js" or "plan.js"; throws orgplan::Error for any other name.
const StaticAsset& static_asset(const std::string& name);

} // namespace orgplan::cli::serve
