// Locales as the merge sees them: the tag a catalog is looked up by, the CLDR parent chain
// that missing translations fall back along, and whether a catalog's language fits a locale.
// BCP 47 tags in and out; ICU stays inside the implementation.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace policyloc {

// The tag without Unicode extensions ("ar-u-nu-latn" -> "ar", "th-TH-u-ca-buddhist" ->
// "th-TH"), canonical in case ("PT-br" -> "pt-BR"): the name catalogs are found by. The
// extensions still reach ICU (numbering system, calendar) through the full tag.
std::string locale_lookup_tag(std::string_view bcp47);

// The CLDR parent chain of a locale's lookup tag, the locale first, root excluded:
// de-CH -> de-CH, de; es-MX -> es-MX, es-419, es; zh-Hant-HK -> zh-Hant-HK, zh-Hant.
std::vector<std::string> locale_parent_chain(std::string_view bcp47);

// How a catalog's language relates to the language a place in the chain expects.
enum class LanguageFit {
    same,      // the same locale, or one of its CLDR parents or children (de for de-CH)
    variant,   // the same language and script, another region (pt-PT for pt-BR)
    different, // another language or script (fr for de, zh-Hant for zh-Hans)
};

// Compares the maximized language and script subtags (zh-CN and zh-Hans are the same; gettext's
// region names for Chinese are understood), then the parent chains.
LanguageFit locale_language_fit(std::string_view catalog_language, std::string_view expected);

// Whether ICU knows the locale's script as written right to left (ar, he, fa, ur, ...).
bool locale_is_right_to_left(std::string_view bcp47);

} // namespace policyloc
