// The one HTML escaper: every page, chart and Markdown cell orgplan writes goes through it.
#pragma once

#include <string>
#include <string_view>

namespace orgplan {

/// Text safe inside HTML or SVG elements and attribute values: & < > " ' as entities.
std::string html_escape(std::string_view text);

} // namespace orgplan
