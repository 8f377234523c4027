// locale_parent_chain: the CLDR parent chain a merge falls back along, most specific first,
// root left out. CLDR's parentLocales take precedence over truncation (es-MX -> es-419), and
// a script locale whose parent is root ends the chain (zh-Hant does not fall back to zh).
#include "policyloc/locale_chain.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using policyloc::locale_parent_chain;
using Chain = std::vector<std::string>;

TEST_CASE("locale chain: truncation where CLDR names no other parent") {
    CHECK(locale_parent_chain("de-CH") == Chain{"de-CH", "de"});
    CHECK(locale_parent_chain("pt-BR") == Chain{"pt-BR", "pt"});
    CHECK(locale_parent_chain("en-US") == Chain{"en-US", "en"});
    CHECK(locale_parent_chain("de") == Chain{"de"});
}

TEST_CASE("locale chain: CLDR parent locales") {
    // Latin American Spanish and Commonwealth English have a regional parent of their own.
    CHECK(locale_parent_chain("es-MX") == Chain{"es-MX", "es-419", "es"});
    CHECK(locale_parent_chain("es-AR") == Chain{"es-AR", "es-419", "es"});
    CHECK(locale_parent_chain("es-419") == Chain{"es-419", "es"});
    CHECK(locale_parent_chain("en-GB") == Chain{"en-GB", "en-001", "en"});
    // European Portuguese is not Brazilian: its parent is pt, not pt-BR.
    CHECK(locale_parent_chain("pt-PT") == Chain{"pt-PT", "pt"});
}

TEST_CASE("locale chain: script locales stop where CLDR's parent is root") {
    CHECK(locale_parent_chain("zh-Hant-HK") == Chain{"zh-Hant-HK", "zh-Hant"});
    CHECK(locale_parent_chain("zh-Hant") == Chain{"zh-Hant"});
    CHECK(locale_parent_chain("zh-Hans") == Chain{"zh-Hans", "zh"});
    CHECK(locale_parent_chain("sr-Latn") == Chain{"sr-Latn"});
    CHECK(locale_parent_chain("sr-Latn-RS") == Chain{"sr-Latn-RS", "sr-Latn"});
}

TEST_CASE("locale chain: tags come back in BCP 47 form") {
    for (const char* tag : {"de-CH", "es-MX", "zh-Hant-HK", "sr-Latn-RS"})
        for (const std::string& l : locale_parent_chain(tag)) {
            CHECK_MESSAGE(l.find('_') == std::string::npos, l);
            CHECK_MESSAGE(l != "root", tag);
        }
}

TEST_CASE("locale chain: Unicode extensions take no part in the chain") {
    // Catalogs are found by the tag without its extensions; the extensions reach ICU through
    // the full tag, not through the chain.
    CHECK(locale_parent_chain("ar-u-nu-latn") == Chain{"ar"});
    CHECK(locale_parent_chain("de-CH-u-ca-gregory") == Chain{"de-CH", "de"});
}
