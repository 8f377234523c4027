// BCP 47 tags (XLIFF, the CLI) <-> gettext locale names (the PO header's Language field):
// region with "_", Chinese by region, Latin and Cyrillic scripts as @latin and @cyrillic.
#include "policyloc/catalog.h"

#include <doctest/doctest.h>

#include <string>
#include <utility>

using policyloc::locale_to_bcp47;
using policyloc::locale_to_gettext;

namespace {

// BCP 47 tag and the gettext name the PO header writes for it.
const std::pair<std::string, std::string> kPairs[] = {
    {"de", "de"},
    {"de-CH", "de_CH"},
    {"pt-BR", "pt_BR"},
    {"es-419", "es_419"},
    {"zh-Hans", "zh_CN"},
    {"zh-Hant", "zh_TW"},
    {"sr-Latn", "sr@latin"},
    {"sr-Cyrl", "sr@cyrillic"},
    {"sr-Latn-RS", "sr_RS@latin"},
    {"uz-Cyrl-UZ", "uz_UZ@cyrillic"},
};

} // namespace

TEST_CASE("locale names: BCP 47 to gettext") {
    for (const auto& [bcp47, gettext] : kPairs)
        CHECK_MESSAGE(locale_to_gettext(bcp47) == gettext, bcp47);
}

TEST_CASE("locale names: gettext to BCP 47") {
    for (const auto& [bcp47, gettext] : kPairs)
        CHECK_MESSAGE(locale_to_bcp47(gettext) == bcp47, gettext);
}

TEST_CASE("locale names: round trips both ways") {
    for (const auto& [bcp47, gettext] : kPairs) {
        CHECK_MESSAGE(locale_to_bcp47(locale_to_gettext(bcp47)) == bcp47, bcp47);
        CHECK_MESSAGE(locale_to_gettext(locale_to_bcp47(gettext)) == gettext, gettext);
    }
}

TEST_CASE("locale names: an encoding is dropped, a modifier without a script too") {
    CHECK(locale_to_bcp47("pt_BR.UTF-8") == "pt-BR");
    CHECK(locale_to_bcp47("sr_RS.UTF-8@latin") == "sr-Latn-RS");
    CHECK(locale_to_bcp47("de_DE@euro") == "de-DE");
}
