// glossary and glossary-forbidden: the approved and forbidden translations of terms.
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "policyloc/glossary.h"
#include "policyloc/i18n.h"
#include "policyloc/locale_chain.h"

namespace policyloc {

namespace {

std::string folded(std::string_view s) {
    icu::UnicodeString u =
        icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    std::string out;
    u.foldCase().toUTF8String(out);
    return out;
}

bool word_char_at(std::string_view s, size_t pos, bool before) {
    if (before ? pos == 0 : pos >= s.size()) return false;
    const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
    UChar32 c = 0;
    auto i = static_cast<int32_t>(pos);
    if (before) {
        U8_PREV(bytes, 0, i, c);
    } else {
        const auto length = static_cast<int32_t>(s.size());
        U8_NEXT(bytes, i, length, c);
    }
    return c >= 0 && (u_isalnum(c) || u_hasBinaryProperty(c, UCHAR_ALPHABETIC));
}

// `what` in `text` (both case-folded) as a whole word.
bool has_word(std::string_view text, std::string_view what) {
    if (what.empty()) return false;
    for (size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + 1))
        if (!word_char_at(text, at, true) && !word_char_at(text, at + what.size(), false))
            return true;
    return false;
}

} // namespace

UnitFindings glossary_check(const Glossary& glossary, const Unit& unit, const std::string& locale) {
    UnitFindings out;
    if (!unit.has_usable_target()) return out;
    const std::string source = folded(unit.source);
    const std::string target = folded(unit.target);
    for (const GlossaryEntry& e : glossary.entries) {
        if (locale_language_fit(e.locale, locale) != LanguageFit::same) continue;
        for (const std::string& f : e.forbidden)
            if (has_word(target, folded(f)))
                out.push_back(unit_finding(
                    "glossary-forbidden",
                    check_wording(N_("the translation uses '%s', a forbidden translation of '%s'"),
                                  {f, e.term})));
        if (e.approved.empty() || !has_word(source, folded(e.term))) continue;
        bool found = false;
        for (const std::string& a : e.approved)
            found = found || target.find(folded(a)) != std::string::npos;
        if (found) continue;
        std::string list;
        for (const std::string& a : e.approved) list += (list.empty() ? "'" : ", '") + a + "'";
        out.push_back(unit_finding(
            "glossary", check_wording(N_("the source has the term '%s' but the translation has "
                                         "none of its approved translations (%s)"),
                                      {e.term, list})));
    }
    return out;
}

} // namespace policyloc
