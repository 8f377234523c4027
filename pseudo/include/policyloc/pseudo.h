// Pseudo-localization: catalogs in the pseudo-locales CLDR defines, so that layouts can be
// tested before any translation exists. Only the words of a unit change: its protected spans
// (Unit::codes) and the Markdown around the words (emphasis and strikethrough delimiters,
// link brackets, backslash escapes, hard breaks, entity references) stay byte for byte, as do
// URLs and e-mail addresses written in the text.
//
// en-XA (accented English): every ASCII letter becomes an accented look-alike, number words
// make the text about 35% longer, and the whole text is bracketed: "We collect your data"
// becomes "[Ŵé çöļļéçţ ýöûŕ ðåţå one]".
// ar-XB (fake right-to-left): every run of left-to-right letters is wrapped in U+200F U+202E
// ... U+202C U+200F, so a reader sees each word mirrored and the words ordered right to left,
// as in an Arabic layout; the characters themselves stay as they are.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "policyloc/catalog.h"

namespace policyloc {

enum class PseudoLocale {
    en_XA, // accented, expanded, bracketed
    ar_XB, // mirrored right to left
};

// "en-XA", "ar-XB": the BCP 47 tag of the pseudo-locale.
const char* pseudo_locale_tag(PseudoLocale locale);

// The pseudo-locale a tag names, in BCP 47 or gettext spelling and any case ("en-XA",
// "en_xa"); nothing for any other tag.
std::optional<PseudoLocale> pseudo_locale_from_tag(std::string_view tag);

// The pseudo-translation of a unit's source in `locale`. Every protected span of the unit
// (Unit::codes) is in the result unchanged and in the same order.
std::string pseudo_translate(const Unit& unit, PseudoLocale locale);

// The catalog of `tmpl` in `locale`: target language set, a Plural-Forms header for it, every
// unit pseudo-translated and marked translated (plural forms too); obsolete units left out.
Catalog pseudo_catalog(const Catalog& tmpl, PseudoLocale locale);

} // namespace policyloc
