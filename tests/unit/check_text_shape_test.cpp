// check_text_shape: whitespace at the edges, doubled spaces, untranslated long text; and
// check_unit, which runs only on usable translations.
#include <doctest/doctest.h>

#include "check_test_support.h"
#include "policyloc/check_unit.h"

using namespace policyloc;
using namespace policyloc::test;

TEST_CASE("check text shape: leading and trailing whitespace, doubled spaces") {
    WordCounter w;
    CHECK(ids(check_text_shape(unit("We use cookies", "Nous utilisons des cookies"), w)).empty());
    CHECK(ids(check_text_shape(unit("We use cookies", " Nous utilisons des cookies"), w)) ==
          Ids{"whitespace"});
    CHECK(ids(check_text_shape(unit("We use cookies", "Nous utilisons des cookies\n"), w)) ==
          Ids{"whitespace"});
    CHECK(ids(check_text_shape(unit("We use cookies", "Nous utilisons  des cookies"), w)) ==
          Ids{"double-space"});
    // Two spaces before a hard line break are the break, not a doubled space.
    CHECK(ids(check_text_shape(unit("Line one  \nline two", "Ligne un  \nligne deux"), w)).empty());
}

TEST_CASE("check text shape: a translation identical to a long source") {
    WordCounter w;
    CHECK(ids(check_text_shape(unit("Introduction", "Introduction"), w)).empty());
    CHECK(ids(check_text_shape(unit("Cloud hosting providers (AWS, Google Cloud, etc.)",
                                    "Cloud hosting providers (AWS, Google Cloud, etc.)"),
                               w)) == Ids{"identical"});
    // Protected spans are not words a translator could translate.
    Unit u = unit("`policyloc check --json --strict` `a b c d`",
                  "`policyloc check --json --strict` `a b c d`");
    u.codes = {span(0, 33), span(34, 43)};
    CHECK(ids(check_text_shape(u, w)).empty());
}

TEST_CASE("check unit: untranslated, fuzzy and obsolete units are not checked") {
    WordCounter w;
    Unit u = unit("We use cookies", " Nous  <script>x</script>");
    CHECK(!check_unit(u, w).empty());
    u.state = UnitState::fuzzy;
    CHECK(check_unit(u, w).empty());
    u.state = UnitState::translated;
    u.obsolete = true;
    CHECK(check_unit(u, w).empty());
    u.obsolete = false;
    u.target.clear();
    CHECK(check_unit(u, w).empty());
}
