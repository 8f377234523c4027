// check_text_shape: whitespace at the edges, doubled spaces, untranslated long text; and
// check_unit, which runs only on usable translations.
#include <doctest/doctest.h>

#include "policyloc/check_unit.h"

using namespace policyloc;

namespace {

// A protected span of bytes [b, e) (its kind does not matter to the checks).
InlineCode span(size_t b, size_t e) {
    InlineCode c;
    c.begin = b;
    c.end = e;
    return c;
}

Unit unit(std::string source, std::string target) {
    Unit u;
    u.source = std::move(source);
    u.target = std::move(target);
    u.state = UnitState::translated;
    return u;
}

std::vector<std::string> ids(const UnitFindings& fs) {
    std::vector<std::string> out;
    for (const auto& f : fs) out.push_back(f.id);
    return out;
}

using Ids = std::vector<std::string>;

} // namespace

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
