#include "policyloc/stats.h"

#include <memory>

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

namespace policyloc {

Count CatalogStats::total() const {
    return {translated.units + fuzzy.units + untranslated.units,
            translated.words + fuzzy.words + untranslated.words};
}

double CatalogStats::percent_complete() const {
    Count t = total();
    if (t.words == 0) return t.units == 0 || translated.units == t.units ? 100.0 : 0.0;
    return 100.0 * static_cast<double>(translated.words) / static_cast<double>(t.words);
}

size_t count_words(std::string_view utf8_text) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) return 0;
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8_text.data(), static_cast<int32_t>(utf8_text.size())));
    it->setText(text);
    size_t words = 0;
    for (int32_t end = it->next(); end != icu::BreakIterator::DONE; end = it->next()) {
        int32_t status_tag = it->getRuleStatus();
        // Letters, numbers, kana and ideographs count; spaces and punctuation do not.
        if (status_tag >= UBRK_WORD_NUMBER) ++words;
    }
    return words;
}

CatalogStats catalog_stats(const Catalog& catalog) {
    CatalogStats s;
    for (const Unit& u : catalog.units()) {
        size_t w = count_words(u.source);
        Count* c = nullptr;
        if (u.obsolete) c = &s.obsolete;
        else if (u.state == UnitState::fuzzy && !u.target.empty()) c = &s.fuzzy;
        else if (u.state >= UnitState::translated && !u.target.empty()) c = &s.translated;
        else c = &s.untranslated;
        c->units += 1;
        c->words += w;
    }
    return s;
}

} // namespace policyloc
