#include "static_assets.hpp"

#include "orgplan/base/error.hpp"
#include "orgplan/output/output.hpp"
#include "serve_assets.hpp"

namespace orgplan::cli::serve {

const StaticAsset& static_asset(const std::string& name) {
    // The answers' tables look and sort as in the HTML report: its style and script come first.
    static const StaticAsset css{shared_text(std::string(html_style()) + assets::app_css), "text/css; charset=utf-8"};
    static const StaticAsset js{shared_text(std::string(html_script()) + assets::app_js), "text/javascript; charset=utf-8"};
    static const StaticAsset plan{shared_text(assets::plan_js), "text/javascript; charset=utf-8"};
    if (name == "plan.js") return plan;
    if (name == "app.css") return css;
    if (name == "app.js") return js;
    throw Error("no asset named " + name);
}

} // namespace orgplan::cli::serve
