// check_html: raw HTML the translation brings in.
#include <doctest/doctest.h>

#include <algorithm>

#include "check_test_support.h"
#include "policyloc/check_unit.h"

using namespace policyloc;
using namespace policyloc::test;

TEST_CASE("check html: scripts, frames, objects, event handlers and javascript: URLs are errors") {
    const char* source = "Contact us <br> today";
    for (const char* bad :
         {"Contactez-nous <br> <script>alert(1)</script>",
          "Contactez-nous <br> <iframe src=\"https://x.test\"></iframe>",
          "Contactez-nous <br> <object data=\"x.swf\"></object>",
          "Contactez-nous <br> <EMBED src=\"x\">", "Contactez-nous <br onmouseover=\"steal()\">",
          "Contactez-nous <br> [ici](javascript:alert(1))",
          "Contactez-nous <br> <a href=\"data:text/html;base64,xx\">ici</a>"}) {
        Unit u = unit(source, bad);
        auto found = ids(check_html(u));
        CHECK_MESSAGE(std::find(found.begin(), found.end(), "html-unsafe") != found.end(), bad);
    }
}

TEST_CASE("check html: what the source has is not new, other new tags are warnings") {
    Unit u = unit("Watch <iframe src=\"https://video.example\"></iframe> now",
                  "Regardez <iframe src=\"https://video.example\"></iframe> maintenant");
    CHECK(ids(check_html(u)).empty());
    u = unit("Contact us <br> today", "Contactez-nous <br> <span class=\"x\">aujourd'hui</span>");
    CHECK(ids(check_html(u)) == Ids{"html-new-tag"});
    // HTML in a code span is text, not markup.
    u = unit("Do not write `<b>`", "N'écrivez pas `<script>`");
    CHECK(ids(check_html(u)).empty());
}
