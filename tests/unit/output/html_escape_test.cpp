#include <catch2/catch.hpp>

#include "orgplan/output/html_escape.hpp"

using namespace orgplan;

TEST_CASE("html escape: markup, quotes and ampersands become entities, other text stays") {
    CHECK(html_escape("<a href=\"x\">Tom & 'Jerry'</a>") ==
          "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
    CHECK(html_escape("Zoë, 12:1") == "Zoë, 12:1");
    CHECK(html_escape("").empty());
}
