// check_markup: links and images, balanced delimiters, "] (", hard line breaks.
#include <doctest/doctest.h>

#include <algorithm>

#include "check_test_support.h"
#include "policyloc/check_unit.h"

using namespace policyloc;
using namespace policyloc::test;

TEST_CASE("check markup: a link added to another host is an error, to the same host a warning") {
    Unit u = unit("See [our policy](https://example.com/privacy).",
                  "Voir [notre politique](https://example.com/privacy).");
    CHECK(ids(check_markup(u)).empty());
    u.target =
        "Voir [notre politique](https://example.com/privacy) et [ceci](https://evil.test/x).";
    auto found = check_markup(u);
    REQUIRE(ids(found) == Ids{"link-added"});
    CHECK(found[0].message.find("https://evil.test/x") != std::string::npos);
    u.target = "Voir [notre politique](https://example.com/privacy) ou "
               "[la FAQ](https://www.example.com/faq).";
    CHECK(ids(check_markup(u)) == Ids{"link-changed"});
    u.target =
        "Voir ![logo](https://cdn.evil.test/l.png) [notre politique](https://example.com/privacy).";
    CHECK(ids(check_markup(u)) == Ids{"link-added"});
}

TEST_CASE("check markup: a dropped link is link-changed unless its destination is protected") {
    Unit u = unit("See [our policy](https://example.com/privacy).", "Voir notre politique.");
    CHECK(ids(check_markup(u)) == Ids{"link-changed"});
    u.codes.push_back(span(u.source.find("https://"), u.source.find(')')));
    CHECK(ids(check_markup(u)).empty()); // protected-span reports it
}

TEST_CASE("check markup: delimiters without a partner") {
    Unit u = unit("**Account Information**: name and *email*",
                  "**Données de compte** : nom et *e-mail*");
    CHECK(ids(check_markup(u)).empty());
    for (const char* bad :
         {"**Données de compte : nom et *e-mail*", "**Données de compte** : nom et *e-mail",
          "**Données** : ~~nom et *e-mail*", "**Données** : `nom et *e-mail*"}) {
        u.target = bad;
        CHECK_MESSAGE(ids(check_markup(u)) == Ids{"markup-unbalanced"}, bad);
    }
    // snake_case and an emphasis moved elsewhere are fine.
    u.target = "Les **données de compte** : le nom et *l'e-mail* (user_name)";
    CHECK(ids(check_markup(u)).empty());
}

TEST_CASE("check markup: a space between the closing bracket and the parenthesis breaks a link") {
    Unit u = unit("See [the policy](https://example.com).",
                  "Voir [la politique] (https://example.com).");
    auto found = ids(check_markup(u));
    CHECK(std::find(found.begin(), found.end(), "link-space") != found.end());
    u.target = "Voir [la politique](https://example.com) (en anglais).";
    CHECK(ids(check_markup(u)).empty());
}

TEST_CASE("check markup: hard line breaks of an address block are kept") {
    Unit u = unit("Gopteran Inc.  \n1 Main Street  \nSpringfield",
                  "Gopteran Inc.  \n1 rue Principale  \nSpringfield");
    CHECK(ids(check_markup(u)).empty());
    u.target = "Gopteran Inc. 1 rue Principale Springfield";
    auto found = check_markup(u);
    REQUIRE(ids(found) == Ids{"hard-break"});
    CHECK(found[0].message.find("2 hard line break") != std::string::npos);
}

TEST_CASE("check markup: a link whose protected destination was altered is one defect") {
    Unit u = unit("See [our terms](#terms) and [help](#help).",
                  "Voir [nos conditions](#termes) et [aide](#help).");
    u.codes.push_back(span(u.source.find("#terms"), u.source.find("#terms") + 6));
    u.codes.push_back(span(u.source.find("#help"), u.source.find("#help") + 5));
    CHECK(ids(check_markup(u)).empty()); // protected-span reports "#terms"
    // Altered to another host, it is an error of its own.
    u.target = "Voir [nos conditions](https://evil.test/) et [aide](#help).";
    CHECK(ids(check_markup(u)) == Ids{"link-added"});
}
