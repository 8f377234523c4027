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

double CatalogStats::percent_words_done(bool include_fuzzy) const {
    size_t words = total().words;
    size_t done = translated.words + (include_fuzzy ? fuzzy.words : 0);
    return words == 0 ? 100.0 : 100.0 * static_cast<double>(done) / static_cast<double>(words);
}

// Created on the first count(): a WordCounter that never counts costs no ICU iterator.
struct WordCounter::Impl {
    std::unique_ptr<icu::BreakIterator> words; // nullptr when ICU has no word break data
};

WordCounter::WordCounter() = default;
WordCounter::~WordCounter() = default;

size_t WordCounter::count(std::string_view utf8_text) {
    if (!impl_) {
        impl_ = std::make_unique<Impl>();
        UErrorCode status = U_ZERO_ERROR;
        impl_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
        if (U_FAILURE(status)) impl_->words.reset();
    }
    icu::BreakIterator* words = impl_->words.get();
    if (!words) return 0;
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8_text.data(), static_cast<int32_t>(utf8_text.size())));
    words->setText(text);
    size_t found = 0;
    for (int32_t end = words->next(); end != icu::BreakIterator::DONE; end = words->next()) {
        int32_t status_tag = words->getRuleStatus();
        // Letters, numbers, kana and ideographs count; spaces and punctuation do not.
        if (status_tag >= UBRK_WORD_NUMBER) ++found;
    }
    return found;
}

size_t count_words(std::string_view utf8_text) {
    return WordCounter().count(utf8_text);
}

CatalogStats catalog_stats(const Catalog& catalog) {
    CatalogStats s;
    WordCounter counter;
    for (const Unit& u : catalog.units()) {
        size_t w = counter.count(u.source);
        Count* c = nullptr;
        if (u.obsolete)
            c = &s.obsolete;
        else if (u.state == UnitState::fuzzy && !u.target.empty())
            c = &s.fuzzy;
        else if (u.state >= UnitState::translated && !u.target.empty())
            c = &s.translated;
        else
            c = &s.untranslated;
        c->units += 1;
        c->words += w;
    }
    return s;
}

} // namespace policyloc
